import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAD_PAGE_SIZE } from '../../../shared/api/community.js';
import { memberIn as memberInGroup, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { aliasFor } from './aliases.js';
import { insertReply } from './queries.js';
import { openCursor, sealCursor } from './thread-cursor.js';

/**
 * Paged threads (issue 14): the first page, further pages by cursor, deep links.
 * A page holds the replies the READER is shown; nothing about a reply hidden
 * from them (held, removed with nothing below, a blocked member's) may show
 * through a cursor, a page size or a deep link.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'anxiety';
const memberIn = (role?: 'moderator') => memberInGroup(hearth, SLUG, role);

interface PagedReply {
  id: string;
  parentId: string | null;
  depth: number;
  status: string;
  body: string | null;
  author: { kind: string; handle?: string; alias?: string } | null;
  reactions: { mine: string[] };
}
interface Page {
  replies: PagedReply[];
  nextCursor: string | null;
  prevCursor: string | null;
  anchor?: string | null;
  post?: { id: string; replyCount: number };
}

const base = Date.now();
let tick = 0;
/** Replies written straight into the table (the trigger keys them), each a second after the last: fast, and in a known order. */
async function reply(postId: string, authorId: string, options: { parent?: { id: string; depth: number }; status?: 'visible' | 'held' | 'removed_by_author'; anonymous?: boolean; body?: string } = {}) {
  tick += 1;
  const depth = options.parent ? Math.min(options.parent.depth + 1, 3) : 0;
  const body = options.body ?? `Reply ${tick}`;
  if (options.anonymous) await aliasFor(hearth.deps.db, postId, authorId);
  const row = await insertReply(hearth.deps.db, {
    postId,
    authorId,
    parentId: options.parent?.id ?? null,
    depth,
    body,
    bodyHtml: `<p>${body}</p>`,
    anonymous: options.anonymous ?? false,
    status: options.status ?? 'visible',
    heldBy: options.status === 'held' ? 'assessor' : null,
    createdAt: new Date(base + tick * 1000),
  });
  return { id: row.id, depth: row.depth, sortKey: row.sortKey };
}

const secret = () => hearth.deps.config.secrets.sessionSecret;
const postOf = (url: string) => /\/api\/posts\/([0-9a-f-]{36})/.exec(url)![1]!;

/**
 * A page, with its cursors opened into the places they name, so that tests
 * speak of replies' keys; a place given in the URL (after, before, from) is
 * sealed for the thread as the server seals cursors (thread-cursor.ts), and
 * a cursor given sealed goes as it is.
 */
async function get(client: TestClient, url: string): Promise<Page> {
  const postId = postOf(url);
  const response = await client.get(url.replace(/\b(after|before|from)=([0-9a-f]+)(?=&|$)/, (_all, name: string, key: string) => `${name}=${sealCursor(secret(), postId, key)}`));
  expect(response.statusCode, response.body).toBe(200);
  const page = response.json() as Page;
  const place = (cursor: string | null) => (cursor === null ? null : (openCursor(secret(), postId, cursor) ?? 'not a cursor of this thread'));
  return { ...page, nextCursor: place(page.nextCursor), prevCursor: place(page.prevCursor) };
}
const ids = (page: Page) => page.replies.map((r) => r.id);

/** Every reply of a thread the reader is shown, page after page; and every cursor handed out on the way. */
async function readAll(client: TestClient, postId: string, limit = THREAD_PAGE_SIZE) {
  const pages = [await get(client, `/api/posts/${postId}?limit=${limit}`)];
  while (pages.at(-1)!.nextCursor) pages.push(await get(client, `/api/posts/${postId}/replies?after=${pages.at(-1)!.nextCursor}&limit=${limit}`));
  return { pages, replies: pages.flatMap(ids), cursors: pages.flatMap((page) => [page.nextCursor, page.prevCursor]).filter((c) => c !== null) };
}

describe('thread pages', () => {
  it('read in reading order: each reply followed by its answers, oldest first, and the deepest level in time order', async () => {
    const { client, user } = await memberIn();
    const { post } = await writePost(client, SLUG, { title: 'Nesting' });
    const a = await reply(post.id, user.id);
    const b = await reply(post.id, user.id);
    const a1 = await reply(post.id, user.id, { parent: a });
    const a1a = await reply(post.id, user.id, { parent: a1 });
    const x = await reply(post.id, user.id, { parent: a1a });
    const y = await reply(post.id, user.id, { parent: a1a });
    // An answer to x stays at the deepest level, after y (written before it): in time order among them.
    const xAnswer = await reply(post.id, user.id, { parent: x });
    const a2 = await reply(post.id, user.id, { parent: a });
    const b1 = await reply(post.id, user.id, { parent: b });
    const expected = [a, a1, a1a, x, y, xAnswer, a2, b, b1].map((r) => r.id);

    const page = await get(client, `/api/posts/${post.id}`);
    expect(ids(page)).toEqual(expected);
    expect(page.replies.map((r) => r.depth)).toEqual([0, 1, 2, 3, 3, 3, 1, 0, 1]);
    expect(page).toMatchObject({ nextCursor: null, prevCursor: null, anchor: null });
    // The same order three at a time.
    expect((await readAll(client, post.id, 3)).replies).toEqual(expected);

    // The newest reply (b1 here is not: write one under a, in the middle of the reading order) opens its page.
    const newest = await reply(post.id, user.id, { parent: a });
    const atNewest = await get(client, `/api/posts/${post.id}?at=newest&limit=3`);
    expect(atNewest.anchor).toBe(newest.id);
    expect(ids(atNewest)).toEqual([newest.id, b.id, b1.id]);
    expect(atNewest.prevCursor).toBe(newest.sortKey);
    expect(atNewest.nextCursor).toBeNull();
    const before = await get(client, `/api/posts/${post.id}/replies?before=${atNewest.prevCursor}&limit=3`);
    expect(ids(before)).toEqual([y.id, xAnswer.id, a2.id]);
    expect(before.nextCursor).toBeNull();
    expect(before.prevCursor).toBe(y.sortKey);
  });

  it('page a 45-reply thread by cursor, forwards and back, and open a deep link on page 3', async () => {
    const { client, user } = await memberIn();
    const { post } = await writePost(client, SLUG, { title: 'Long thread' });
    const all: Awaited<ReturnType<typeof reply>>[] = [];
    for (let i = 0; i < 45; i += 1) all.push(await reply(post.id, user.id));
    const allIds = all.map((r) => r.id);

    const first = await get(client, `/api/posts/${post.id}`);
    expect(first.post?.id).toBe(post.id);
    expect(ids(first)).toEqual(allIds.slice(0, 20));
    expect(first).toMatchObject({ nextCursor: all[19]!.sortKey, prevCursor: null, anchor: null });
    const second = await get(client, `/api/posts/${post.id}/replies?after=${first.nextCursor}`);
    expect(ids(second)).toEqual(allIds.slice(20, 40));
    expect(second).toMatchObject({ nextCursor: all[39]!.sortKey, prevCursor: null });
    const third = await get(client, `/api/posts/${post.id}/replies?after=${second.nextCursor}`);
    expect(ids(third)).toEqual(allIds.slice(40));
    expect(third.nextCursor).toBeNull();
    // Another page size, the same order.
    expect((await readAll(client, post.id, 7)).pages.map((page) => page.replies.length)).toEqual([7, 7, 7, 7, 7, 7, 3]);

    // A deep link to the 43rd reply opens the page starting at it; the replies before it come back page by page.
    const deep = await get(client, `/api/posts/${post.id}?at=${all[42]!.id}`);
    expect(deep.anchor).toBe(all[42]!.id);
    expect(ids(deep)).toEqual(allIds.slice(42));
    expect(deep).toMatchObject({ nextCursor: null, prevCursor: all[42]!.sortKey });
    const back1 = await get(client, `/api/posts/${post.id}/replies?before=${deep.prevCursor}`);
    expect(ids(back1)).toEqual(allIds.slice(22, 42));
    expect(back1).toMatchObject({ nextCursor: null, prevCursor: all[22]!.sortKey });
    const back2 = await get(client, `/api/posts/${post.id}/replies?before=${back1.prevCursor}`);
    expect(ids(back2)).toEqual(allIds.slice(2, 22));
    const back3 = await get(client, `/api/posts/${post.id}/replies?before=${back2.prevCursor}`);
    expect(ids(back3)).toEqual(allIds.slice(0, 2));
    expect(back3.prevCursor).toBeNull();

    // A deep link to the first reply has nothing before it; at=newest here is the last reply.
    expect(await get(client, `/api/posts/${post.id}?at=${all[0]!.id}&limit=5`)).toMatchObject({ prevCursor: null, anchor: all[0]!.id, nextCursor: all[4]!.sortKey });
    expect(await get(client, `/api/posts/${post.id}?at=newest`)).toMatchObject({ anchor: all[44]!.id, prevCursor: all[44]!.sortKey, nextCursor: null });
  });

  it('skip replies hidden from the reader without a cursor, a short page or a deep link telling them', async () => {
    const { client: readerClient } = await memberIn();
    const { client: posterClient, user: poster } = await memberIn();
    const { user: holder, client: holderClient } = await memberIn();
    const { user: blocked } = await memberIn();
    const { post } = await writePost(posterClient, SLUG, { title: 'Hidden at the edges' });
    expect((await readerClient.post('/api/me/blocks', { handle: blocked.handle })).statusCode).toBe(200);
    const all: Awaited<ReturnType<typeof reply>>[] = [];
    for (let i = 0; i < 25; i += 1) {
      // The 20th reply, on the page boundary, is held (another member's); the last is the blocked member's, under their handle.
      if (i === 19) all.push(await reply(post.id, holder.id, { status: 'held' }));
      else if (i === 24) all.push(await reply(post.id, blocked.id));
      // The blocked member's anonymous reply stays: hiding it would say whose it is.
      else if (i === 22) all.push(await reply(post.id, blocked.id, { anonymous: true }));
      else all.push(await reply(post.id, poster.id));
    }
    const hidden = [all[19]!, all[24]!];
    const shownIds = all.filter((r) => !hidden.includes(r)).map((r) => r.id);

    const read = await readAll(readerClient, post.id);
    expect(read.replies).toEqual(shownIds);
    expect(read.pages.map((page) => page.replies.length)).toEqual([20, 3]);
    // The first page's cursor is the last reply it shows; the thread ends (nextCursor null) where the last shown reply is.
    expect(read.pages[0]!.nextCursor).toBe(all[20]!.sortKey);
    expect(read.pages[1]!.nextCursor).toBeNull();
    for (const r of hidden) {
      expect(read.cursors).not.toContain(r.sortKey);
      expect(JSON.stringify(read.pages)).not.toContain(r.id);
    }
    // Pages of one: every cursor is a reply the reader is shown, and the last page has no cursor.
    const ones = await readAll(readerClient, post.id, 1);
    expect(ones.replies).toEqual(shownIds);
    expect(ones.cursors.every((cursor) => all.some((r) => r.sortKey === cursor && !hidden.includes(r)))).toBe(true);
    // Back from the end, past the held one.
    const back = await get(readerClient, `/api/posts/${post.id}/replies?before=${all[21]!.sortKey}&limit=2`);
    expect(ids(back)).toEqual([all[18]!.id, all[20]!.id]);
    expect(back.prevCursor).toBe(all[18]!.sortKey);

    // A deep link to a reply the reader is not shown answers exactly as one to an id that never existed.
    const random = await readerClient.get(`/api/posts/${post.id}?at=${randomUUID()}`);
    for (const r of hidden) {
      const response = await readerClient.get(`/api/posts/${post.id}?at=${r.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(random.body);
    }
    expect(random.json()).toMatchObject({ anchor: null, prevCursor: null });
    // at=newest is the newest reply the reader is shown (the blocked member's is newer).
    expect(await get(readerClient, `/api/posts/${post.id}?at=newest`)).toMatchObject({ anchor: all[23]!.id, nextCursor: null });

    // The holder sees their held reply in its place; the blocked member's reply is the poster's to see.
    expect((await readAll(holderClient, post.id)).replies).toEqual(all.map((r) => r.id));
    expect(await get(holderClient, `/api/posts/${post.id}?at=${all[19]!.id}&limit=1`)).toMatchObject({ anchor: all[19]!.id, prevCursor: all[19]!.sortKey });

    // The anonymous reply carries its alias only, on whichever page it falls.
    const anonymous = read.pages[1]!.replies.find((r) => r.id === all[22]!.id)!;
    expect(anonymous.author).toMatchObject({ kind: 'anonymous' });
    expect(JSON.stringify(anonymous)).not.toContain(blocked.id);
  });

  it('show a held or removed reply as a placeholder on any page while a visible reply hangs below it, also at the deepest level', async () => {
    const { client: readerClient } = await memberIn();
    const { client, user } = await memberIn();
    const { post } = await writePost(client, SLUG, { title: 'Placeholders' });
    const removedTop = await reply(post.id, user.id, { status: 'removed_by_author' });
    const d1 = await reply(post.id, user.id, { parent: removedTop, status: 'held' });
    const d2 = await reply(post.id, user.id, { parent: d1 });
    // Deepest level: a held reply with an answer, and a held reply with none but with a visible sibling written after it.
    const heldDeep = await reply(post.id, user.id, { parent: d2, status: 'held' });
    const lonelyHeldDeep = await reply(post.id, user.id, { parent: d2, status: 'held' });
    const sibling = await reply(post.id, user.id, { parent: d2 });
    const answer = await reply(post.id, user.id, { parent: heldDeep });
    const removedLeaf = await reply(post.id, user.id, { status: 'removed_by_author' });
    const last = await reply(post.id, user.id);

    const read = await readAll(readerClient, post.id, 1);
    expect(read.replies).toEqual([removedTop, d1, d2, heldDeep, sibling, answer, last].map((r) => r.id));
    const byId = new Map(read.pages.flatMap((page) => page.replies).map((r) => [r.id, r]));
    for (const placeholder of [removedTop, d1, heldDeep]) expect(byId.get(placeholder.id)).toMatchObject({ status: 'unavailable', body: null, author: null });
    for (const gone of [lonelyHeldDeep, removedLeaf]) expect(read.cursors).not.toContain(gone.sortKey);
  });

  it('carry the reactions of the replies on each page', async () => {
    const { client: writer, user } = await memberIn();
    const { client: reactor } = await memberIn();
    const { post } = await writePost(writer, SLUG, { title: 'Reactions' });
    const all: Awaited<ReturnType<typeof reply>>[] = [];
    for (let i = 0; i < 4; i += 1) all.push(await reply(post.id, user.id));
    expect((await reactor.request('PUT', `/api/replies/${all[3]!.id}/reactions/hug`)).statusCode).toBe(200);
    expect((await reactor.request('PUT', `/api/posts/${post.id}/reactions/thanks`)).statusCode).toBe(200);
    const first = await get(reactor, `/api/posts/${post.id}?limit=2`);
    expect(first.replies.map((r) => r.reactions.mine)).toEqual([[], []]);
    const second = await get(reactor, `/api/posts/${post.id}/replies?after=${first.nextCursor}&limit=2`);
    expect(second.replies.map((r) => r.reactions.mine)).toEqual([[], ['hug']]);
    const asWriter = await get(writer, `/api/posts/${post.id}?at=${all[3]!.id}`);
    expect(asWriter.replies[0]!.reactions).toMatchObject({ counts: { hug: 1 } });
    expect((await get(reactor, `/api/posts/${post.id}`)) as unknown).toMatchObject({ post: { reactions: { mine: ['thanks'] } } });
  });

  it('open the page starting at a place (from), inclusive, and go on from the next shown reply when the reply there is gone', async () => {
    const { client: writer, user } = await memberIn();
    const { client: readerClient } = await memberIn();
    const { post } = await writePost(writer, SLUG, { title: 'From a place' });
    const all: Awaited<ReturnType<typeof reply>>[] = [];
    for (let i = 0; i < 8; i += 1) all.push(await reply(post.id, user.id));

    const fromFour = await get(readerClient, `/api/posts/${post.id}?from=${all[4]!.sortKey}&limit=2`);
    expect(fromFour.post?.id).toBe(post.id);
    expect(ids(fromFour)).toEqual([all[4]!.id, all[5]!.id]);
    expect(fromFour).toMatchObject({ prevCursor: all[4]!.sortKey, nextCursor: all[5]!.sortKey, anchor: null });

    // The reply at the place is removed (nothing below it): the page starts at the next one, and what comes before is unchanged.
    await hearth.deps.db.execute(sql`update replies set status = 'removed_by_author' where id = ${all[4]!.id}::uuid`);
    const gone = await get(readerClient, `/api/posts/${post.id}?from=${all[4]!.sortKey}&limit=2`);
    expect(ids(gone)).toEqual([all[5]!.id, all[6]!.id]);
    expect(gone).toMatchObject({ prevCursor: all[5]!.sortKey, nextCursor: all[6]!.sortKey, anchor: null });
    expect(ids(await get(readerClient, `/api/posts/${post.id}/replies?before=${gone.prevCursor}&limit=10`))).toEqual(all.slice(0, 4).map((r) => r.id));

    // From the first reply's place nothing comes before.
    expect(await get(readerClient, `/api/posts/${post.id}?from=${all[0]!.sortKey}&limit=2`)).toMatchObject({ prevCursor: null });
  });

  it('refuse bad paging input with a 400 naming the field, and an unreadable thread with a 404', async () => {
    const { client, user } = await memberIn();
    const { post } = await writePost(client, SLUG, { title: 'Bad input' });
    await reply(post.id, user.id);
    const field = async (url: string) => {
      const response = await client.get(url);
      expect(response.statusCode, url).toBe(400);
      return (response.json() as { error: { field: string } }).error.field;
    };
    expect(await field(`/api/posts/${post.id}?limit=0`)).toBe('limit');
    expect(await field(`/api/posts/${post.id}?limit=51`)).toBe('limit');
    expect(await field(`/api/posts/${post.id}?at=yesterday`)).toBe('at');
    expect(await field(`/api/posts/${post.id}/replies?after=abc`)).toBe('after');
    expect(await field(`/api/posts/${post.id}/replies?before=${'1'.repeat(47)}`)).toBe('before');
    expect(await field(`/api/posts/${post.id}/replies?limit=5`)).toBe('after');
    const cursor = sealCursor(secret(), post.id, '0'.repeat(48));
    expect(await field(`/api/posts/${post.id}/replies?after=${cursor}&before=${cursor}`)).toBe('after');
    expect(await field(`/api/posts/${post.id}?at=newest&from=${cursor}`)).toBe('from');
    expect(await field(`/api/posts/${post.id}?from=${'0'.repeat(48)}`)).toBe('from');
    expect(await field(`/api/posts/${post.id}?from=${cursor.slice(0, -2)}AA`)).toBe('from');
    const elsewhere = randomUUID();
    const missing = await client.get(`/api/posts/${elsewhere}/replies?after=${sealCursor(secret(), elsewhere, '0'.repeat(48))}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('That post');
  });
});
