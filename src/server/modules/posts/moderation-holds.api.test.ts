import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts as postsTable, replies as repliesTable, riskAssessments, safetyAlerts } from '../../db/schema/index.js';
import { account, HELD_TEXT, memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { act, groupModeratorOf } from '../moderation/actions-test-steps.js';
import { LOCKED_HELD_REASON, SANCTION_HELD_REASON } from '../moderation/automod-held.js';
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

/**
 * A sanction or a locked thread never silences a person in crisis: the assessor runs first; words that raise an
 * alert are kept, held for the writer and the safety team ('sanction', 'locked'), with the alert and the support
 * card; anything else is refused as before (403 saying until when and why).
 */
describe('writing in crisis while posting is paused', () => {
  const CRISIS = 'I want to kill myself. I think about it every day now.';

  async function alertsFor(userId: string) {
    return hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.subjectId, userId));
  }
  async function assessmentsFor(userId: string) {
    return hearth.deps.db.select().from(riskAssessments).where(eq(riskAssessments.authorId, userId));
  }

  it('a muted member’s crisis post is kept, held for them and the safety team, with the alert and the support card; calm words are refused', async () => {
    const member = await memberInGroup(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    expect((await act(moderator.client, 'mute', { type: 'member', id: member.user.id }, { hours: 24, group: SLUG })).statusCode).toBe(200);

    const calm = await member.client.post(`/api/groups/${SLUG}/posts`, { title: 'Hello', body: ORDINARY });
    expect(calm.statusCode).toBe(403);
    expect(calm.json().error).toMatchObject({ code: 'muted', sanction: { kind: 'mute' } });
    expect(calm.json().error.sanction.until).toBeTruthy();

    for (const body of [CRISIS, HELD_TEXT]) {
      const response = await member.client.post(`/api/groups/${SLUG}/posts`, { title: 'Tonight', body });
      expect(response.statusCode).toBe(201);
      const { post, support } = response.json();
      expect(post).toMatchObject({ status: 'held', heldBy: 'sanction', heldReason: SANCTION_HELD_REASON });
      expect(support).toMatchObject({ held: { reason: SANCTION_HELD_REASON } });
      expect(support.team).toBeTruthy();
      // Others do not read it: to them it is not there.
      const other = await memberInGroup(hearth, SLUG);
      expect(JSON.stringify((await other.client.get(`/api/posts/${post.id}`)).json())).not.toContain(body.slice(0, 20));
    }
    expect(await assessmentsFor(member.user.id)).toHaveLength(2);
    expect(await alertsFor(member.user.id)).toHaveLength(2);
    // Reactions stay refused.
    const writer = await memberInGroup(hearth, SLUG);
    const { post } = await writePost(writer.client, SLUG);
    expect((await member.client.request('PUT', `/api/posts/${post.id}/reactions/hug`)).statusCode).toBe(403);
  });

  it('a suspended member’s crisis reply is kept and held; it moves no counter', async () => {
    const writer = await memberInGroup(hearth, SLUG);
    const { post } = await writePost(writer.client, SLUG);
    const member = await memberInGroup(hearth, SLUG);
    const admin = await account(hearth, 'admin');
    expect((await act(admin.client, 'suspend', { type: 'member', id: member.user.id }, { hours: 48 })).statusCode).toBe(200);
    expect((await member.client.post(`/api/posts/${post.id}/replies`, { body: 'I hear you.' })).json().error).toMatchObject({ code: 'suspended' });
    const response = await member.client.post(`/api/posts/${post.id}/replies`, { body: CRISIS });
    expect(response.statusCode).toBe(201);
    expect(response.json().reply).toMatchObject({ status: 'held', heldBy: 'sanction', heldReason: SANCTION_HELD_REASON });
    expect(response.json().support.held.reason).toBe(SANCTION_HELD_REASON);
    expect(await alertsFor(member.user.id)).toHaveLength(1);
    const thread = (await writer.client.get(`/api/posts/${post.id}`)).json();
    expect(thread.post.replyCount).toBe(0);
    expect(JSON.stringify(thread)).not.toContain('kill myself');
  });

  it('the author of a locked thread who replies in crisis is kept (held: locked) with an alert; calm words are refused', async () => {
    const author = await memberInGroup(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const { post } = await writePost(author.client, SLUG);
    expect((await act(moderator.client, 'lock', { type: 'post', id: post.id })).statusCode).toBe(200);
    expect((await author.client.post(`/api/posts/${post.id}/replies`, { body: 'Thanks all.' })).statusCode).toBe(403);
    const response = await author.client.post(`/api/posts/${post.id}/replies`, { body: HELD_TEXT });
    expect(response.statusCode).toBe(201);
    expect(response.json().reply).toMatchObject({ status: 'held', heldBy: 'locked', heldReason: LOCKED_HELD_REASON });
    expect(response.json().support.held.reason).toBe(LOCKED_HELD_REASON);
    expect(await alertsFor(author.user.id)).toHaveLength(1);
  });

  it('an edit by a muted member: refused when calm, kept and held in crisis; the hold outlasts the mute and a calm edit', async () => {
    const member = await memberInGroup(hearth, SLUG);
    const { post } = await writePost(member.client, SLUG);
    const reply = await writeReply(member.client, post.id);
    const moderator = await groupModeratorOf(hearth, SLUG);
    expect((await act(moderator.client, 'mute', { type: 'member', id: member.user.id }, { hours: 24, group: SLUG })).statusCode).toBe(200);

    expect((await member.client.patch(`/api/posts/${post.id}`, { body: ORDINARY })).statusCode).toBe(403);
    expect((await member.client.patch(`/api/replies/${reply.id}`, { body: ORDINARY })).statusCode).toBe(403);
    const editedPost = await member.client.patch(`/api/posts/${post.id}`, { body: CRISIS });
    expect(editedPost.statusCode).toBe(200);
    expect(editedPost.json().post).toMatchObject({ status: 'held', heldBy: 'sanction' });
    expect(editedPost.json().support.held.reason).toBe(SANCTION_HELD_REASON);
    const editedReply = await member.client.patch(`/api/replies/${reply.id}`, { body: CRISIS });
    expect(editedReply.statusCode).toBe(200);
    const [storedReply] = await hearth.deps.db.select({ status: repliesTable.status, heldBy: repliesTable.heldBy }).from(repliesTable).where(eq(repliesTable.id, reply.id));
    expect(storedReply).toEqual({ status: 'held', heldBy: 'sanction' });
    expect(await alertsFor(member.user.id)).toHaveLength(2);

    // The mute is lifted; a calm edit does not lift the hold: the safety team decides.
    const sanctionId = (await member.client.get('/api/me/moderation')).json().sanctions[0].id;
    const admin = await account(hearth, 'admin');
    expect((await act(admin.client, 'lift', { type: 'member', id: member.user.id }, { sanctionId, reason: 'Lifted after talking it through.' })).statusCode).toBe(200);
    expect((await member.client.patch(`/api/posts/${post.id}`, { body: ORDINARY })).statusCode).toBe(200);
    expect((await member.client.patch(`/api/replies/${reply.id}`, { body: ORDINARY })).statusCode).toBe(200);
    const [storedPost] = await hearth.deps.db.select({ status: postsTable.status, heldBy: postsTable.heldBy }).from(postsTable).where(eq(postsTable.id, post.id));
    expect(storedPost).toEqual({ status: 'held', heldBy: 'sanction' });
    const [afterReply] = await hearth.deps.db.select({ status: repliesTable.status, heldBy: repliesTable.heldBy }).from(repliesTable).where(eq(repliesTable.id, reply.id));
    expect(afterReply).toEqual({ status: 'held', heldBy: 'sanction' });
  });
});
