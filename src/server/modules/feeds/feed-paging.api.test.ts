import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { encodeCursor } from './cursor.js';

/**
 * Keyset paging must neither repeat nor skip a post, whatever the page size, on
 * PGlite and PostgreSQL alike. PostgreSQL keeps microseconds and a JS Date only
 * milliseconds, so the timestamps here are set to share milliseconds (and some
 * to be exactly equal, so the id breaks the tie): a cursor that loses precision
 * repeats posts in an oldest-first feed and skips them in a newest-first one.
 */
let hearth: TestApp;
let reader: TestClient;
const SLUG = 'caregivers';
const FEEDS = [
  '/api/feed',
  '/api/feed?sort=active',
  '/api/feed/needs-reply',
  '/api/feed/mine',
  `/api/groups/${SLUG}/feed`,
  `/api/groups/${SLUG}/feed?sort=active`,
];
const PAGE_SIZES = [1, 2, 3, 7];

/** A small deterministic generator (a seeded property test: the same cases on every run). */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

beforeAll(async () => {
  hearth = await createTestApp();
  reader = new TestClient(hearth.app);
  await reader.signUp();
  await join(reader, SLUG);
  const writer = new TestClient(hearth.app);
  await writer.signUp();
  await join(writer, SLUG);

  const written: string[] = [];
  for (let i = 0; i < 14; i++) {
    const client = i % 3 === 0 ? reader : writer; // some are the reader's own: the "mine" feed pages too
    written.push((await writePost(client, SLUG, { title: `Paged post ${i}`, anonymous: i % 2 === 0 })).post.id);
  }
  // Answers take some posts out of "needs a reply" and give others a later activity.
  for (const [i, id] of written.entries()) if (i % 4 === 1) await writeReply(reader, id, { body: 'Thinking of you today.' });

  // Crowd the timestamps into a few milliseconds: several posts per millisecond, some exactly equal.
  const random = generator(20_261_204);
  const base = '2026-06-01T12:00:00.000Z';
  for (const id of written) {
    const created = random(4) * 1000 + [0, 1, 250, 250, 999][random(5)]!; // microseconds after base
    const active = created + random(3) * 1000 + random(2) * 500;
    await hearth.deps.db.execute(sql`
      update posts set
        created_at = ${base}::timestamptz + make_interval(secs => ${created} / 1e6),
        last_activity_at = ${base}::timestamptz + make_interval(secs => ${active} / 1e6)
      where id = ${id}::uuid`);
  }
});

afterAll(async () => {
  await hearth?.close();
});

async function idsOf(url: string): Promise<{ ids: string[]; nextCursor: string | null }> {
  const response = await reader.get(url);
  expect(response.statusCode, url).toBe(200);
  const body = response.json() as { posts: { id: string }[]; nextCursor: string | null };
  return { ids: body.posts.map((post) => post.id), nextCursor: body.nextCursor };
}

const withQuery = (feed: string, query: string) => `${feed}${feed.includes('?') ? '&' : '?'}${query}`;

describe('feed paging', () => {
  it('every feed, paged at sizes 1, 2, 3 and 7, gives the whole list once: no duplicate, no gap', async () => {
    for (const feed of FEEDS) {
      const whole = await idsOf(withQuery(feed, 'limit=50'));
      expect(whole.nextCursor, feed).toBeNull();
      expect(whole.ids.length, `${feed} has posts to page`).toBeGreaterThanOrEqual(4);
      for (const size of PAGE_SIZES) {
        const paged: string[] = [];
        let cursor: string | null = null;
        for (let page = 0; page <= whole.ids.length; page++) {
          const next: { ids: string[]; nextCursor: string | null } = await idsOf(withQuery(feed, `limit=${size}${cursor ? `&cursor=${cursor}` : ''}`));
          paged.push(...next.ids);
          cursor = next.nextCursor;
          if (!cursor) break;
        }
        expect(cursor, `${feed} at ${size} a page ends`).toBeNull();
        expect(paged, `${feed} at ${size} a page`).toEqual(whole.ids);
      }
    }
  });

  it('a cursor with an odd or extreme timestamp is a 400 naming cursor, never a 500', async () => {
    const id = '2b0c8a6e-1f1d-4c4e-9a51-6f7d2b3c4d5e';
    const odd = ['0000-01-01T00:00:00Z', '2026-06-01T12:00:00+16:00', '2026-06-01T12:00:00-15:59', '9999-12-31T23:59:59.999999+14:00', '2026-02-30T00:00:00Z', '2026-06-01T12:00:00.1234567Z', '1000000-01-01T00:00:00Z', '2026-06-01T12:00:00Z\u0000'];
    for (const feed of FEEDS) {
      for (const t of odd) {
        const response = await reader.get(withQuery(feed, `cursor=${encodeCursor({ t, id })}`));
        expect(response.statusCode, `${feed} with t=${t}`).toBe(400);
        expect(response.json().error.field, `${feed} with t=${t}`).toBe('cursor');
      }
      expect((await reader.get(withQuery(feed, `cursor=${encodeCursor({ t: '2026-06-01T12:00:00.000250Z', id })}`))).statusCode).toBe(200);
    }
  });
});
