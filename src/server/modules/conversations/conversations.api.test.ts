import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import { liveEvents, messages, safetyAlertActions, safetyAlerts, safetyReviewItems } from '../../db/schema/index.js';
import { MEMBER_MESSAGES_PER_MINUTE } from '../../http/rate-limit.js';
import { memberIn as memberInGroup, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * A member's messages to the safety team always reach a person: after their
 * alert is resolved (the review list), in crisis with nobody on duty (the card
 * says so honestly), and when they write fast (a limit that never refuses what
 * the assessor rates high or imminent). From the attack review of issue 11.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'depression';
const CRISIS = 'I have written my note and tonight is the night. Thank you all for everything.';
const memberIn = (role?: 'moderator') => memberInGroup(hearth, SLUG, role);
const alertFor = async (contentId: string) => (await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, contentId)))[0];

interface ReviewItemSeen {
  id: string;
  kind: string;
  content: { type: string; id: string; excerpt: string | null };
  raisedAlertId: string | null;
}

/** A member in crisis, an alert, and a moderator who reached out. */
async function outreachDone() {
  const member = await memberIn();
  const staff = await memberIn('moderator');
  const { post } = await writePost(member.client, SLUG, { title: 'Tonight', body: CRISIS });
  const alert = (await alertFor(post.id))!;
  const sent = await staff.client.post(`/api/safety/alerts/${alert.id}/outreach`, { body: 'We read your post and we are here. Would you like to talk?' });
  expect(sent.statusCode).toBe(201);
  const conversations = (await member.client.get('/api/conversations')).json().conversations;
  return { member, staff, alertId: alert.id, conversationId: conversations[0].id as string };
}

async function resolvedAfterOutreach() {
  const done = await outreachDone();
  expect((await done.staff.client.post(`/api/safety/alerts/${done.alertId}/resolve`, { outcome: 'not_a_concern' })).statusCode).toBe(200);
  return done;
}

const openMemberMessageItems = (memberId: string) =>
  hearth.deps.db
    .select()
    .from(safetyReviewItems)
    .where(and(eq(safetyReviewItems.kind, 'member_message'), eq(safetyReviewItems.subjectId, memberId), isNull(safetyReviewItems.reviewedAt)));

describe('a message written after the alert was resolved', () => {
  it('reaches a person: it goes on the review list with its words, announced to the team, and shows on the alert’s conversation', async () => {
    const { member, staff, alertId, conversationId } = await resolvedAfterOutreach();
    const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: 'Sorry I was asleep. Are you still there? Thank you for writing to me' });
    expect(answer.statusCode).toBe(201);
    const messageId = answer.json().message.id as string;

    const review = (await staff.client.get('/api/safety/review')).json().open as ReviewItemSeen[];
    const item = review.find((entry) => entry.content.id === messageId);
    expect(item).toMatchObject({ kind: 'member_message', content: { type: 'message', excerpt: 'Sorry I was asleep. Are you still there? Thank you for writing to me' } });
    const announced = await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.type, SAFETY_LIVE.reviewChanged));
    expect(announced.some((event) => (event.payload as { itemId?: string }).itemId === item!.id)).toBe(true);
    // Not attached to the resolved alert, which no longer covers it.
    const [stored] = await hearth.deps.db.select({ alertId: messages.alertId }).from(messages).where(eq(messages.id, messageId));
    expect(stored!.alertId).toBeNull();
    const conversation = (await staff.client.get(`/api/safety/alerts/${alertId}/conversation`)).json();
    expect(conversation.messages.map((m: { id: string }) => m.id)).toContain(messageId);
  });

  it('a burst of messages adds one review item while it waits, not one each (also when sent at once)', async () => {
    const { member, conversationId } = await resolvedAfterOutreach();
    for (const body of ['Hello?', 'Is anyone there?', 'I just want to talk to someone']) {
      expect((await member.client.post(`/api/conversations/${conversationId}/messages`, { body })).statusCode).toBe(201);
    }
    expect(await openMemberMessageItems(member.user.id)).toHaveLength(1);

    const other = await resolvedAfterOutreach();
    const sent = await Promise.all(['One', 'Two', 'Three', 'Four'].map((body) => other.member.client.post(`/api/conversations/${other.conversationId}/messages`, { body })));
    expect(sent.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
    expect(await openMemberMessageItems(other.member.user.id)).toHaveLength(1);
  });

  it('deciding it needs outreach gives the reviewer a claimed alert to write from, and the answer joins that alert', async () => {
    const { member, staff, conversationId } = await resolvedAfterOutreach();
    const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: 'Can we talk again please?' });
    const [item] = await openMemberMessageItems(member.user.id);
    expect(item!.contentId).toBe(answer.json().message.id);

    const decided = await staff.client.post(`/api/safety/review/${item!.id}`, { decision: 'needs_outreach' });
    expect(decided.statusCode).toBe(200);
    const raisedAlertId = decided.json().item.raisedAlertId as string;
    const [raised] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, raisedAlertId));
    expect(raised).toMatchObject({ status: 'claimed', claimedBy: staff.user.id, subjectId: member.user.id, contentType: 'message' });

    expect((await staff.client.post(`/api/safety/alerts/${raisedAlertId}/outreach`, { body: 'Yes, I am here now. How are you doing?' })).statusCode).toBe(201);
    const reply = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: 'Thank you. A bit better now.' });
    expect(reply.statusCode).toBe(201);
    const [stored] = await hearth.deps.db.select({ alertId: messages.alertId }).from(messages).where(eq(messages.id, reply.json().message.id));
    expect(stored!.alertId).toBe(raisedAlertId);
    const replied = await hearth.deps.db.select().from(safetyAlertActions).where(and(eq(safetyAlertActions.alertId, raisedAlertId), eq(safetyAlertActions.kind, 'member_replied')));
    expect(replied).toHaveLength(1);
    expect(await openMemberMessageItems(member.user.id)).toHaveLength(0);
  });

  it('a message that raises its own alert adds no review item', async () => {
    const { member, conversationId } = await resolvedAfterOutreach();
    const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: CRISIS });
    expect(answer.statusCode).toBe(201);
    expect(await alertFor(answer.json().message.id)).toMatchObject({ status: 'open', contentType: 'message' });
    expect(await openMemberMessageItems(member.user.id)).toHaveLength(0);
  });

  it('while the alert is still in hand, the answer joins it and adds no review item', async () => {
    const { member, alertId, conversationId } = await outreachDone();
    const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: 'Thank you for writing. I am home now.' });
    const [stored] = await hearth.deps.db.select({ alertId: messages.alertId }).from(messages).where(eq(messages.id, answer.json().message.id));
    expect(stored!.alertId).toBe(alertId);
    expect(await openMemberMessageItems(member.user.id)).toHaveLength(0);
  });
});

describe('a crisis answer to outreach', () => {
  it('with nobody on duty, the card says honestly that the team is not online (as a post’s does)', async () => {
    const { member, conversationId } = await outreachDone(); // nobody has switched duty on yet
    const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: CRISIS });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().support).toMatchObject({ level: 'imminent', team: { online: false } });
  });

  it('with someone on duty, the card says the team is online', async () => {
    const { member, staff, conversationId } = await outreachDone();
    expect((await staff.client.request('PUT', '/api/safety/duty', { on: true })).statusCode).toBe(200);
    try {
      const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: CRISIS });
      expect(answer.json().support).toMatchObject({ level: 'imminent', team: { online: true } });
    } finally {
      expect((await staff.client.request('PUT', '/api/safety/duty', { on: false })).statusCode).toBe(200);
    }
  });
});

describe('member messages are rate limited', () => {
  it(`past ${MEMBER_MESSAGES_PER_MINUTE} a minute a member is kindly asked to wait, yet a crisis message is always stored and raises its alert`, async () => {
    const { member, conversationId } = await outreachDone();
    for (let i = 0; i < MEMBER_MESSAGES_PER_MINUTE; i += 1) {
      expect((await member.client.post(`/api/conversations/${conversationId}/messages`, { body: `Message ${i}` })).statusCode).toBe(201);
    }
    const storedBefore = await hearth.deps.db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, conversationId));
    const refused = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: 'One more' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/wait \d+ seconds/) });
    // Bodies are sealed at rest: the refused message is looked for as a row, not by its words.
    const stored = await hearth.deps.db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, conversationId));
    expect(stored).toHaveLength(storedBefore.length);

    const crisis = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: CRISIS });
    expect(crisis.statusCode).toBe(201);
    expect(await alertFor(crisis.json().message.id)).toMatchObject({ level: 'imminent', status: 'open' });

    // Another member is not held back by this one.
    const other = await outreachDone();
    expect((await other.member.client.post(`/api/conversations/${other.conversationId}/messages`, { body: 'Hello' })).statusCode).toBe(201);
  });
});
