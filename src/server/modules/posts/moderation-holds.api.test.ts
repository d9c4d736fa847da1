import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts as postsTable, replies as repliesTable } from '../../db/schema/index.js';
import { HELD_TEXT, memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * An edit lifts only the assessor's own hold (its words changed, so the
 * reason changed). Content a moderator hid, automod held or a new member's post
 * waiting for approval stays held whatever the edit says: otherwise editing
 * would undo moderation (the "held content edited back reappears" leftover).
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'anxiety';
const ORDINARY = 'A calmer week. Thank you all for the kind words.';

describe('an edit of held content', () => {
  it('releases a post the assessor held once its words no longer describe a method', async () => {
    const author = await memberInGroup(hearth, SLUG);
    const { post } = await writePost(author.client, SLUG, { title: 'Tonight', body: HELD_TEXT });
    expect((post as { status?: string }).status).toBe('held');
    const [stored] = await hearth.deps.db.select({ heldBy: postsTable.heldBy }).from(postsTable).where(eq(postsTable.id, post.id));
    expect(stored!.heldBy).toBe('assessor');
    const edited = await author.client.patch(`/api/posts/${post.id}`, { body: ORDINARY });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().post.status).toBe('visible');
  });

  for (const heldBy of ['moderator', 'automod', 'approval'] as const) {
    it(`keeps a post held by ${heldBy} held, and out of others' sight, after its author edits it`, async () => {
      const author = await memberInGroup(hearth, SLUG);
      const reader = await memberInGroup(hearth, SLUG);
      const { post } = await writePost(author.client, SLUG, { title: `Held by ${heldBy}`, body: ORDINARY });
      await hearth.deps.db.update(postsTable).set({ status: 'held', heldBy }).where(eq(postsTable.id, post.id));

      const edited = await author.client.patch(`/api/posts/${post.id}`, { body: `${ORDINARY} Edited.` });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().post.status).toBe('held');
      const [stored] = await hearth.deps.db.select({ status: postsTable.status, heldBy: postsTable.heldBy }).from(postsTable).where(eq(postsTable.id, post.id));
      expect(stored).toEqual({ status: 'held', heldBy });
      const seen = await reader.client.get(`/api/posts/${post.id}`);
      expect(seen.statusCode === 404 || seen.json().post.status !== 'visible').toBe(true);
    });
  }

  it('keeps a reply a moderator hid held after its author edits it, and the thread counts do not move', async () => {
    const author = await memberInGroup(hearth, SLUG);
    const other = await memberInGroup(hearth, SLUG);
    const { post } = await writePost(other.client, SLUG, { title: 'A question', body: ORDINARY });
    const reply = await writeReply(author.client, post.id, { body: 'An answer.' });
    await hearth.deps.db.update(repliesTable).set({ status: 'held', heldBy: 'moderator' }).where(eq(repliesTable.id, reply.id));
    const [before] = await hearth.deps.db.select({ replyCount: postsTable.replyCount }).from(postsTable).where(eq(postsTable.id, post.id));

    expect((await author.client.patch(`/api/replies/${reply.id}`, { body: 'An answer, edited.' })).statusCode).toBe(200);
    const [stored] = await hearth.deps.db.select({ status: repliesTable.status, heldBy: repliesTable.heldBy }).from(repliesTable).where(eq(repliesTable.id, reply.id));
    expect(stored).toEqual({ status: 'held', heldBy: 'moderator' });
    const [after] = await hearth.deps.db.select({ replyCount: postsTable.replyCount }).from(postsTable).where(eq(postsTable.id, post.id));
    expect(after!.replyCount).toBe(before!.replyCount);
  });
});
