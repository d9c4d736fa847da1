import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, liveEvents, posts as postsTable, replies as repliesTable, safetyAlertActions, safetyAlerts, safetyDuty, users } from '../../db/schema/index.js';
import { HELD_TEXT, memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { hashPassword } from '../accounts/passwords.js';
import { recomputeThreadCounters } from '../posts/queries.js';
import { DEFAULT_AUTO_REPLY, writeAutomaticReply } from './auto-reply.js';
import { act, groupModeratorOf } from '../moderation/actions-test-steps.js';
import { readSafetySettings, writeSafetySettings } from './settings.js';
import { SAFETY_ACCOUNT_HANDLE } from './system-account.js';

/** The writer's side of issue 11: held decisions, the durable card, the automatic content warning and first reply. */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'depression';
/** Assessed `high` (active ideation), not held: visible to the group. */
const HIGH = { title: 'Tired', body: 'I want to kill myself. I think about it every day now.' };
const memberIn = (role?: 'moderator') => memberInGroup(hearth, SLUG, role);

async function gbMember() {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp(undefined, undefined, { country: 'GB' });
  await client.post(`/api/groups/${SLUG}/join`, { acceptRules: true });
  return { client, user };
}

async function thread(client: TestClient, postId: string) {
  const response = await client.get(`/api/posts/${postId}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

const alertFor = async (contentId: string) => (await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, contentId)))[0]!;

async function setAutoReply(autoReply: { enabled: boolean; text: string | null }, actorId: string) {
  const settings = await readSafetySettings(hearth.deps.db);
  await writeSafetySettings(hearth.deps.db, { ...settings, autoReply }, actorId, new Date());
}

/** Keys of an object and of its nested objects: the "shape" another member sees. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shape(entry)]));
  return typeof value;
}

describe('the support card stays with the post', () => {
  it('after a reload and in "Your posts", with the writer’s hotlines, until folded; never in anyone else’s view', async () => {
    const writer = await gbMember();
    const other = await memberIn();
    const staff = await memberIn('moderator');
    const created = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
    expect(created.support).toMatchObject({ level: 'high', countryCode: 'GB' });

    const reloaded = await thread(writer.client, created.post.id);
    expect(reloaded.post.supportCard).toMatchObject({ assessmentId: created.support.assessmentId, level: 'high', countryCode: 'GB', emergency: { number: '999' } });
    expect(reloaded.post.supportCard.services.map((s: { name: string }) => s.name).join(' ')).toMatch(/Samaritans/);
    const mine = (await writer.client.get('/api/feed/mine')).json().posts;
    expect(mine.find((post: { id: string }) => post.id === created.post.id).supportCard).toMatchObject({ level: 'high' });

    // Others (members and staff) see the same shape as a post that raised nothing (one with a warning of its own).
    const plain = await writePost(writer.client, SLUG, { title: 'A calmer day', body: 'Went for a walk, it helped a bit.', contentWarning: 'Loss', contentWarningTopics: ['death', 'suicide'] });
    for (const viewer of [other, staff]) {
      const flagged = await thread(viewer.client, created.post.id);
      const calm = await thread(viewer.client, plain.post.id);
      expect(flagged.post).not.toHaveProperty('supportCard');
      expect(flagged.post).not.toHaveProperty('autoContentWarning');
      const { replies: _flaggedReplies, ...flaggedRest } = flagged;
      const { replies: _calmReplies, ...calmRest } = calm;
      expect(shape(flaggedRest)).toEqual(shape(calmRest));
      const feed = (await viewer.client.get(`/api/groups/${SLUG}/feed`)).json().posts;
      expect(feed.find((post: { id: string }) => post.id === created.post.id)).not.toHaveProperty('supportCard');
    }
    expect((await new TestClient(hearth.app).get(`/api/posts/${created.post.id}`)).statusCode).toBe(401);

    // Only the writer can fold it; anyone else gets the same 404 as an unknown card.
    expect((await other.client.post(`/api/safety/support-cards/${created.support.assessmentId}/fold`, {})).statusCode).toBe(404);
    expect((await writer.client.post(`/api/safety/support-cards/${crypto.randomUUID()}/fold`, {})).statusCode).toBe(404);
    expect((await writer.client.post(`/api/safety/support-cards/${created.support.assessmentId}/fold`, {})).json()).toEqual({ folded: true });
    expect((await writer.client.post(`/api/safety/support-cards/${created.support.assessmentId}/fold`, {})).statusCode).toBe(200);
    expect(await thread(writer.client, created.post.id)).not.toHaveProperty('post.supportCard');
    const mineAfter = (await writer.client.get('/api/feed/mine')).json().posts;
    expect(mineAfter.find((post: { id: string }) => post.id === created.post.id)).not.toHaveProperty('supportCard');
  });

  it('a reply’s card stays with the reply in the writer’s view of the thread', async () => {
    const author = await memberIn();
    const writer = await gbMember();
    const post = await writePost(author.client, SLUG);
    const reply = await writeReply(writer.client, post.post.id, { body: 'Honestly I want to kill myself too, every single day.' });
    const seen = await thread(writer.client, post.post.id);
    expect(seen.replies.find((r: { id: string }) => r.id === reply.id).supportCard).toMatchObject({ level: expect.stringMatching(/high|imminent/) });
    const byAuthor = await thread(author.client, post.post.id);
    expect(byAuthor.replies.find((r: { id: string }) => r.id === reply.id)).not.toHaveProperty('supportCard');
  });

  it('says honestly when nobody is on duty, and that someone is when a moderator is', async () => {
    const writer = await gbMember();
    const offline = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
    expect(offline.support.team).toEqual({ online: false, message: expect.stringMatching(/not online right now/) });
    expect(offline.support.message).not.toMatch(/our team is here/i);
    expect((await thread(writer.client, offline.post.id)).post.supportCard.team.online).toBe(false);

    const staff = await memberIn('moderator');
    await hearth.deps.db.insert(safetyDuty).values({ userId: staff.user.id, since: new Date() });
    try {
      const online = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
      expect(online.support.team).toEqual({ online: true, message: expect.any(String) });
      // The durable card recomputes it: the earlier alert, still open, now has someone on duty.
      expect((await thread(writer.client, offline.post.id)).post.supportCard.team.online).toBe(true);
    } finally {
      await hearth.deps.db.delete(safetyDuty).where(eq(safetyDuty.userId, staff.user.id));
    }
    // An elevated post raises no alert: no team line at all.
    const elevated = (await writer.client.post(`/api/groups/${SLUG}/posts`, { title: 'Heavy', body: 'I feel hopeless, like nothing will ever get better.' })).json();
    if (elevated.support) expect(elevated.support.team).toBeNull();
  });
});

describe('the automatic content warning (#chatsafe)', () => {
  it('covers a high post for others, tells the writer, and folding preferences can act on its topics', async () => {
    const writer = await memberIn();
    const other = await memberIn();
    const created = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
    expect(created.post).toMatchObject({ contentWarning: 'Suicide and self-harm', autoContentWarning: true });
    expect(created.post.contentWarningTopics).toEqual(expect.arrayContaining(['suicide', 'self-harm']));
    const seen = await thread(other.client, created.post.id);
    expect(seen.post).toMatchObject({ contentWarning: 'Suicide and self-harm' });
    expect(seen.post).not.toHaveProperty('autoContentWarning');
    const listed = (await other.client.get(`/api/groups/${SLUG}/feed`)).json().posts.find((post: { id: string }) => post.id === created.post.id);
    expect(listed.contentWarningTopics).toEqual(expect.arrayContaining(['suicide', 'self-harm']));
  });

  it('the writer can change or remove it by editing, and an edit does not put back what they removed', async () => {
    const writer = await memberIn();
    const created = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
    // The edit form sends the warning as it stands: unchanged, it stays the automatic one.
    const same = (await writer.client.patch(`/api/posts/${created.post.id}`, { body: `${HIGH.body} Edited.`, contentWarning: 'Suicide and self-harm', contentWarningTopics: created.post.contentWarningTopics })).json();
    expect(same.post).toMatchObject({ contentWarning: 'Suicide and self-harm', autoContentWarning: true });
    const changed = (await writer.client.patch(`/api/posts/${created.post.id}`, { contentWarning: 'Dark thoughts', contentWarningTopics: ['suicide'] })).json();
    expect(changed.post).toMatchObject({ contentWarning: 'Dark thoughts', contentWarningTopics: ['suicide'] });
    expect(changed.post).not.toHaveProperty('autoContentWarning');
    const removed = (await writer.client.patch(`/api/posts/${created.post.id}`, { contentWarning: null, contentWarningTopics: [] })).json();
    expect(removed.post).toMatchObject({ contentWarning: null, contentWarningTopics: [] });
    const edited = (await writer.client.patch(`/api/posts/${created.post.id}`, { body: `${HIGH.body} Still here though.` })).json();
    expect(edited.post).toMatchObject({ contentWarning: null, contentWarningTopics: [] });
  });

  it('is added when an edit raises a calm post to high, and a warning the writer set that covers it is left alone', async () => {
    const writer = await memberIn();
    const calm = await writePost(writer.client, SLUG);
    const raised = (await writer.client.patch(`/api/posts/${calm.post.id}`, { body: HIGH.body })).json();
    expect(raised.post).toMatchObject({ contentWarning: 'Suicide and self-harm', autoContentWarning: true });
    const own = (await writer.client.post(`/api/groups/${SLUG}/posts`, { ...HIGH, contentWarning: 'Suicidal thoughts', contentWarningTopics: ['suicide', 'self-harm'] })).json();
    expect(own.post).toMatchObject({ contentWarning: 'Suicidal thoughts', contentWarningTopics: ['suicide', 'self-harm'] });
    expect(own.post).not.toHaveProperty('autoContentWarning');
  });

  it('is not added to an ordinary post', async () => {
    const writer = await memberIn();
    const calm = await writePost(writer.client, SLUG);
    const seen = await thread(writer.client, calm.post.id);
    expect(seen.post).toMatchObject({ contentWarning: null, contentWarningTopics: [] });
  });
});

describe('the automatic first reply', () => {
  it('Hearth Safety replies once, labelled automatic, with no crisis lines of the writer’s country; the post still needs a reply', async () => {
    const writer = await gbMember();
    const other = await memberIn();
    const created = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
    const seen = await thread(other.client, created.post.id);
    expect(seen.replies).toHaveLength(1);
    expect(seen.replies[0]).toMatchObject({ automatic: true, status: 'visible', author: { kind: 'member', handle: SAFETY_ACCOUNT_HANDLE, role: 'moderator' }, body: DEFAULT_AUTO_REPLY });
    expect(seen.replies[0].body).toMatch(/automatic message from Hearth/);
    expect(seen.replies[0].body).not.toMatch(/Samaritans|999|United Kingdom/);
    expect(seen.post).toMatchObject({ replyCount: 1, needsReply: true });
    const needing = (await other.client.get('/api/feed/needs-reply?limit=50')).json().posts.map((post: { id: string }) => post.id);
    expect(needing).toContain(created.post.id);

    // Never twice, even when written at the same moment on several nodes.
    await Promise.all([1, 2, 3, 4].map(() => writeAutomaticReply(hearth.deps.db, created.post.id)));
    const rows = await hearth.deps.db.select().from(repliesTable).where(and(eq(repliesTable.postId, created.post.id), eq(repliesTable.automatic, true)));
    expect(rows).toHaveLength(1);
    // Counters recomputed from the replies still do not count it as an answer.
    await recomputeThreadCounters(hearth.deps.db, created.post.id);
    expect((await thread(other.client, created.post.id)).post).toMatchObject({ replyCount: 1, needsReply: true });

    // A person answers: now it is answered.
    await writeReply(other.client, created.post.id);
    expect((await thread(other.client, created.post.id)).post).toMatchObject({ replyCount: 2, needsReply: false });
    // Ordinary replies carry no `automatic` mark.
    expect((await thread(other.client, created.post.id)).replies[1]).not.toHaveProperty('automatic');
  });

  it('is not sent for held content, nor for an ordinary post', async () => {
    const writer = await memberIn();
    const held = (await writer.client.post(`/api/groups/${SLUG}/posts`, { title: 'Now', body: HELD_TEXT })).json();
    expect(held.post.status).toBe('held');
    expect(held.replies).toEqual([]);
    const calm = await writePost(writer.client, SLUG);
    expect(calm.replies).toEqual([]);
  });

  it('follows the admin’s settings: switched off, or their own words', async () => {
    const writer = await memberIn();
    const admin = await memberIn('moderator');
    try {
      await setAutoReply({ enabled: false, text: null }, admin.user.id);
      const off = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
      expect(off.replies).toEqual([]);
      const custom = 'This is an automatic message from our community team. We are glad you wrote, and you are not alone.';
      await setAutoReply({ enabled: true, text: custom }, admin.user.id);
      const on = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json();
      expect(on.replies).toEqual([expect.objectContaining({ automatic: true, body: custom })]);
    } finally {
      await setAutoReply({ enabled: true, text: null }, admin.user.id);
    }
  });

  it('the Hearth Safety account can never sign in, whatever its password', async () => {
    const client = new TestClient(hearth.app);
    const [account] = await hearth.deps.db.select().from(users).where(eq(users.isSystem, true));
    expect(account).toMatchObject({ handle: SAFETY_ACCOUNT_HANDLE, role: 'moderator' });
    expect((await client.post('/api/auth/sign-in', { handle: SAFETY_ACCOUNT_HANDLE, password: 'anything at all 123' })).statusCode).toBe(401);
    // Even with a password someone set on it by hand.
    await hearth.deps.db.update(users).set({ passwordHash: await hashPassword('a known password 42!') }).where(eq(users.id, account!.id));
    expect((await client.post('/api/auth/sign-in', { handle: SAFETY_ACCOUNT_HANDLE, password: 'a known password 42!' })).statusCode).toBe(401);
  });
});

describe('held content decisions', () => {
  async function heldPost() {
    const writer = await memberIn();
    const created = (await writer.client.post(`/api/groups/${SLUG}/posts`, { title: 'Tonight', body: HELD_TEXT })).json();
    expect(created.post.status).toBe('held');
    const alert = await alertFor(created.post.id);
    return { writer, postId: created.post.id as string, alertId: alert.id };
  }

  it('only the safety team decides; a release needs a content warning', async () => {
    const { alertId } = await heldPost();
    const member = await memberIn();
    expect((await member.client.get(`/api/safety/alerts/${alertId}/held-content`)).statusCode).toBe(403);
    expect((await member.client.post(`/api/safety/alerts/${alertId}/held-content`, { decision: 'keep' })).statusCode).toBe(403);
    const staff = await memberIn('moderator');
    expect((await staff.client.get(`/api/safety/alerts/${crypto.randomUUID()}/held-content`)).statusCode).toBe(404);
    const before = (await staff.client.get(`/api/safety/alerts/${alertId}/held-content`)).json();
    expect(before).toMatchObject({ contentType: 'post', status: 'held', decision: null });
    const missing = await staff.client.post(`/api/safety/alerts/${alertId}/held-content`, { decision: 'release' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ field: 'contentWarning' });
    const badTopic = await staff.client.post(`/api/safety/alerts/${alertId}/held-content`, { decision: 'release', contentWarning: { text: 'x', topics: ['nope'] } });
    expect(badTopic.statusCode).toBe(400);
  });

  it('keep: stays held, the writer is told kindly, others see nothing new', async () => {
    const { writer, postId, alertId } = await heldPost();
    const other = await memberIn();
    const staff = await memberIn('moderator');
    const othersBefore = await thread(other.client, postId);
    const kept = await staff.client.post(`/api/safety/alerts/${alertId}/held-content`, { decision: 'keep' });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'held', decision: { decision: 'kept', decidedBy: expect.any(String) } });
    const mine = await thread(writer.client, postId);
    expect(mine.post).toMatchObject({ status: 'held', heldDecision: { decision: 'kept', message: expect.stringMatching(/not done anything wrong/) } });
    expect(await thread(other.client, postId)).toEqual(othersBefore);
    expect((await thread(staff.client, postId)).post).not.toHaveProperty('heldDecision');

    // Recorded for the alert, audited without words, and told live (ids only).
    const actions = await hearth.deps.db.select().from(safetyAlertActions).where(eq(safetyAlertActions.alertId, alertId));
    expect(actions).toEqual([expect.objectContaining({ kind: 'held_kept', actorId: staff.user.id })]);
    const [audit] = await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'safety.held_decision'), eq(auditLog.targetId, alertId)));
    expect(audit!.details).toEqual({ decision: 'kept', contentType: 'post', contentId: postId });
    const events = await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.channel, `user:${writer.user.id}`));
    expect(events.find((event) => event.type === 'safety.held_decision')!.payload).toEqual({ contentType: 'post', contentId: postId, decision: 'kept' });
    const staffEvents = await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.type, 'safety.alert_changed'));
    expect(staffEvents.map((event) => event.payload)).toContainEqual({ alertId, change: 'held_decision' });
  });

  it('ask_edit: stays held, the writer is asked to edit, and a safe edit releases it', async () => {
    const { writer, postId, alertId } = await heldPost();
    const staff = await memberIn('moderator');
    const custom = 'Thank you for writing. Could you take out the part about how? The rest can stay.';
    await staff.client.post(`/api/safety/alerts/${alertId}/held-content`, { decision: 'ask_edit', messageToWriter: custom });
    expect((await thread(writer.client, postId)).post).toMatchObject({ status: 'held', heldDecision: { decision: 'edit_requested', message: custom } });
    const edited = (await writer.client.patch(`/api/posts/${postId}`, { body: 'I am having a very hard night and I do not know what to do.' })).json();
    expect(edited.post.status).toBe('visible');
  });

  it('release: visible with the chosen warning, replies kept with it released and counted; a second decision is refused', async () => {
    const { writer, postId, alertId } = await heldPost();
    const other = await memberIn();
    const staff = await memberIn('moderator');
    await writeReply(writer.client, postId, { body: 'Adding a bit more about my day.' }); // kept with the held post
    expect((await thread(other.client, postId)).post).toMatchObject({ status: 'unavailable', replyCount: 0 });
    const released = await staff.client.post(`/api/safety/alerts/${alertId}/held-content`, {
      decision: 'release',
      contentWarning: { text: 'Suicide, method mentioned', topics: ['suicide'] },
    });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ status: 'visible', decision: { decision: 'released', contentWarning: 'Suicide, method mentioned' } });
    const seen = await thread(other.client, postId);
    expect(seen.post).toMatchObject({ status: 'visible', contentWarning: 'Suicide, method mentioned', contentWarningTopics: ['suicide'], replyCount: 1 });
    expect(seen.post).not.toHaveProperty('heldDecision');
    expect(seen.replies).toEqual([expect.objectContaining({ status: 'visible' })]);
    expect((await thread(writer.client, postId)).post.heldDecision).toMatchObject({ decision: 'released', message: expect.stringMatching(/visible to the group again/) });
    const again = await staff.client.post(`/api/safety/alerts/${alertId}/held-content`, { decision: 'keep' });
    expect(again.statusCode).toBe(409);
    expect((await hearth.deps.db.select({ status: postsTable.status }).from(postsTable).where(eq(postsTable.id, postId)))[0]!.status).toBe('visible');
  });

  it('a post kept only because its writer was muted cannot be released; keeping it works; releasing a post leaves a sanctioned reply under it held', async () => {
    const writer = await memberIn();
    const moderator = await groupModeratorOf(hearth, SLUG);
    const staff = await memberIn('moderator');
    const other = await memberIn();
    // Held by the assessor (a method), then the writer is muted and writes in crisis again, under it and anew.
    const { postId, alertId } = await (async () => {
      const created = (await writer.client.post(`/api/groups/${SLUG}/posts`, { title: 'Tonight', body: HELD_TEXT })).json();
      return { postId: created.post.id as string, alertId: (await alertFor(created.post.id)).id };
    })();
    expect((await act(moderator.client, 'mute', { type: 'member', id: writer.user.id }, { hours: 24, group: SLUG })).statusCode).toBe(200);
    const underIt = (await writer.client.post(`/api/posts/${postId}/replies`, { body: HIGH.body })).json().reply;
    expect(underIt).toMatchObject({ status: 'held', heldBy: 'sanction' });
    const muted = (await writer.client.post(`/api/groups/${SLUG}/posts`, HIGH)).json().post;
    expect(muted).toMatchObject({ status: 'held', heldBy: 'sanction' });
    const mutedAlert = await alertFor(muted.id);

    const panel = (await staff.client.get(`/api/safety/alerts/${mutedAlert.id}/held-content`)).json();
    expect(panel).toMatchObject({ status: 'held', releaseRefused: expect.stringMatching(/muted/) });
    const refused = await staff.client.post(`/api/safety/alerts/${mutedAlert.id}/held-content`, { decision: 'release', contentWarning: { text: 'Suicide', topics: ['suicide'] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'release_refused', field: 'decision' });
    const seen = await other.client.get(`/api/posts/${muted.id}`);
    expect(seen.statusCode === 404 || seen.json().post.status !== 'visible').toBe(true);
    expect((await staff.client.post(`/api/safety/alerts/${mutedAlert.id}/held-content`, { decision: 'keep' })).statusCode).toBe(200);

    // The assessor's own hold may be released; the sanctioned reply under it stays held.
    expect((await staff.client.get(`/api/safety/alerts/${alertId}/held-content`)).json().releaseRefused).toBeNull();
    const released = await staff.client.post(`/api/safety/alerts/${alertId}/held-content`, { decision: 'release', contentWarning: { text: 'Suicide', topics: ['suicide'] } });
    expect(released.statusCode).toBe(200);
    const [reply] = await hearth.deps.db.select({ status: repliesTable.status, heldBy: repliesTable.heldBy }).from(repliesTable).where(eq(repliesTable.id, underIt.id));
    expect(reply).toEqual({ status: 'held', heldBy: 'sanction' });
    expect((await thread(other.client, postId)).post).toMatchObject({ status: 'visible', replyCount: 0 });
  });

  it('release of a held reply moves the thread’s counters', async () => {
    const author = await memberIn();
    const writer = await memberIn();
    const other = await memberIn();
    const staff = await memberIn('moderator');
    const post = await writePost(author.client, SLUG);
    const reply = await writeReply(writer.client, post.post.id, { body: HELD_TEXT });
    expect((await thread(other.client, post.post.id)).post).toMatchObject({ replyCount: 0, needsReply: true });
    const alert = await alertFor(reply.id);
    expect((await staff.client.get(`/api/safety/alerts/${alert.id}/held-content`)).json()).toMatchObject({ contentType: 'reply', status: 'held' });
    await staff.client.post(`/api/safety/alerts/${alert.id}/held-content`, { decision: 'release', contentWarning: { text: 'Method mentioned', topics: ['suicide'] } });
    const seen = await thread(other.client, post.post.id);
    expect(seen.post).toMatchObject({ replyCount: 1, needsReply: false });
    expect(seen.replies).toEqual([expect.objectContaining({ id: reply.id, status: 'visible' })]);
    expect(seen.replies[0]).not.toHaveProperty('heldDecision');
    expect((await thread(writer.client, post.post.id)).replies[0].heldDecision).toMatchObject({ decision: 'released' });
  });

  it('a released reply is shown behind the warning staff chose, to others, staff and its writer; the writer’s edit keeps it', async () => {
    const author = await memberIn();
    const writer = await memberIn();
    const other = await memberIn();
    const staff = await memberIn('moderator');
    const post = await writePost(author.client, SLUG);
    const reply = await writeReply(writer.client, post.post.id, { body: HELD_TEXT });
    const alert = await alertFor(reply.id);
    const released = await staff.client.post(`/api/safety/alerts/${alert.id}/held-content`, {
      decision: 'release',
      contentWarning: { text: 'Overdose, method mentioned', topics: ['suicide'] },
    });
    expect(released.statusCode).toBe(200);
    const warned = { id: reply.id, status: 'visible', contentWarning: 'Overdose, method mentioned', contentWarningTopics: ['suicide'] };
    for (const viewer of [other, staff, writer, author]) {
      expect((await thread(viewer.client, post.post.id)).replies).toEqual([expect.objectContaining(warned)]);
    }
    // Found by search, its words come with the warning too (the page folds them as the thread does).
    const found = (await other.client.get('/api/search?q=bottle%20pills')).json().results as { replyId: string | null }[];
    expect(found.find((hit) => hit.replyId === reply.id)).toMatchObject({ type: 'reply', contentWarning: 'Overdose, method mentioned', contentWarningTopics: ['suicide'] });
    // The reply edit form has no warning: the writer's edit keeps the one staff chose.
    const edited = await writer.client.patch(`/api/replies/${reply.id}`, { body: 'I am still here. It was a very hard night.' });
    expect(edited.statusCode).toBe(200);
    expect((await thread(other.client, post.post.id)).replies).toEqual([expect.objectContaining({ ...warned, body: 'I am still here. It was a very hard night.' })]);
    // A reply nobody held carries no warning.
    const calm = await writeReply(other.client, post.post.id);
    expect((await thread(author.client, post.post.id)).replies.find((r: { id: string }) => r.id === calm.id)).toMatchObject({ contentWarning: null, contentWarningTopics: [] });
  });
});
