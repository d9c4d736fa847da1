import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_LIVE } from '../../../../shared/api/safety-live.js';
import { safetySettingsSchema } from '../../../../shared/api/safety-settings.js';
import { ManualClock } from '../../../clock.js';
import { auditLog, liveEvents, safetyAlertActions, safetyAlerts, safetyAlertState, safetyDuty } from '../../../db/schema/index.js';
import { staffChannel, userChannel } from '../../../live/hub.js';
import { connectLive, type LiveSocket } from '../../../test-support/live-socket.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../../../test-support/test-client.js';
import { updateUser } from '../../accounts/queries.js';
import { writeSafetySettings } from '../settings.js';

/**
 * The escalation ladder with an injected clock (issue 11, item 3): an unclaimed
 * alert tells the on-duty team at its deadline, every admin a further interval
 * later, and nothing fires twice, early, or for an alert someone holds.
 */
const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
let hearth: TestApp;
let baseUrl: string;
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
  baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  // Each test's alerts leave the ladder, so the next test's ticks see only its own.
  await hearth.deps.db.update(safetyAlertState).set({ nextStepAt: null });
  await hearth.deps.db.delete(safetyDuty);
  for (const socket of sockets.splice(0)) socket.socket.close();
});
afterAll(async () => {
  await hearth?.close();
});

const MINUTE = 60_000;
const SECOND = 1_000;
const CRISIS = { title: 'Tonight', body: 'I have the pills in front of me and tonight is the night. Goodbye everyone.', anonymous: true };

interface Person {
  id: string;
  handle: string;
  cookie: string;
}

async function call(cookie: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown) {
  return hearth.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

async function person(role?: 'moderator' | 'admin'): Promise<Person> {
  const handle = uniqueHandle('esc');
  const response = await call(undefined, 'POST', '/api/auth/sign-up', { handle, password: GOOD_PASSWORD });
  expect(response.statusCode).toBe(201);
  const session = response.cookies.find((cookie) => cookie.value !== '')!;
  const { id } = (response.json() as { user: { id: string } }).user;
  if (role) await updateUser(hearth.deps.db, id, { role });
  return { id, handle, cookie: `${session.name}=${session.value}` };
}

/** Switches duty on directly (the duty screen is another part of issue 11). */
async function onDuty(who: Person, until: Date | null = null) {
  await hearth.deps.db.insert(safetyDuty).values({ userId: who.id, since: clock.now(), until });
}

/** A live socket that has caught up, so every later push reaches it. */
async function listen(who: Person): Promise<LiveSocket> {
  const socket = connectLive(baseUrl, who.cookie);
  sockets.push(socket);
  const ready = await socket.waitFor((message) => message.type === 'ready');
  await socket.resume(ready.lastEventId ?? 0);
  return socket;
}

/** A member in crisis posts; returns the alert the post raised (imminent: 2 minutes to claim). */
async function crisisAlert(): Promise<{ alertId: string; postId: string; writer: Person }> {
  const writer = await person();
  expect((await call(writer.cookie, 'POST', '/api/groups/depression/join', { acceptRules: true })).statusCode).toBe(200);
  const response = await call(writer.cookie, 'POST', '/api/groups/depression/posts', CRISIS);
  expect(response.statusCode).toBe(201);
  const postId = (response.json() as { post: { id: string } }).post.id;
  const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, postId));
  expect(alert!.level).toBe('imminent');
  return { alertId: alert!.id, postId, writer };
}

/** One scheduler tick; the steps it took for `alertId`. */
async function tick(alertId: string): Promise<number[]> {
  const { steps } = await hearth.scheduler.tick();
  return steps.filter((step) => step.alertId === alertId).map((step) => step.step);
}

const urgentRowsFor = (userIds: string[], alertId: string) =>
  hearth.deps.db
    .select()
    .from(liveEvents)
    .where(and(inArray(liveEvents.channel, userIds.map(userChannel)), eq(liveEvents.type, SAFETY_LIVE.urgent), sql`${liveEvents.payload}->>'alertId' = ${alertId}`));

const escalatedActions = (alertId: string) =>
  hearth.deps.db.select().from(safetyAlertActions).where(and(eq(safetyAlertActions.alertId, alertId), eq(safetyAlertActions.kind, 'escalated')));

const stateOf = async (alertId: string) => (await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId)))[0]!;

/** What the team's tools do to the alert (the alerts part of issue 11), per the contract on `next_step_at`. */
async function claim(alertId: string, by: Person) {
  await hearth.deps.db.update(safetyAlerts).set({ status: 'claimed', claimedBy: by.id, claimedAt: clock.now() }).where(eq(safetyAlerts.id, alertId));
  await hearth.deps.db.update(safetyAlertState).set({ nextStepAt: null }).where(eq(safetyAlertState.alertId, alertId));
}
async function release(alertId: string) {
  await hearth.deps.db.update(safetyAlerts).set({ status: 'open', claimedBy: null, claimedAt: null }).where(eq(safetyAlerts.id, alertId));
  await hearth.deps.db
    .update(safetyAlertState)
    .set({ nextStepAt: sql`greatest((select deadline_at from safety_alerts where id = ${alertId}), ${clock.now().toISOString()}::timestamptz)` })
    .where(eq(safetyAlertState.alertId, alertId));
}

describe('an unclaimed alert escalates in steps', () => {
  it('tells the on-duty team at the deadline and every admin five minutes later, each once and not a moment before', async () => {
    const onDutyModerator = await person('moderator');
    const offDutyModerator = await person('moderator');
    const admin = await person('admin');
    await onDuty(onDutyModerator);
    const [dutySocket, adminSocket, staffSocket] = [await listen(onDutyModerator), await listen(admin), await listen(offDutyModerator)];
    const raisedAt = clock.now();
    const { alertId, writer } = await crisisAlert();

    clock.set(new Date(raisedAt.getTime() + 2 * MINUTE - SECOND));
    expect(await tick(alertId)).toEqual([]);
    expect(await urgentRowsFor([onDutyModerator.id, admin.id], alertId)).toEqual([]);

    clock.set(new Date(raisedAt.getTime() + 2 * MINUTE));
    expect(await tick(alertId)).toEqual([1]);
    const urgent = await dutySocket.waitFor((message) => message.event?.type === SAFETY_LIVE.urgent && message.event.payload.alertId === alertId);
    // Ids and the level only: never the writer, never the words.
    expect(urgent.event!.payload).toEqual({ alertId, level: 'imminent', step: 1, minutesWaiting: 2 });
    expect(JSON.stringify(urgent)).not.toContain(writer.id);
    await staffSocket.waitFor((message) => message.event?.type === SAFETY_LIVE.alertChanged && message.event.payload.alertId === alertId && message.event.payload.change === 'escalated');
    // Someone is on duty: the rest of the team and the admins are not woken yet.
    expect(await urgentRowsFor([offDutyModerator.id, admin.id], alertId)).toEqual([]);
    expect(await stateOf(alertId)).toMatchObject({ escalationStep: 1, escalatedAt: clock.now(), nextStepAt: new Date(raisedAt.getTime() + 7 * MINUTE) });
    expect(await tick(alertId)).toEqual([]);

    clock.set(new Date(raisedAt.getTime() + 7 * MINUTE - SECOND));
    expect(await tick(alertId)).toEqual([]);
    clock.set(new Date(raisedAt.getTime() + 7 * MINUTE));
    expect(await tick(alertId)).toEqual([2]);
    const toAdmin = await adminSocket.waitFor((message) => message.event?.type === SAFETY_LIVE.urgent && message.event.payload.alertId === alertId);
    expect(toAdmin.event!.payload).toEqual({ alertId, level: 'imminent', step: 2, minutesWaiting: 7 });

    // No webhook configured: the ladder ends at the admins.
    expect(await stateOf(alertId)).toMatchObject({ escalationStep: 2, nextStepAt: null });
    clock.advance(60 * MINUTE);
    expect(await tick(alertId)).toEqual([]);
    expect(await urgentRowsFor([onDutyModerator.id], alertId)).toHaveLength(1);
    expect(await urgentRowsFor([admin.id], alertId)).toHaveLength(1);

    const actions = await escalatedActions(alertId);
    expect(actions.map((action) => [action.actorId, action.details.step, action.details.told])).toEqual([
      [null, 1, 'on_duty'],
      [null, 2, 'admins'],
    ]);
    const audits = await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.targetId, alertId), eq(auditLog.action, 'safety.alert_escalated')));
    expect(audits.map((audit) => audit.details)).toEqual([{ step: 1 }, { step: 2 }]);
  });

  it('with nobody on duty, the whole team is told at step 1 (never silence), and members are not', async () => {
    const moderator = await person('moderator');
    const dutyOver = await person('moderator');
    const admin = await person('admin');
    const member = await person();
    // "On until 02:30" has passed: no longer on duty.
    await onDuty(dutyOver, new Date(clock.now().getTime() - MINUTE));
    const socket = await listen(moderator);
    const { alertId } = await crisisAlert();
    const [state] = await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId));
    expect(state!.raisedWithNobodyOnDuty).toBe(true);

    clock.advance(2 * MINUTE);
    expect(await tick(alertId)).toEqual([1]);
    await socket.waitFor((message) => message.event?.type === SAFETY_LIVE.urgent && message.event.payload.alertId === alertId);
    for (const who of [moderator, dutyOver, admin]) expect(await urgentRowsFor([who.id], alertId), who.handle).toHaveLength(1);
    expect(await urgentRowsFor([member.id], alertId)).toEqual([]);
    expect((await escalatedActions(alertId))[0]!.details).toMatchObject({ step: 1, told: 'team' });
  });

  it('uses the admins\u2019 escalation interval from the settings', async () => {
    const admin = await person('admin');
    await writeSafetySettings(hearth.deps.db, safetySettingsSchema.parse({ escalation: { adminsAfterMinutes: 1, webhookAfterMinutes: 5 } }), admin.id, clock.now());
    try {
      const raisedAt = clock.now();
      const { alertId } = await crisisAlert();
      clock.set(new Date(raisedAt.getTime() + 2 * MINUTE));
      expect(await tick(alertId)).toEqual([1]);
      clock.set(new Date(raisedAt.getTime() + 3 * MINUTE - SECOND));
      expect(await tick(alertId)).toEqual([]);
      clock.set(new Date(raisedAt.getTime() + 3 * MINUTE));
      expect(await tick(alertId)).toEqual([2]);
    } finally {
      await writeSafetySettings(hearth.deps.db, safetySettingsSchema.parse({}), admin.id, clock.now());
    }
  });
});

describe('a held alert does not escalate', () => {
  it('a claimed alert never escalates, however long it waits', async () => {
    const moderator = await person('moderator');
    await onDuty(moderator);
    const { alertId } = await crisisAlert();
    clock.advance(MINUTE);
    await claim(alertId, moderator);
    for (const minutes of [1, 5, 60, 24 * 60]) {
      clock.advance(minutes * MINUTE);
      expect(await tick(alertId)).toEqual([]);
    }
    expect(await escalatedActions(alertId)).toEqual([]);
    expect(await urgentRowsFor([moderator.id], alertId)).toEqual([]);
    expect((await stateOf(alertId)).escalatedAt).toBeNull();
  });

  it('an alert claimed just as its step fell due is not escalated (the claim wins)', async () => {
    const moderator = await person('moderator');
    const { alertId } = await crisisAlert();
    clock.advance(2 * MINUTE);
    // The claim lands before any node ticks; its next_step_at is null and its status claimed.
    await claim(alertId, moderator);
    expect(await tick(alertId)).toEqual([]);
  });

  it('a released alert that is overdue escalates at once, carrying on from its step', async () => {
    const moderator = await person('moderator');
    const admin = await person('admin');
    await onDuty(moderator);
    const raisedAt = clock.now();
    const { alertId } = await crisisAlert();
    clock.set(new Date(raisedAt.getTime() + 2 * MINUTE));
    expect(await tick(alertId)).toEqual([1]);
    await claim(alertId, moderator);
    clock.set(new Date(raisedAt.getTime() + 30 * MINUTE));
    expect(await tick(alertId)).toEqual([]);

    await release(alertId);
    expect(await tick(alertId)).toEqual([2]);
    expect(await urgentRowsFor([admin.id], alertId)).toHaveLength(1);
    expect((await urgentRowsFor([admin.id], alertId))[0]!.payload).toMatchObject({ step: 2, minutesWaiting: 30 });
    // The on-duty moderator was told once, at step 1: the release does not repeat it.
    expect(await urgentRowsFor([moderator.id], alertId)).toHaveLength(1);
    expect((await stateOf(alertId)).escalatedAt).toEqual(new Date(raisedAt.getTime() + 2 * MINUTE));
  });

  it('a released alert still inside its deadline waits for the deadline', async () => {
    const moderator = await person('moderator');
    const raisedAt = clock.now();
    const { alertId } = await crisisAlert();
    await claim(alertId, moderator);
    clock.set(new Date(raisedAt.getTime() + MINUTE));
    await release(alertId);
    expect(await tick(alertId)).toEqual([]);
    clock.set(new Date(raisedAt.getTime() + 2 * MINUTE));
    expect(await tick(alertId)).toEqual([1]);
  });

  it('a resolved alert never escalates', async () => {
    const { alertId } = await crisisAlert();
    await hearth.deps.db.update(safetyAlerts).set({ status: 'resolved', resolvedAt: clock.now() }).where(eq(safetyAlerts.id, alertId));
    await hearth.deps.db.update(safetyAlertState).set({ nextStepAt: null }).where(eq(safetyAlertState.alertId, alertId));
    clock.advance(3 * MINUTE);
    expect(await tick(alertId)).toEqual([]);
    // Even if a tool forgot to clear the step, the alert's status keeps it off the ladder.
    await hearth.deps.db.update(safetyAlertState).set({ nextStepAt: clock.now() }).where(eq(safetyAlertState.alertId, alertId));
    expect(await tick(alertId)).toEqual([]);
  });
});

describe('a flood of alerts', () => {
  it('every due alert escalates in one tick, each exactly once, in several short transactions', async () => {
    const moderator = await person('moderator');
    await onDuty(moderator);
    const alertIds: string[] = [];
    for (let i = 0; i < 3; i++) alertIds.push((await crisisAlert()).alertId);
    // More due rows than one batch takes: copies of one alert's state stand in for a busy night.
    const extra = 120;
    const [template] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertIds[0]!));
    const copies = await hearth.deps.db
      .insert(safetyAlerts)
      .values(Array.from({ length: extra }, () => ({ ...template!, id: undefined, contentId: null, contentType: null, assessmentId: null })))
      .returning({ id: safetyAlerts.id });
    await hearth.deps.db.insert(safetyAlertState).values(copies.map((copy) => ({ alertId: copy.id, nextStepAt: template!.deadlineAt })));
    alertIds.push(...copies.map((copy) => copy.id));

    clock.advance(2 * MINUTE);
    const { steps } = await hearth.scheduler.tick();
    const mine = steps.filter((step) => alertIds.includes(step.alertId));
    expect(mine).toHaveLength(alertIds.length);
    expect(new Set(mine.map((step) => step.alertId)).size).toBe(alertIds.length);
    expect((await hearth.scheduler.tick()).steps.filter((step) => alertIds.includes(step.alertId))).toEqual([]);
    const escalated = await hearth.deps.db.select({ id: safetyAlertState.alertId }).from(safetyAlertState).where(and(inArray(safetyAlertState.alertId, alertIds), isNotNull(safetyAlertState.escalatedAt)));
    expect(escalated).toHaveLength(alertIds.length);
    const changed = await hearth.deps.db
      .select({ id: liveEvents.id })
      .from(liveEvents)
      .where(and(eq(liveEvents.channel, staffChannel), eq(liveEvents.type, SAFETY_LIVE.alertChanged), sql`${liveEvents.payload}->>'alertId' in ${alertIds}`));
    expect(changed).toHaveLength(alertIds.length);
  });
});
