import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { auditLog, moderationActions } from '../../db/schema/index.js';
import { account, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { raiseQueueItem } from './queue-items.js';
import { act, groupModeratorOf } from './actions-test-steps.js';

let hearth: TestApp;
const clock = new ManualClock(new Date('2026-04-01T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'anxiety';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a thread as JSON, read field by field
const thread = async (client: TestClient, postId: string): Promise<any> => (await client.get(`/api/posts/${postId}`)).json();

describe('content actions, as members see them', () => {
  it('remove and restore a reply: readers see the neutral placeholder, then the reply again; counters follow', async () => {
    const author = await memberIn(hearth, SLUG);
    const replier = await memberIn(hearth, SLUG);
    const reader = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const { post } = await writePost(author.client, SLUG);
    const reply = await writeReply(replier.client, post.id, { body: 'You are useless and everyone knows it.' });
    expect((await thread(reader.client, post.id)).post.replyCount).toBe(1);

    const removed = await act(moderator.client, 'remove', { type: 'reply', id: reply.id }, { reasonTemplate: 'harassment', reason: 'Targeting another member is not allowed here.' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().action.kind).toBe('remove');
    const seen = await thread(reader.client, post.id);
    expect(seen.replies).toHaveLength(0);
    expect(seen.post.replyCount).toBe(0);
    // The audit row holds actor, target, action and reason.
    const [audit] = await hearth.deps.db.select().from(auditLog).where(eq(auditLog.targetId, reply.id));
    expect(audit).toMatchObject({ actorId: moderator.user.id, action: 'moderation.remove', details: expect.objectContaining({ reason: 'Targeting another member is not allowed here.' }) });

    expect((await act(moderator.client, 'restore', { type: 'reply', id: reply.id })).statusCode).toBe(200);
    const back = await thread(reader.client, post.id);
    expect(back.replies[0]).toMatchObject({ id: reply.id, body: 'You are useless and everyone knows it.' });
    expect(back.post.replyCount).toBe(1);
  });

  it('a hidden anonymous reply looks to others exactly like a removed one', async () => {
    const author = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const reader = await memberIn(hearth, SLUG);
    const { post } = await writePost(author.client, SLUG);
    const writers = [await memberIn(hearth, SLUG), await memberIn(hearth, SLUG)];
    const hidden = await writeReply(writers[0]!.client, post.id, { body: 'An anonymous reply to hide.', anonymous: true });
    const removed = await writeReply(writers[1]!.client, post.id, { body: 'A reply to remove.' });
    // A visible answer under each keeps both shown as placeholders.
    await writeReply(author.client, post.id, { body: 'Answer one', parentId: hidden.id });
    await writeReply(author.client, post.id, { body: 'Answer two', parentId: removed.id });
    const response = await act(moderator.client, 'hide', { type: 'reply', id: hidden.id });
    expect(response.statusCode).toBe(200);
    // The response names no author.
    expect(JSON.stringify(response.json())).not.toContain(writers[0]!.user.id);
    expect(JSON.stringify(response.json())).not.toContain(writers[0]!.user.handle);
    await act(moderator.client, 'remove', { type: 'reply', id: removed.id });
    const { replies } = await thread(reader.client, post.id);
    const a = replies.find((entry: { id: string }) => entry.id === hidden.id);
    const b = replies.find((entry: { id: string }) => entry.id === removed.id);
    const { id: _a, createdAt: _ca, ...shapeA } = a;
    const { id: _b, createdAt: _cb, ...shapeB } = b;
    expect(shapeA).toEqual(shapeB);
    expect(shapeA).toMatchObject({ status: 'unavailable', author: null, body: null });
    // Its writer sees it held by a moderator, not the safety team's words about self-harm.
    const own = (await thread(writers[0]!.client, post.id)).replies.find((entry: { id: string }) => entry.id === hidden.id);
    expect(own).toMatchObject({ status: 'held', heldReason: expect.stringMatching(/A moderator has hidden it/) });
  });

  it('content warning records before and after; lock stops replies and the post says locked; move goes to a group the moderator moderates', async () => {
    const author = await memberIn(hearth, SLUG);
    const replier = await memberIn(hearth, SLUG);
    const moderator = await account(hearth, 'moderator');
    const { post } = await writePost(author.client, SLUG);
    const warned = await act(moderator.client, 'content_warning', { type: 'post', id: post.id }, { contentWarning: 'Mentions of panic', contentWarningTopics: [] });
    expect(warned.statusCode).toBe(200);
    expect((await thread(replier.client, post.id)).post.contentWarning).toBe('Mentions of panic');
    const [row] = await hearth.deps.db.select().from(moderationActions).where(eq(moderationActions.id, warned.json().action.id));
    expect(row).toMatchObject({ before: { contentWarning: null }, after: { contentWarning: 'Mentions of panic' } });

    expect((await act(moderator.client, 'lock', { type: 'post', id: post.id })).statusCode).toBe(200);
    expect((await thread(replier.client, post.id)).post.locked).toBe(true);
    const refused = await replier.client.post(`/api/posts/${post.id}/replies`, { body: 'Can I still answer?' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/locked/);
    expect((await act(moderator.client, 'unlock', { type: 'post', id: post.id })).statusCode).toBe(200);
    expect((await replier.client.post(`/api/posts/${post.id}/replies`, { body: 'Thank you.' })).statusCode).toBe(201);

    expect((await act(moderator.client, 'move', { type: 'post', id: post.id }, { toGroup: 'loneliness' })).statusCode).toBe(200);
    expect((await thread(replier.client, post.id)).post.group.slug).toBe('loneliness');
  });

  it('approve releases a post held for approval; dismiss resolves a report item with no action', async () => {
    const author = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const reader = await memberIn(hearth, SLUG);
    const { post } = await writePost(author.client, SLUG);
    const { posts } = await import('../../db/schema/index.js');
    await hearth.deps.db.update(posts).set({ status: 'held', heldBy: 'approval' }).where(eq(posts.id, post.id));
    expect((await thread(reader.client, post.id)).post.status).toBe('unavailable');
    expect((await act(moderator.client, 'approve', { type: 'post', id: post.id })).statusCode).toBe(200);
    expect((await thread(reader.client, post.id)).post.status).toBe('visible');
    // Nothing more to approve.
    expect((await act(moderator.client, 'approve', { type: 'post', id: post.id })).statusCode).toBe(409);

    const group = (await thread(reader.client, post.id)).post.group;
    const item = await hearth.deps.db.transaction((tx) =>
      raiseQueueItem(tx, hearth.deps.live, { kind: 'report', targetType: 'post', targetId: post.id, subjectId: author.user.id, groupId: group.id, reason: 'spam', severity: 1, now: clock.now() }),
    );
    const dismissed = await act(moderator.client, 'dismiss', { type: 'post', id: post.id }, { itemId: item.itemId, reason: 'Looked fine to me.' });
    expect(dismissed.statusCode).toBe(200);
    expect((await act(moderator.client, 'dismiss', { type: 'post', id: post.id }, { itemId: item.itemId })).statusCode).toBe(409);
  });
});

describe('permission boundaries', () => {
  it('a group moderator cannot act outside their groups, suspend or ban, mute staff, or act on themselves; a member cannot act at all', async () => {
    const author = await memberIn(hearth, 'depression');
    const groupMod = await groupModeratorOf(hearth, SLUG);
    const member = await memberIn(hearth, SLUG);
    const { post } = await writePost(author.client, 'depression');
    const outside = await act(groupMod.client, 'remove', { type: 'post', id: post.id });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toMatch(/do not moderate/);
    expect((await act(member.client, 'remove', { type: 'post', id: post.id })).statusCode).toBe(403);
    expect((await act(groupMod.client, 'suspend', { type: 'member', id: member.user.id }, { hours: 24 })).statusCode).toBe(403);
    expect((await act(groupMod.client, 'ban', { type: 'member', id: member.user.id })).statusCode).toBe(403);
    const staff = await memberIn(hearth, SLUG, 'moderator');
    expect((await act(groupMod.client, 'mute', { type: 'member', id: staff.user.id }, { hours: 2, group: SLUG })).statusCode).toBe(403);
    // Moving a thread into a group they do not moderate.
    const { post: own } = await writePost(member.client, SLUG);
    expect((await act(groupMod.client, 'move', { type: 'post', id: own.id }, { toGroup: 'depression' })).statusCode).toBe(403);
    // Nobody moderates themselves.
    const { post: mine } = await writePost(groupMod.client, SLUG);
    expect((await act(groupMod.client, 'remove', { type: 'post', id: mine.id })).statusCode).toBe(403);
    expect((await act(staff.client, 'suspend', { type: 'member', id: staff.user.id }, { hours: 1 })).statusCode).toBe(403);
    // A queue item, a mute or an appeal of another group is out of reach too.
    const other = (await thread(author.client, post.id)).post.group;
    const item = await hearth.deps.db.transaction((tx) =>
      raiseQueueItem(tx, hearth.deps.live, { kind: 'report', targetType: 'post', targetId: post.id, subjectId: author.user.id, groupId: other.id, reason: 'spam', severity: 1, now: clock.now() }),
    );
    expect((await act(groupMod.client, 'dismiss', { type: 'post', id: post.id }, { itemId: item.itemId })).statusCode).toBe(403);
    expect((await act(groupMod.client, 'mute', { type: 'member', id: author.user.id }, { hours: 2, group: 'depression' })).statusCode).toBe(403);
    const globalMod = await account(hearth, 'moderator');
    const removed = (await act(globalMod.client, 'remove', { type: 'post', id: post.id })).json();
    expect((await author.client.post(`/api/moderation/actions/${removed.action.id}/appeal`, { body: 'Please look again.' })).statusCode).toBe(201);
    expect((await groupMod.client.get('/api/moderation/appeals')).json().appeals.some((entry: { action: { id: string } }) => entry.action.id === removed.action.id)).toBe(false);
    // Unknown content is not found; bad input names the field.
    expect((await act(groupMod.client, 'remove', { type: 'post', id: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const bad = await act(groupMod.client, 'mute', { type: 'member', id: member.user.id }, { hours: 0, group: SLUG });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/hours/);
    expect((await act(groupMod.client, 'remove', { type: 'post', id: own.id }, { reason: '' })).json().error.field).toMatch(/reason/);
  });
});

describe('sanctions', () => {
  it('a mute refuses posts, replies and reactions in that group until it ends (403 with until and reason), and ends at its time', async () => {
    const muted = await memberIn(hearth, SLUG);
    const other = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const { post } = await writePost(other.client, SLUG);
    const done = await act(moderator.client, 'mute', { type: 'member', id: muted.user.id }, { hours: 2, group: SLUG, reason: 'Please take a break from this group.' });
    expect(done.statusCode).toBe(200);
    const refusedPost = await muted.client.post(`/api/groups/${SLUG}/posts`, { title: 'Hello again', body: 'Anyone around?' });
    expect(refusedPost.statusCode).toBe(403);
    expect(refusedPost.json().error).toMatchObject({ code: 'muted', sanction: { kind: 'mute', reason: 'Please take a break from this group.', until: '2026-04-01T11:00:00.000Z' } });
    expect((await muted.client.post(`/api/posts/${post.id}/replies`, { body: 'Hi' })).statusCode).toBe(403);
    expect((await muted.client.request('PUT', `/api/posts/${post.id}/reactions/hug`)).statusCode).toBe(403);
    // Reading still works, and other groups are open.
    expect((await muted.client.get(`/api/posts/${post.id}`)).statusCode).toBe(200);
    await muted.client.post('/api/groups/depression/join', { acceptRules: true });
    expect((await muted.client.post('/api/groups/depression/posts', { title: 'Elsewhere', body: 'Still here.' })).statusCode).toBe(201);
    clock.advance(2 * 3_600_000 + 1000);
    expect((await muted.client.post(`/api/posts/${post.id}/replies`, { body: 'Back now.' })).statusCode).toBe(201);
  });

  it('a suspension refuses writes and joining a group everywhere; lift ends it early', async () => {
    const member = await memberIn(hearth, SLUG);
    const moderator = await account(hearth, 'moderator');
    const done = await act(moderator.client, 'suspend', { type: 'member', id: member.user.id }, { hours: 48, reasonTemplate: 'harassment', reason: 'Repeated harassment after a warning.' });
    expect(done.statusCode).toBe(200);
    const join = await member.client.post('/api/groups/students/join', { acceptRules: true });
    expect(join.statusCode).toBe(403);
    expect(join.json().error).toMatchObject({ code: 'suspended', sanction: { kind: 'suspend', reason: 'Repeated harassment after a warning.' } });
    expect(join.json().error.message).toMatch(/until .* UTC/);
    expect((await member.client.post(`/api/groups/${SLUG}/posts`, { title: 'Hello', body: 'Hello' })).statusCode).toBe(403);
    const sanctionId = (await member.client.get('/api/me/moderation')).json().sanctions[0].id;
    expect((await act(moderator.client, 'lift', { type: 'member', id: member.user.id }, { sanctionId, reason: 'Lifted after talking it through.' })).statusCode).toBe(200);
    expect((await member.client.post('/api/groups/students/join', { acceptRules: true })).statusCode).toBe(200);
  });
});

describe('a sanctioned moderator', () => {
  it('has no moderation powers in a group they are muted in, nor anywhere while suspended; the powers return when the sanction ends', async () => {
    const admin = await account(hearth, 'admin');
    const groupModerator = await groupModeratorOf(hearth, SLUG);
    const siteModerator = await account(hearth, 'moderator');
    const writer = await memberIn(hearth, SLUG);
    const { post } = await writePost(writer.client, SLUG);
    const reply = await writeReply(writer.client, post.id);
    expect((await act(admin.client, 'mute', { type: 'member', id: groupModerator.user.id }, { hours: 24, group: SLUG })).statusCode).toBe(200);
    expect((await act(admin.client, 'suspend', { type: 'member', id: siteModerator.user.id }, { hours: 48 })).statusCode).toBe(200);

    for (const moderator of [groupModerator, siteModerator]) {
      expect((await moderator.client.get('/api/moderation/scope')).json()).toMatchObject({ moderates: false, global: false, groups: [] });
      expect((await moderator.client.get('/api/moderation/queue')).statusCode).toBe(403);
      expect((await act(moderator.client, 'remove', { type: 'post', id: post.id })).statusCode).toBe(403);
      expect((await moderator.client.get(`/api/moderation/automod/rules?group=${SLUG}`)).statusCode).toBe(403);
    }
    expect((await thread(writer.client, post.id)).post.status).toBe('visible');

    // The mute ends: the group moderator moderates their group again; the suspension still holds the site moderator.
    clock.advance(25 * 3_600_000);
    expect((await groupModerator.client.get('/api/moderation/scope')).json()).toMatchObject({ moderates: true });
    expect((await groupModerator.client.get('/api/moderation/queue')).statusCode).toBe(200);
    expect((await groupModerator.client.get(`/api/moderation/automod/rules?group=${SLUG}`)).statusCode).toBe(200);
    expect((await act(groupModerator.client, 'remove', { type: 'reply', id: reply.id })).statusCode).toBe(200);
    expect((await siteModerator.client.get('/api/moderation/queue')).statusCode).toBe(403);

    clock.advance(24 * 3_600_000);
    expect((await siteModerator.client.get('/api/moderation/scope')).json()).toMatchObject({ moderates: true, global: true });
    expect((await siteModerator.client.get('/api/moderation/queue')).statusCode).toBe(200);
    expect((await act(siteModerator.client, 'remove', { type: 'post', id: post.id })).statusCode).toBe(200);
  });
});
