import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/index.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { SEARCH_CANDIDATES, searchContent } from './queries.js';

/**
 * Search ranks only the newest SEARCH_CANDIDATES matches of posts (and of replies) that the
 * searcher may see. Content the searcher may not see must never take one of those places: if
 * it did, a visible match would drop out of the results when hidden content arrived, telling
 * the searcher it exists.
 */
let database: TestDatabase;
let viewer: { id: string; role: 'member' };
let writer: string;
let blocked: string;
let open: string;
let closed: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const users = rowsOf<{ id: string }>(
    await database.handle.db.execute(sql`insert into users (handle, password_hash) values ('cand_viewer', '!'), ('cand_writer', '!'), ('cand_blocked', '!') returning id`),
  );
  viewer = { id: users[0]!.id, role: 'member' };
  writer = users[1]!.id;
  blocked = users[2]!.id;
  await database.handle.db.execute(sql`insert into blocks (blocker_id, blocked_id) values (${viewer.id}, ${blocked})`);
  const groups = rowsOf<{ id: string }>(
    await database.handle.db.execute(sql`insert into groups (slug, name, description, rules, visibility)
      values ('cand-open', 'Open', 'An open group', 'Be kind', 'public'), ('cand-closed', 'Closed', 'A private group', 'Be kind', 'private') returning id`),
  );
  open = groups[0]!.id;
  closed = groups[1]!.id;
});

afterAll(async () => {
  await database?.drop();
});

beforeEach(async () => {
  await database.handle.db.execute(sql`delete from posts`);
});

/** An old post the word fits best (title and body): it ranks first whenever it is among the candidates. */
async function oldBestMatch(): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.handle.db.execute(sql`insert into posts (group_id, author_id, title, body, body_html, created_at)
      values (${open}, ${writer}, 'Lantern', 'A lantern.', '<p>A lantern.</p>', now() - interval '30 days') returning id`),
  );
  return row!.id;
}

/** SEARCH_CANDIDATES newer posts that mention the word once, in a long body, each as `shape` makes it. */
async function newerWeakMatches(shape: { group: string; author: string; status: string; anonymous: boolean }): Promise<void> {
  await database.handle.db.execute(sql`insert into posts (group_id, author_id, anonymous, title, body, body_html, status, created_at)
    select ${shape.group}, ${shape.author}, ${shape.anonymous}, 'An evening walk',
           'We walked to the river and back past the old mill, and someone had left a lantern by the gate.', '<p>…</p>',
           ${shape.status}::content_status, now() - interval '1 day' + n * interval '1 second'
    from generate_series(1, ${SEARCH_CANDIDATES}) n`);
}

describe('search ranks the newest matches the searcher may see', () => {
  it('an older, better match drops out once newer visible matches fill the candidates', async () => {
    const old = await oldBestMatch();
    expect((await searchContent(database.handle.db, viewer, 'lantern', 20))[0]?.post_id).toBe(old);
    await newerWeakMatches({ group: open, author: writer, status: 'visible', anonymous: false });
    const hits = await searchContent(database.handle.db, viewer, 'lantern', 20);
    expect(hits).toHaveLength(20);
    expect(hits.map((hit) => hit.post_id)).not.toContain(old);
  });

  it.each([
    ['held for someone else', () => ({ group: open, author: writer, status: 'held', anonymous: false })],
    ['removed', () => ({ group: open, author: writer, status: 'removed_by_staff', anonymous: false })],
    ['in a private group the searcher is not in', () => ({ group: closed, author: writer, status: 'visible', anonymous: false })],
    ['by a member the searcher blocked, under their handle', () => ({ group: open, author: blocked, status: 'visible', anonymous: false })],
  ])('newer matches %s take no place: the older match still ranks first', async (_name, shape) => {
    const old = await oldBestMatch();
    await newerWeakMatches(shape());
    const hits = await searchContent(database.handle.db, viewer, 'lantern', 20);
    expect(hits.map((hit) => hit.post_id)).toEqual([old]);
  });
});
