import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import { ManualClock } from '../../clock.js';
import { auditLog, liveEvents, safetyAlertActions, safetyAlerts, safetyAlertState } from '../../db/schema/index.js';
import { staffChannel } from '../../live/hub.js';
import { updateUser } from '../accounts/queries.js';
import { memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';

/** Attack review of issue 11: an alert must never sit claimed by someone who is no longer on the safety team. */
let hearth: TestApp;
const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({ SAFETY_SCHEDULER_INTERVAL_MS: '0' }, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const CRISIS = { title: 'Tonight', body: 'I have written my note and tonight is the night. Thank you all for everything.' };

async function admin() {
  const client = new TestClient(hearth.app);
  const user = (await client.signUp()).user;
  await updateUser(hearth.deps.db, user.id, { role: 'admin' });
  return { client, user };
}

/** A crisis post whose alert `holder` has claimed. */
async function claimedAlert(holder: { client: TestClient }) {
  const writer = await memberIn(hearth, 'depression');
  const { post } = await writePost(writer.client, 'depression', CRISIS);
  const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, post.id));
  expect((await holder.client.post(`/api/safety/alerts/${alert!.id}/claim`)).statusCode).toBe(200);
  return alert!;
}

const alertRow = async (alertId: string) => (await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)))[0]!;
const stateRow = async (alertId: string) => (await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId)))[0]!;

async function stepsWithin(alertId: string, minutes: number): Promise<number[]> {
  const steps: number[] = [];
  for (let i = 0; i < minutes; i += 1) {
    clock.advance(60_000);
    steps.push(...(await hearth.scheduler.tick()).steps.filter((s) => s.alertId === alertId).map((s) => s.step));
  }
  return steps;
}

describe('an alert held by someone who leaves the safety team', () => {
  it('is given back when its holder is demoted: open again, escalating, released by the admin for "holder_left_team", and a colleague can act on it', async () => {
    const boss = await admin();
    expect((await boss.client.patch('/api/safety/settings', { teamLimitedTo: null })).statusCode).toBe(200);
    const holder = await memberIn(hearth, 'depression', 'moderator');
    const colleague = await memberIn(hearth, 'depression', 'moderator');
    const alert = await claimedAlert(holder);

    expect((await boss.client.patch(`/api/admin/users/${holder.user.id}`, { role: 'member' })).statusCode).toBe(200);

    const row = await alertRow(alert.id);
    expect(row).toMatchObject({ status: 'open', claimedBy: null });
    const state = await stateRow(alert.id);
    expect(state.nextStepAt!.getTime()).toBe(Math.max(row.deadlineAt.getTime(), clock.now().getTime()));
    const [released] = await hearth.deps.db
      .select()
      .from(safetyAlertActions)
      .where(and(eq(safetyAlertActions.alertId, alert.id), eq(safetyAlertActions.kind, 'released')));
    expect(released).toMatchObject({ actorId: boss.user.id, details: { reason: 'holder_left_team' } });
    const audits = await hearth.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'safety.alert_released'), eq(auditLog.targetId, alert.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toEqual({ reason: 'holder_left_team' });
    const announced = await hearth.deps.db
      .select()
      .from(liveEvents)
      .where(and(eq(liveEvents.channel, staffChannel), eq(liveEvents.type, SAFETY_LIVE.alertChanged), sql`${liveEvents.payload}->>'alertId' = ${alert.id}`, sql`${liveEvents.payload}->>'change' = 'released'`));
    expect(announced).toHaveLength(1);

    // Nobody holds it now: it escalates, and a colleague can reach out.
    expect((await stepsWithin(alert.id, 60)).length).toBeGreaterThan(0);
    const outreach = await colleague.client.post(`/api/safety/alerts/${alert.id}/outreach`, { body: 'We are here for you. Would you like to talk?' });
    expect(outreach.statusCode).toBe(201);
  });

  it('is given back when an admin names a team without its holder', async () => {
    const boss = await admin();
    expect((await boss.client.patch('/api/safety/settings', { teamLimitedTo: null })).statusCode).toBe(200);
    const holder = await memberIn(hearth, 'depression', 'moderator');
    const stays = await memberIn(hearth, 'depression', 'moderator');
    const leaving = await claimedAlert(holder);
    const staying = await claimedAlert(stays);

    expect((await boss.client.patch('/api/safety/settings', { teamLimitedTo: [stays.user.id] })).statusCode).toBe(200);

    expect(await alertRow(leaving.id)).toMatchObject({ status: 'open', claimedBy: null });
    expect(await alertRow(staying.id)).toMatchObject({ status: 'claimed', claimedBy: stays.user.id });
    const [released] = await hearth.deps.db
      .select()
      .from(safetyAlertActions)
      .where(and(eq(safetyAlertActions.alertId, leaving.id), eq(safetyAlertActions.kind, 'released')));
    expect(released).toMatchObject({ actorId: boss.user.id, details: { reason: 'holder_left_team' } });
    expect((await boss.client.patch('/api/safety/settings', { teamLimitedTo: null })).statusCode).toBe(200);
  });

  it('can be taken over by anyone on the team once its holder is off the team, but not while the holder is on it', async () => {
    const holder = await memberIn(hearth, 'depression', 'moderator');
    const colleague = await memberIn(hearth, 'depression', 'moderator');
    const alert = await claimedAlert(holder);
    expect((await colleague.client.post(`/api/safety/alerts/${alert.id}/release`)).statusCode).toBe(403);

    // A role changed outside the admin screen (e.g. directly in the database) leaves the claim behind.
    await updateUser(hearth.deps.db, holder.user.id, { role: 'member' });
    const released = await colleague.client.post(`/api/safety/alerts/${alert.id}/release`);
    expect(released.statusCode).toBe(200);
    expect(released.json().alert).toMatchObject({ status: 'open' });
    expect((await colleague.client.post(`/api/safety/alerts/${alert.id}/claim`)).statusCode).toBe(200);
  });
});

describe('admins are always on the safety team', () => {
  it('an admin paged at step 2 can open the alert even when the team is limited to a list without them', async () => {
    const boss = await admin();
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    expect((await boss.client.patch('/api/safety/settings', { teamLimitedTo: [moderator.user.id] })).statusCode).toBe(200);
    const writer = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression', CRISIS);
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, post.id));

    expect(await stepsWithin(alert!.id, 30)).toContain(2);
    expect((await boss.client.get(`/api/safety/alerts/${alert!.id}`)).statusCode).toBe(200);
    expect((await boss.client.post(`/api/safety/alerts/${alert!.id}/claim`)).statusCode).toBe(200);
    expect((await boss.client.patch('/api/safety/settings', { teamLimitedTo: null })).statusCode).toBe(200);
  });
});
