import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { auditLog, liveEvents, safetyAlertActions, safetyAlerts, safetyAlertState, safetyReviewItems } from '../../db/schema/index.js';
import { staffChannel } from '../../live/hub.js';
import { memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';

let hearth: TestApp;
const clock = new ManualClock(new Date('2026-03-02T20:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

/** Words the assessor is unsure about: `elevated`, so they go on the review list, not to an alert. */
const UNSURE = { title: 'Heavy', body: 'What is even the point anymore, I wish I could disappear.' };

interface Item {
  id: string;
  kind: string;
  level: string | null;
  content: { id: string; excerpt: string | null; link: string | null; authorHandle: string | null };
  decision: string | null;
  reviewedByHandle: string | null;
  raisedAlertId: string | null;
}

async function reviewList(client: TestClient): Promise<{ open: Item[]; recent: Item[] }> {
  const response = await client.get('/api/safety/review');
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function unsurePost(anonymous = false) {
  const writer = await memberIn(hearth, 'depression');
  const { post } = await writePost(writer.client, 'depression', { ...UNSURE, anonymous });
  return { writer, postId: post.id };
}

async function itemFor(client: TestClient, contentId: string): Promise<Item> {
  const item = (await reviewList(client)).open.find((entry) => entry.content.id === contentId);
  expect(item).toBeDefined();
  return item!;
}

describe('the review list', () => {
  it('shows content the assessor rated elevated, oldest first, with its words, link and level; announced to staff', async () => {
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const first = await unsurePost();
    clock.advance(60_000);
    const second = await unsurePost();
    const { open } = await reviewList(moderator.client);
    const ids = open.map((item) => item.content.id);
    expect(ids.indexOf(first.postId)).toBeLessThan(ids.indexOf(second.postId));
    const item = open.find((entry) => entry.content.id === first.postId)!;
    expect(item).toMatchObject({ kind: 'elevated', level: 'elevated', decision: null, content: { link: `/posts/${first.postId}`, authorHandle: first.writer.user.handle } });
    expect(item.content.excerpt).toMatch(/wish I could disappear/);
    const [event] = await hearth.deps.db
      .select()
      .from(liveEvents)
      .where(and(eq(liveEvents.channel, staffChannel), eq(liveEvents.type, 'safety.review_changed'), eq(liveEvents.payload, { itemId: item.id })));
    expect(event).toBeDefined();
  });

  it('never names the author of anonymous content (the dashboard’s logged reveal is the only door)', async () => {
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const { writer, postId } = await unsurePost(true);
    const item = await itemFor(moderator.client, postId);
    expect(item.content.authorHandle).toBeNull();
    const body = (await moderator.client.get('/api/safety/review')).body;
    expect(body).not.toContain(writer.user.handle);
    expect(body).not.toContain(writer.user.id);
  });

  it('"fine" closes the item; it moves to recently reviewed; a second decision is refused with 409', async () => {
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const colleague = await memberIn(hearth, 'depression', 'moderator');
    const { postId } = await unsurePost();
    const item = await itemFor(moderator.client, postId);
    const decided = await moderator.client.post(`/api/safety/review/${item.id}`, { decision: 'fine' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().item).toMatchObject({ decision: 'fine', reviewedByHandle: moderator.user.handle, raisedAlertId: null });
    const list = await reviewList(colleague.client);
    expect(list.open.some((entry) => entry.id === item.id)).toBe(false);
    expect(list.recent.find((entry) => entry.id === item.id)).toMatchObject({ decision: 'fine' });
    const again = await colleague.client.post(`/api/safety/review/${item.id}`, { decision: 'raise_to_alert' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_reviewed');
    expect(await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, postId))).toEqual([]);
    const audits = await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'safety.review_decided'), eq(auditLog.targetId, item.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ decision: 'fine' });
  });

  it('"raise_to_alert" opens an open alert (reason review) with the chosen level’s deadline, due for escalation; the note goes on the alert', async () => {
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const { writer, postId } = await unsurePost();
    const item = await itemFor(moderator.client, postId);
    const note = 'Reads like a goodbye to me, please look soon.';
    const response = await moderator.client.post(`/api/safety/review/${item.id}`, { decision: 'raise_to_alert', level: 'imminent', note });
    expect(response.statusCode).toBe(200);
    const alertId = response.json().item.raisedAlertId as string;
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId));
    expect(alert).toMatchObject({ reason: 'review', level: 'imminent', status: 'open', contentId: postId, subjectId: writer.user.id, claimedBy: null });
    expect(alert!.deadlineAt.getTime()).toBe(clock.now().getTime() + hearth.deps.config.alertDeadlineMs.imminent);
    const [state] = await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId));
    expect(state!.nextStepAt?.getTime()).toBe(alert!.deadlineAt.getTime());
    const actions = await hearth.deps.db.select().from(safetyAlertActions).where(eq(safetyAlertActions.alertId, alertId));
    expect(actions).toEqual([expect.objectContaining({ kind: 'note', body: note, actorId: moderator.user.id })]);
    // The note's words stay out of the audit log.
    const audits = await hearth.deps.db.select().from(auditLog).where(eq(auditLog.targetId, item.id));
    expect(JSON.stringify(audits)).not.toContain('goodbye');
    // The dashboard hears of the new alert like any other.
    const raised = await hearth.deps.db.select().from(liveEvents).where(and(eq(liveEvents.channel, staffChannel), eq(liveEvents.type, 'safety.alert')));
    expect(raised.find((event) => event.payload.alertId === alertId)?.payload).toMatchObject({ reason: 'review', level: 'imminent' });
  });

  it('"needs_outreach" opens a high alert already claimed by the reviewer, with nothing due for the scheduler', async () => {
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const { postId } = await unsurePost();
    const item = await itemFor(moderator.client, postId);
    const response = await moderator.client.post(`/api/safety/review/${item.id}`, { decision: 'needs_outreach' });
    expect(response.statusCode).toBe(200);
    const alertId = response.json().item.raisedAlertId as string;
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId));
    expect(alert).toMatchObject({ reason: 'review', level: 'high', status: 'claimed', claimedBy: moderator.user.id });
    expect(alert!.claimedAt?.getTime()).toBe(clock.now().getTime());
    const [state] = await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId));
    expect(state!.nextStepAt).toBeNull();
    const actions = await hearth.deps.db.select().from(safetyAlertActions).where(eq(safetyAlertActions.alertId, alertId));
    expect(actions.map((action) => action.kind)).toEqual(['claimed']);
    const changed = await hearth.deps.db.select().from(liveEvents).where(and(eq(liveEvents.channel, staffChannel), eq(liveEvents.type, 'safety.alert_changed')));
    expect(changed.some((event) => event.payload.alertId === alertId && event.payload.change === 'claimed')).toBe(true);
  });

  it('shows a second look with who resolved the alert', async () => {
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const { writer, postId } = await unsurePost();
    const first = await itemFor(moderator.client, postId);
    const alertId = (await moderator.client.post(`/api/safety/review/${first.id}`, { decision: 'needs_outreach' })).json().item.raisedAlertId as string;
    // What the alerts slice does on resolve with `not_a_concern` (second look on).
    await hearth.deps.db.update(safetyAlerts).set({ status: 'resolved', resolvedAt: clock.now() }).where(eq(safetyAlerts.id, alertId));
    await hearth.deps.db.update(safetyAlertState).set({ outcome: 'not_a_concern', resolvedBy: moderator.user.id }).where(eq(safetyAlertState.alertId, alertId));
    await hearth.deps.db.insert(safetyReviewItems).values({ kind: 'second_look', alertId, contentType: 'post', contentId: postId, subjectId: writer.user.id, createdAt: clock.now() });
    const item = (await reviewList(moderator.client)).open.find((entry) => entry.kind === 'second_look' && entry.content.id === postId);
    expect(item).toMatchObject({ secondLook: { alertId, resolvedByHandle: moderator.user.handle } });
  });

  it('refuses a level on decisions other than raise_to_alert, naming the field; an unknown item is 404', async () => {
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const { postId } = await unsurePost();
    const item = await itemFor(moderator.client, postId);
    const response = await moderator.client.post(`/api/safety/review/${item.id}`, { decision: 'fine', level: 'high' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('level');
    expect((await moderator.client.post('/api/safety/review/00000000-0000-4000-8000-000000000000', { decision: 'fine' })).statusCode).toBe(404);
  });

  it('members never read or decide the review list', async () => {
    const member = await memberIn(hearth, 'depression');
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const { postId } = await unsurePost();
    const item = await itemFor(moderator.client, postId);
    expect((await member.client.get('/api/safety/review')).statusCode).toBe(403);
    expect((await member.client.post(`/api/safety/review/${item.id}`, { decision: 'fine' })).statusCode).toBe(403);
    expect((await new TestClient(hearth.app).get('/api/safety/review')).statusCode).toBe(401);
    expect((await itemFor(moderator.client, postId)).decision).toBeNull();
  });
});
