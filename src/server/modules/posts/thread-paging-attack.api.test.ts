import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { insertReply } from './queries.js';
import { openCursor, sealCursor } from './thread-cursor.js';

/**
 * A reviewer's attack on paged threads (issue 14 review): what a reader can
 * learn from cursors, deep links and page walks about replies hidden from them,
 * and whether walks cover a nested thread exactly once. A failing test here is
 * a finding; a passing one is a check found sound.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'anxiety';
const memberIn = () => memberInGroup(hearth, SLUG);

interface Page {
  replies: { id: string; parentId: string | null; status: string }[];
  nextCursor: string | null;
  prevCursor: string | null;
  anchor?: string | null;
}
type Written = { id: string; depth: number; sortKey: string };

const base = Date.now();
let tick = 0;
async function reply(
  postId: string,
  authorId: string,
  options: { parent?: Written; status?: 'visible' | 'held' | 'removed_by_author'; createdAt?: Date } = {},
): Promise<Written> {
  tick += 1;
  const row = await insertReply(hearth.deps.db, {
    postId,
    authorId,
    parentId: options.parent?.id ?? null,
    depth: options.parent ? Math.min(options.parent.depth + 1, 3) : 0,
    body: `Reply ${tick}`,
    bodyHtml: `<p>Reply ${tick}</p>`,
    anonymous: false,
    status: options.status ?? 'visible',
    heldBy: options.status === 'held' ? 'assessor' : null,
    createdAt: options.createdAt ?? new Date(base + tick * 1000),
  });
  return { id: row.id, depth: row.depth, sortKey: row.sortKey };
}

async function get(client: TestClient, url: string): Promise<Page> {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
}
const ids = (page: Page) => page.replies.map((r) => r.id);
/** The cursor the server would give for place `key` of a post (cursors are sealed: thread-cursor.ts), and the place one names. */
const cursorAt = (postId: string, key: string) => sealCursor(hearth.deps.config.secrets.sessionSecret, postId, key);
const placeOf = (postId: string, cursor: string | null) => cursor && openCursor(hearth.deps.config.secrets.sessionSecret, postId, cursor);

async function walkForward(client: TestClient, postId: string, limit: number) {
  const pages = [await get(client, `/api/posts/${postId}?limit=${limit}`)];
  while (pages.at(-1)!.nextCursor)
    pages.push(await get(client, `/api/posts/${postId}/replies?after=${pages.at(-1)!.nextCursor}&limit=${limit}`));
  return pages;
}

/** From past the end of the thread back to its first reply, a page of `limit` at a time (the key past every key is a valid cursor). */
async function walkBack(client: TestClient, postId: string, limit: number) {
  const pages = [
    await get(client, `/api/posts/${postId}/replies?before=${cursorAt(postId, `${'9'.repeat(16)}${'f'.repeat(32)}`)}&limit=${limit}`),
  ];
  while (pages[0]!.prevCursor)
    pages.unshift(await get(client, `/api/posts/${postId}/replies?before=${pages[0]!.prevCursor}&limit=${limit}`));
  return pages;
}

/** A cursor is a chain of 48-character segments, one per level: the keys of the reply and of each ancestor above it. */
const segments = (cursor: string) => cursor.match(/.{48}/g) ?? [];

describe('paged threads under attack', () => {
  it('walk a depth-3 thread with hidden replies a page of one at a time, forwards and back, each shown reply exactly once in reading order', async () => {
    const { client: reader } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'Deep and hidden' });
    const a = await reply(post.id, writer.id);
    const a1 = await reply(post.id, writer.id, { parent: a });
    const heldLeaf = await reply(post.id, writer.id, { parent: a1, status: 'held' });
    const a11 = await reply(post.id, writer.id, { parent: a1 });
    const deepHeld = await reply(post.id, writer.id, { parent: a11, status: 'held' });
    const deep = await reply(post.id, writer.id, { parent: a11 });
    const deepAnswer = await reply(post.id, writer.id, { parent: deepHeld }); // deepHeld becomes a placeholder
    const b = await reply(post.id, writer.id, { status: 'removed_by_author' });
    const b1 = await reply(post.id, writer.id, { parent: b });
    const a2 = await reply(post.id, writer.id, { parent: a }); // written last, read under a
    const lastHeld = await reply(post.id, writer.id, { status: 'held' });
    const expected = [a, a1, a11, deepHeld, deep, deepAnswer, a2, b, b1].map((r) => r.id);
    expect(heldLeaf.id).not.toBe(lastHeld.id);

    const oneBig = await get(reader, `/api/posts/${post.id}?limit=50`);
    expect(ids(oneBig)).toEqual(expected);
    for (const limit of [1, 2, 3]) {
      expect((await walkForward(reader, post.id, limit)).flatMap(ids), `forward by ${limit}`).toEqual(expected);
      expect((await walkBack(reader, post.id, limit)).flatMap(ids), `back by ${limit}`).toEqual(expected);
    }
  });

  it('answer a deep link to a hidden reply, to a reply of another thread and to a random id alike (status and body)', async () => {
    const { client: reader } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'Deep links' });
    const { post: other } = await writePost(writerClient, SLUG, { title: 'Another thread' });
    await reply(post.id, writer.id);
    const held = await reply(post.id, writer.id, { status: 'held' });
    const removed = await reply(post.id, writer.id, { status: 'removed_by_author' });
    await reply(post.id, writer.id);
    const elsewhere = await reply(other.id, writer.id);

    const random = await reader.get(`/api/posts/${post.id}?at=${randomUUID()}&limit=1`);
    expect(random.statusCode).toBe(200);
    for (const at of [held.id, removed.id, elsewhere.id]) {
      const response = await reader.get(`/api/posts/${post.id}?at=${at}&limit=1`);
      expect(response.statusCode).toBe(random.statusCode);
      expect(response.body).toBe(random.body);
    }
  });

  it('refuse a cursor taken from another thread, or made up from a key, with a 400 naming the field', async () => {
    const { client: reader } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'This thread' });
    const { post: other } = await writePost(writerClient, SLUG, { title: 'That thread' });
    const mine = [await reply(post.id, writer.id), await reply(post.id, writer.id)];
    const foreign = await reply(other.id, writer.id); // written between this thread's replies
    mine.push(await reply(post.id, writer.id));
    const theirs = cursorAt(other.id, foreign.sortKey);
    expect(ids(await get(reader, `/api/posts/${other.id}/replies?before=${theirs}&limit=5`))).toEqual([]);
    for (const [url, field] of [
      [`/api/posts/${post.id}/replies?after=${theirs}&limit=5`, 'after'],
      [`/api/posts/${post.id}/replies?before=${theirs}&limit=5`, 'before'],
      [`/api/posts/${post.id}?from=${theirs}&limit=5`, 'from'],
      [`/api/posts/${post.id}/replies?after=${mine[0]!.sortKey}&limit=5`, 'after'],
    ] as const) {
      const response = await reader.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ error: { field } });
      expect(response.body, url).not.toContain(foreign.id);
    }
  });

  it('go on from a cursor whose reply has since been held or removed, without repeating or skipping a shown reply', async () => {
    const { client: reader } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'Cursor gone' });
    const all = [
      await reply(post.id, writer.id),
      await reply(post.id, writer.id),
      await reply(post.id, writer.id),
      await reply(post.id, writer.id),
    ];
    const first = await get(reader, `/api/posts/${post.id}?limit=2`);
    expect(placeOf(post.id, first.nextCursor)).toBe(all[1]!.sortKey);
    await hearth.deps.db.execute(
      sql`update replies set status = 'held', held_by = 'assessor' where id = ${all[1]!.id}`,
    );
    expect(ids(await get(reader, `/api/posts/${post.id}/replies?after=${first.nextCursor}&limit=2`))).toEqual([
      all[2]!.id,
      all[3]!.id,
    ]);
    expect(ids(await get(reader, `/api/posts/${post.id}/replies?before=${cursorAt(post.id, all[2]!.sortKey)}&limit=2`))).toEqual([
      all[0]!.id,
    ]);
  });

  // FINDING (low; partly pre-existing): a cursor is the reply's key, and a reply's key carries its ancestors'
  // segments (created_at to the microsecond, and id). When the parent is hidden from the reader by a block (the
  // other member's reply under their handle), the reply below it stays shown, and its cursor tells the reader
  // that a hidden reply exists there and exactly when it was written. parentId already names the hidden parent
  // (as before paging), so what is new is the exact time; both tell a member who blocked no one that its author
  // blocked them.
  it('hand out no cursor that carries the key of a reply hidden from the reader', async () => {
    const { client: reader, user: readerUser } = await memberIn();
    const { client: blockerClient, user: blocker } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'Blocked parent' });
    expect((await blockerClient.post('/api/me/blocks', { handle: readerUser.handle })).statusCode).toBe(200);
    const hiddenParent = await reply(post.id, blocker.id);
    const answer = await reply(post.id, writer.id, { parent: hiddenParent });
    await reply(post.id, writer.id);

    const first = await get(reader, `/api/posts/${post.id}?limit=1`);
    expect(ids(first)).toEqual([answer.id]);
    expect(first.nextCursor).not.toBeNull();
    const hiddenSegment = segments(hiddenParent.sortKey)[0]!;
    expect(segments(first.nextCursor!)).not.toContain(hiddenSegment);
    // Sealed, the cursor still names the place after the answer (its key carries the parent's), for the server alone.
    expect(first.nextCursor).not.toMatch(hiddenSegment.slice(0, 16));
    expect(placeOf(post.id, first.nextCursor)).toBe(answer.sortKey);
  });

  // FINDING (low): at the deepest level an answer is keyed among its parent's siblings by its own time, and
  // the SQL rule for "shown" (thread-queries.ts shownSql) looks for a held or removed deepest reply's answers of
  // answers only AFTER its key (its direct answers are found by parent_id alone). An answer's answer whose
  // created_at is not later than the top one's (the database clock stepped back, imported data, the scale seed's
  // least(now(), ...) giving several replies the same now()) is not found: the held reply is dropped while the
  // placeholder and the visible reply below it stay, the placeholder's parentId naming a reply the reader is
  // never shown, which tells them a held or removed reply is there. shown.ts (the rule before paging, and the
  // thread counters' rule) walks parents, whatever the times, and keeps the placeholder.
  it('keep a held deepest-level reply as a placeholder above its answers even when they carry earlier times', async () => {
    const { client: reader } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'Clock stepped back' });
    const r0 = await reply(post.id, writer.id);
    const r1 = await reply(post.id, writer.id, { parent: r0 });
    const r2 = await reply(post.id, writer.id, { parent: r1 });
    const heldAt = base + (tick + 1) * 1000;
    const heldDeep = await reply(post.id, writer.id, { parent: r2, status: 'held' });
    const removedAnswer = await reply(post.id, writer.id, {
      parent: heldDeep,
      status: 'removed_by_author',
      createdAt: new Date(heldAt - 600),
    });
    const visible = await reply(post.id, writer.id, { parent: removedAnswer, createdAt: new Date(heldAt - 300) });

    const page = await get(reader, `/api/posts/${post.id}?limit=50`);
    const shown = new Set(ids(page));
    expect(shown.has(visible.id)).toBe(true);
    for (const r of page.replies)
      if (r.parentId) expect(shown.has(r.parentId), `the parent of ${r.id} is shown`).toBe(true);
    expect(page.replies.find((r) => r.id === heldDeep.id)).toMatchObject({ status: 'unavailable' });
  });

  it('give the writer the support card of their held reply on whichever page it falls, and nobody else a trace of it', async () => {
    const { client: reader } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { client: crisisClient } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'Support on page two' });
    // Written a minute ago, before the replies the API writes now (this file's other replies are keyed ahead of now).
    for (let i = 0; i < 3; i += 1)
      await reply(post.id, writer.id, { createdAt: new Date(Date.now() - 60_000 + i * 1000) });
    const crisis = {
      reply: (await writeReply(crisisClient, post.id, {
        body: 'I have the pills in front of me and tonight is the night. Goodbye everyone.',
      })) as unknown as { id: string; status: string },
    };
    expect(crisis.reply.status).toBe('held');
    await writeReply(crisisClient, post.id, { body: 'Sorry, I needed to say it somewhere.' });

    const first = await get(crisisClient, `/api/posts/${post.id}?limit=2`);
    const second = await get(crisisClient, `/api/posts/${post.id}/replies?after=${first.nextCursor}&limit=5`);
    const own = second.replies.find((r) => r.id === crisis.reply.id) as unknown as Record<string, unknown>;
    expect(own).toMatchObject({ status: 'held', supportCard: expect.anything() });
    // Only their own replies may carry one: the thread writer's on the same page carry none.
    for (const r of second.replies as unknown as { author: { isYou?: boolean } | null }[])
      if (!r.author?.isYou) expect(r).not.toHaveProperty('supportCard');
    expect(second.replies.some((r) => !(r as unknown as { author: { isYou?: boolean } }).author.isYou)).toBe(true);

    const readerFirst = await get(reader, `/api/posts/${post.id}?limit=2`);
    const readerSecond = await get(reader, `/api/posts/${post.id}/replies?after=${readerFirst.nextCursor}&limit=5`);
    expect(readerSecond.replies).toHaveLength(2);
    expect(JSON.stringify(readerSecond)).not.toContain(crisis.reply.id);
    expect(JSON.stringify(readerSecond)).not.toMatch(/supportCard|heldReason":"[^n]/);
  });

  it('neither repeat nor skip a reply when others are written between two pages; an answer to a reply already read waits for a re-read', async () => {
    const { client: reader } = await memberIn();
    const { client: writerClient, user: writer } = await memberIn();
    const { post } = await writePost(writerClient, SLUG, { title: 'Written while reading' });
    const a = await reply(post.id, writer.id);
    const b = await reply(post.id, writer.id);
    const c = await reply(post.id, writer.id);
    const first = await get(reader, `/api/posts/${post.id}?limit=2`);
    expect(ids(first)).toEqual([a.id, b.id]);
    const underA = await reply(post.id, writer.id, { parent: a }); // before the cursor in reading order
    const underB = await reply(post.id, writer.id, { parent: b }); // right after the cursor
    const d = await reply(post.id, writer.id);
    const second = await get(reader, `/api/posts/${post.id}/replies?after=${first.nextCursor}&limit=5`);
    expect(ids(second)).toEqual([underB.id, c.id, d.id]);
    // The answer under a reply on an earlier page is in its place when the pages are read again from the first.
    expect(ids(await get(reader, `/api/posts/${post.id}?limit=50`))).toEqual([
      a.id,
      underA.id,
      b.id,
      underB.id,
      c.id,
      d.id,
    ]);
  });

  it('refuse every page of a thread in a private group to a non-member exactly as a thread that never existed', async () => {
    const { client: writerClient, user: writer } = await memberInGroup(hearth, 'students');
    const { post } = await writePost(writerClient, 'students', { title: 'Members only' });
    const first = await reply(post.id, writer.id);
    await reply(post.id, writer.id);
    await hearth.deps.db.execute(sql`update groups set visibility = 'private' where slug = 'students'`);
    try {
      const { client: outsider } = await memberIn();
      const missing = randomUUID();
      for (const [url, twin] of [
        [`/api/posts/${post.id}`, `/api/posts/${missing}`],
        [`/api/posts/${post.id}?at=${first.id}`, `/api/posts/${missing}?at=${first.id}`],
        // A cursor sealed for each (a former member's, for the private one).
        [
          `/api/posts/${post.id}/replies?after=${cursorAt(post.id, first.sortKey)}`,
          `/api/posts/${missing}/replies?after=${cursorAt(missing, first.sortKey)}`,
        ],
        [
          `/api/posts/${post.id}/replies?before=${cursorAt(post.id, first.sortKey)}`,
          `/api/posts/${missing}/replies?before=${cursorAt(missing, first.sortKey)}`,
        ],
        [`/api/posts/${post.id}?from=${cursorAt(post.id, first.sortKey)}`, `/api/posts/${missing}?from=${cursorAt(missing, first.sortKey)}`],
      ] as const) {
        const [refused, never] = [await outsider.get(url), await outsider.get(twin)];
        expect(refused.statusCode, url).toBe(404);
        expect(refused.body, url).toBe(never.body);
      }
      expect((await writerClient.get(`/api/posts/${post.id}/replies?after=${cursorAt(post.id, first.sortKey)}`)).statusCode).toBe(200);
    } finally {
      await hearth.deps.db.execute(sql`update groups set visibility = 'public' where slug = 'students'`);
    }
  });
});
