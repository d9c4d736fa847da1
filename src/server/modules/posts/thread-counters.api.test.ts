import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts as postsTable } from '../../db/schema/index.js';
import { HELD_TEXT, memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { repairThreadCounters } from './queries.js';

/**
 * The thread counters (reply count, last activity, "needs a reply") are what
 * every reader sees of a thread before opening it, so they must tell nobody
 * more than the thread itself shows: not who wrote an anonymous reply (issue 10,
 * defect 5), not that a held reply exists (defect 9).
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const memberIn = (slug: string, role?: 'moderator') => memberInGroup(hearth, slug, role);

const ids = (response: { json(): { posts: { id: string }[] } }) => response.json().posts.map((p) => p.id);

async function summaryOf(reader: TestClient, postId: string) {
  return (await reader.get(`/api/posts/${postId}`)).json().post as { replyCount: number; needsReply: boolean; createdAt: string; lastActivityAt: string };
}

/** The crash case: the counters are wrong and the repair at start recomputes them. */
async function breakAndRepair(postId: string) {
  await hearth.deps.db.update(postsTable).set({ replyCount: 7, answeredAt: new Date(), lastActivityAt: new Date() }).where(eq(postsTable.id, postId));
  await repairThreadCounters(hearth.deps.db, new Date(Date.now() - 60_000));
}

describe('needs a reply', () => {
  it('a reply by the author under another identity answers the post; under the same identity it does not', async () => {
    const slug = 'parents';
    const author = await memberIn(slug);
    const reader = await memberIn(slug);
    const cases = [
      { post: { anonymous: true }, reply: { anonymous: true }, needsReply: true }, // same alias: visibly the author's
      { post: { anonymous: false }, reply: { anonymous: false }, needsReply: true }, // same handle
      { post: { anonymous: true }, reply: { anonymous: false }, needsReply: false }, // to readers: someone else
      { post: { anonymous: false }, reply: { anonymous: true }, needsReply: false }, // to readers: someone else
    ];
    const written: ((typeof cases)[number] & { id: string })[] = [];
    for (const c of cases) {
      const { post } = await writePost(author.client, slug, { ...c.post, title: `Identity case ${written.length}` });
      await writeReply(author.client, post.id, { ...c.reply, body: 'Adding a little more about my week.' });
      written.push({ ...c, id: post.id });
    }
    const check = async (when: string) => {
      const needsReplyFeed = ids(await reader.client.get('/api/feed/needs-reply?limit=50'));
      for (const c of written) {
        const label = `${when}: post anonymous=${c.post.anonymous}, reply anonymous=${c.reply.anonymous}`;
        expect((await summaryOf(reader.client, c.id)).needsReply, label).toBe(c.needsReply);
        expect(needsReplyFeed.includes(c.id), label).toBe(c.needsReply);
      }
    };
    await check('after the replies');
    for (const c of written) await breakAndRepair(c.id);
    await check('after a repair');
  });
});

describe('held replies', () => {
  it('move no counter while held, and move them when an edit releases the reply', async () => {
    const slug = 'loneliness';
    const author = await memberIn(slug);
    const replier = await memberIn(slug);
    const reader = await memberIn(slug);
    const target = await writePost(author.client, slug, { title: 'The thread that gets a held reply' });
    const later = await writePost(author.client, slug, { title: 'A later thread' });
    const before = await summaryOf(reader.client, target.post.id);

    const held = await writeReply(replier.client, target.post.id, { body: HELD_TEXT });
    const untouched = async (when: string) => {
      const now = await summaryOf(reader.client, target.post.id);
      expect(now, when).toMatchObject({ replyCount: 0, needsReply: true, lastActivityAt: before.lastActivityAt });
      expect(now.lastActivityAt, when).toBe(now.createdAt);
      const active = ids(await reader.client.get(`/api/groups/${slug}/feed?sort=active`));
      expect(active.indexOf(later.post.id), when).toBeLessThan(active.indexOf(target.post.id));
      expect(ids(await reader.client.get('/api/feed/needs-reply?limit=50')), when).toContain(target.post.id);
    };
    await untouched('while the reply is held');
    await breakAndRepair(target.post.id);
    await untouched('after a repair');

    // The author edits the reply into words that are not held: now it counts.
    expect((await replier.client.patch(`/api/replies/${held.id}`, { body: 'Sorry, that was a bad moment. I am with you.' })).statusCode).toBe(200);
    const released = await summaryOf(reader.client, target.post.id);
    expect(released).toMatchObject({ replyCount: 1, needsReply: false });
    expect(ids(await reader.client.get(`/api/groups/${slug}/feed?sort=active`))[0]).toBe(target.post.id);

    // Edited back into held words, it leaves the counters again.
    await replier.client.patch(`/api/replies/${held.id}`, { body: HELD_TEXT });
    expect(await summaryOf(reader.client, target.post.id)).toMatchObject({ replyCount: 0, needsReply: true, lastActivityAt: before.lastActivityAt });
  });

  it('leave no trace when their author removes them; a removed reply shows only where replies hang under it', async () => {
    const slug = 'depression';
    const author = await memberIn(slug);
    const replier = await memberIn(slug);
    const reader = await memberIn(slug);
    const { post } = await writePost(author.client, slug, { title: 'A thread with removals' });
    const held = await writeReply(replier.client, post.id, { body: HELD_TEXT });
    expect((await replier.client.delete(`/api/replies/${held.id}`)).statusCode).toBe(200);
    const seen = async () => (await reader.client.get(`/api/posts/${post.id}`)).json() as { post: { replyCount: number; needsReply: boolean }; replies: { id: string; status: string }[] };
    expect(await seen()).toMatchObject({ post: { replyCount: 0, needsReply: true }, replies: [] });

    // A removed reply with an answer under it stays as a neutral placeholder, for the answer's sake; a removed leaf goes.
    const first = await writeReply(replier.client, post.id, { body: 'I have been there too.' });
    const answer = await writeReply(author.client, post.id, { body: 'Thank you, truly.', parentId: first.id });
    const leaf = await writeReply(reader.client, post.id, { body: 'Same here.' });
    await replier.client.delete(`/api/replies/${first.id}`);
    await reader.client.delete(`/api/replies/${leaf.id}`);
    const thread = await seen();
    expect(thread.replies.map((r) => [r.id, r.status])).toEqual([
      [first.id, 'unavailable'],
      [answer.id, 'visible'],
    ]);
    expect(thread.post).toMatchObject({ replyCount: 2, needsReply: true });
    const refused = await reader.client.post(`/api/posts/${post.id}/replies`, { body: 'Under a removed reply', parentId: first.id });
    expect(refused.json().error).toMatchObject({ code: 'parent_removed', field: 'parentId' });
    await breakAndRepair(post.id);
    expect((await seen()).post).toMatchObject({ replyCount: 2, needsReply: true });
  });

  it('cannot be replied under: "not found" for others, a clear refusal for its author and staff', async () => {
    const slug = 'grief-and-loss';
    const author = await memberIn(slug);
    const replier = await memberIn(slug);
    const other = await memberIn(slug);
    const staff = await memberIn(slug, 'moderator');
    const { post } = await writePost(author.client, slug);
    const held = await writeReply(replier.client, post.id, { body: HELD_TEXT });

    const fromOther = await other.client.post(`/api/posts/${post.id}/replies`, { body: 'Replying under it', parentId: held.id });
    expect(fromOther.statusCode).toBe(404);
    const unknown = await other.client.post(`/api/posts/${post.id}/replies`, { body: 'Replying under it', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(fromOther.json().error).toEqual(unknown.json().error);
    for (const client of [replier.client, staff.client]) {
      const refused = await client.post(`/api/posts/${post.id}/replies`, { body: 'Replying under it', parentId: held.id });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'parent_held', field: 'parentId' });
    }
    expect((await author.client.get(`/api/posts/${post.id}`)).json().replies).toEqual([]);
    expect(await summaryOf(other.client, post.id)).toMatchObject({ replyCount: 0, needsReply: true });
  });
});
