import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODERATION_LIVE } from '../../../shared/api/moderation.js';
import { ManualClock } from '../../clock.js';
import { automodRules, liveEvents, moderationActions, posts, safetyAlerts } from '../../db/schema/index.js';
import { userChannel } from '../../live/hub.js';
import { account, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { act, groupModeratorOf } from './actions-test-steps.js';
import { recordModerationAction } from './record-action.js';
import { addNotice } from './notices.js';
import { raiseQueueItem } from './queue-items.js';

let hearth: TestApp;
const clock = new ManualClock(new Date('2026-05-01T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'grief-and-loss';

describe('what the member is told', () => {
  it('an action reaches the member live with its kind, reason, content and how to appeal; read marks it read', async () => {
    const author = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const { post } = await writePost(author.client, SLUG, { title: 'Some days are bad', body: 'Selling cheap pills, message me.' });
    expect((await author.client.get('/api/me/moderation/unread')).json()).toEqual({ unread: 0, sanctioned: false });
    const done = await act(moderator.client, 'remove', { type: 'post', id: post.id }, { reasonTemplate: 'spam', reason: 'Advertising is not allowed here.' });
    expect(done.statusCode).toBe(200);
    const events = await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.channel, userChannel(author.user.id)));
    expect(events.some((event) => event.type === MODERATION_LIVE.notice)).toBe(true);

    expect((await author.client.get('/api/me/moderation/unread')).json().unread).toBe(1);
    const mine = (await author.client.get('/api/me/moderation')).json();
    expect(mine.notices[0]).toMatchObject({
      kind: 'action',
      read: false,
      action: { kind: 'remove', kindWords: 'Removed', by: 'A moderator', reasonLabel: 'Spam', reason: 'Advertising is not allowed here.', content: { type: 'post', title: 'Some days are bad' } },
      appeal: { canAppeal: true, status: null },
    });
    // Never which moderator.
    expect(JSON.stringify(mine)).not.toContain(moderator.user.handle);
    expect((await author.client.post('/api/me/moderation/read')).statusCode).toBe(200);
    expect((await author.client.get('/api/me/moderation')).json()).toMatchObject({ unread: 0, notices: [{ read: true }] });
  });

  it('an automod action names its rule; a reporter is told the outcome in plain words', async () => {
    const author = await memberIn(hearth, SLUG);
    const reporter = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const { post } = await writePost(author.client, SLUG);
    const [group] = await hearth.deps.db.select({ groupId: posts.groupId }).from(posts).where(eq(posts.id, post.id));
    const [rule] = await hearth.deps.db.insert(automodRules).values({ kind: 'slurs', action: 'hold', name: 'No slurs', createdAt: clock.now(), updatedAt: clock.now() }).returning();
    await hearth.deps.db.transaction(async (tx) => {
      const action = await recordModerationAction(tx, { kind: 'hide', actorId: null, automodRuleId: rule!.id, targetType: 'post', targetId: post.id, subjectId: author.user.id, groupId: group!.groupId, reason: 'Held for review by an automatic rule.', now: clock.now() });
      await addNotice(tx, hearth.deps.live, { userId: author.user.id, kind: 'action', actionId: action.id, now: clock.now() });
    });
    const notice = (await author.client.get('/api/me/moderation')).json().notices[0];
    expect(notice.action).toMatchObject({ kindWords: 'Held for review', by: 'The automatic rule “No slurs”' });

    // A report's item, resolved by an action: the reporter reads the outcome, never who or how long.
    const { reports } = await import('../../db/schema/index.js');
    await hearth.deps.db.transaction(async (tx) => {
      const item = await raiseQueueItem(tx, hearth.deps.live, { kind: 'report', targetType: 'post', targetId: post.id, subjectId: author.user.id, groupId: group!.groupId, reason: 'spam', severity: 1, now: clock.now() });
      await tx.insert(reports).values({ reporterId: reporter.user.id, targetType: 'post', targetId: post.id, reason: 'spam', itemId: item.itemId, createdAt: clock.now() });
    });
    expect((await act(moderator.client, 'remove', { type: 'post', id: post.id }, { reason: 'Spam is removed.' })).statusCode).toBe(200);
    const told = (await reporter.client.get('/api/me/moderation')).json().notices[0];
    expect(told).toMatchObject({ kind: 'report_outcome', report: { targetType: 'post', outcome: 'A moderator removed the post you reported. Thank you for telling us.' } });
  });
});

describe('appeals', () => {
  it('once per action; a different moderator decides; overturn restores the reply and the member is told', async () => {
    const author = await memberIn(hearth, SLUG);
    const poster = await memberIn(hearth, SLUG);
    const reader = await memberIn(hearth, SLUG);
    const first = await groupModeratorOf(hearth, SLUG);
    const second = await groupModeratorOf(hearth, SLUG);
    const { post } = await writePost(poster.client, SLUG);
    const reply = await writeReply(author.client, post.id, { body: 'Honestly just get over it.', anonymous: true });
    const removed = (await act(first.client, 'remove', { type: 'reply', id: reply.id }, { reasonTemplate: 'be_kind', reason: 'Please be gentle with grief.' })).json();
    const actionId = removed.action.id as string;

    // Only the member affected can appeal; others are told "not found".
    expect((await reader.client.post(`/api/moderation/actions/${actionId}/appeal`, { body: 'Not mine but unfair.' })).statusCode).toBe(404);
    const appealed = await author.client.post(`/api/moderation/actions/${actionId}/appeal`, { body: 'I meant it kindly, it came out wrong.' });
    expect(appealed.statusCode).toBe(201);
    expect((await author.client.post(`/api/moderation/actions/${actionId}/appeal`, { body: 'Again please.' })).statusCode).toBe(409);

    const list = (await second.client.get('/api/moderation/appeals')).json().appeals;
    const appeal = list.find((entry: { action: { id: string } }) => entry.action.id === actionId);
    // The reply was anonymous: the appeal does not unmask its author.
    expect(appeal).toMatchObject({ status: 'open', member: null, body: 'I meant it kindly, it came out wrong.', action: { kind: 'remove', mine: false } });
    expect(JSON.stringify(list)).not.toContain(author.user.handle);
    expect((await reader.client.get('/api/moderation/appeals')).statusCode).toBe(403);

    const own = await first.client.post(`/api/moderation/appeals/${appeal.id}/decision`, { decision: 'overturn', reason: 'Fair enough.' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/different moderator/);
    clock.advance(60_000);
    const decided = await second.client.post(`/api/moderation/appeals/${appeal.id}/decision`, { decision: 'overturn', reason: 'Read in context, it was meant kindly.' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().appeal.status).toBe('overturned');
    expect((await second.client.post(`/api/moderation/appeals/${appeal.id}/decision`, { decision: 'uphold', reason: 'Changed my mind.' })).statusCode).toBe(409);

    const { replies } = (await reader.client.get(`/api/posts/${post.id}`)).json();
    expect(replies.find((entry: { id: string }) => entry.id === reply.id)).toMatchObject({ body: 'Honestly just get over it.' });
    // The undo is its own action.
    const kinds = (await hearth.deps.db.select({ kind: moderationActions.kind }).from(moderationActions).where(eq(moderationActions.targetId, reply.id))).map((row) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(['remove', 'restore']));
    const notices = (await author.client.get('/api/me/moderation')).json().notices;
    expect(notices[0]).toMatchObject({ kind: 'appeal_decided', appeal: { status: 'overturned', decisionReason: 'Read in context, it was meant kindly.' } });
    expect(notices[1]).toMatchObject({ kind: 'action', appeal: { canAppeal: false, status: 'overturned' } });
  });

  it('overturning a suspension lifts it; upholding keeps it; a group moderator does not see site-wide sanctions', async () => {
    const member = await memberIn(hearth, SLUG);
    const other = await memberIn(hearth, SLUG);
    const first = await account(hearth, 'moderator');
    const second = await account(hearth, 'admin');
    const groupMod = await groupModeratorOf(hearth, SLUG);
    const until = new Date(clock.now().getTime() + 72 * 3_600_000).toISOString();
    const suspended = (await act(first.client, 'suspend', { type: 'member', id: member.user.id }, { hours: 72, reason: 'Repeated harassment.' })).json();
    const banned = (await act(first.client, 'ban', { type: 'member', id: other.user.id }, { reason: 'Threats against members.' })).json();
    expect((await member.client.get('/api/me/moderation')).json().sanctions[0]).toMatchObject({ kind: 'suspend', until, reason: 'Repeated harassment.' });
    expect((await member.client.get('/api/me/moderation/unread')).json().sanctioned).toBe(true);
    await member.client.post(`/api/moderation/actions/${suspended.action.id}/appeal`, { body: 'I was provoked first.' });
    await other.client.post(`/api/moderation/actions/${banned.action.id}/appeal`, { body: 'Please reconsider.' });
    expect((await groupMod.client.get('/api/moderation/appeals')).json().appeals.some((entry: { action: { kind: string } }) => entry.action.kind === 'suspend' || entry.action.kind === 'ban')).toBe(false);

    const appeals = (await second.client.get('/api/moderation/appeals')).json().appeals;
    const forSuspension = appeals.find((entry: { action: { id: string } }) => entry.action.id === suspended.action.id);
    const forBan = appeals.find((entry: { action: { id: string } }) => entry.action.id === banned.action.id);
    expect((await second.client.post(`/api/moderation/appeals/${forSuspension.id}/decision`, { decision: 'overturn', reason: 'Both sides were heated.' })).statusCode).toBe(200);
    expect((await member.client.get('/api/me/moderation')).json().sanctions).toEqual([]);
    expect((await member.client.post('/api/groups/students/join', { acceptRules: true })).statusCode).toBe(200);
    expect((await second.client.post(`/api/moderation/appeals/${forBan.id}/decision`, { decision: 'uphold', reason: 'Threats are never allowed.' })).statusCode).toBe(200);
    const refused = await other.client.post(`/api/groups/${SLUG}/posts`, { title: 'Hello', body: 'Hello' });
    expect(refused.json().error).toMatchObject({ code: 'banned', sanction: { kind: 'ban', until: null, reason: 'Threats against members.' } });
  });

  it('a suspended member can still read and write to the safety team', async () => {
    const member = await memberIn(hearth, SLUG);
    const staff = await account(hearth, 'moderator');
    const { post } = await writePost(member.client, SLUG, { title: 'Tonight', body: 'I have written my note and tonight is the night. Thank you all for everything.' });
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, post.id));
    expect((await staff.client.post(`/api/safety/alerts/${alert!.id}/outreach`, { body: 'We read your post and we are here. Would you like to talk?' })).statusCode).toBe(201);
    const moderator = await account(hearth, 'admin');
    expect((await act(moderator.client, 'suspend', { type: 'member', id: member.user.id }, { hours: 24, reason: 'Spam links.' })).statusCode).toBe(200);
    const conversations = (await member.client.get('/api/conversations')).json().conversations;
    expect((await member.client.post(`/api/conversations/${conversations[0].id}/messages`, { body: 'Thank you for writing to me' })).statusCode).toBe(201);
    expect((await member.client.get(`/api/groups/${SLUG}/feed`)).statusCode).toBe(200);
  });
});
