import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_LIVE } from '../../src/shared/api/safety-live.js';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/index.js';
import { liveEvents, safetyAlertActions, safetyAlerts, safetyAlertState, safetyDuty, users } from '../../src/server/db/schema/index.js';
import { userChannel } from '../../src/server/live/hub.js';
import { connectLive, type LiveMessage, type LiveSocket } from '../../src/server/test-support/live-socket.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { call, CRISIS_POST, eventually, startNode, type Node } from './support.js';

/**
 * Two app nodes on one PostgreSQL and one Redis, each running its escalation
 * scheduler every 50 ms with a real deadline of 3 s: each step of each alert
 * is taken by exactly one of them, what one node raises reaches a socket held
 * by the other, and stopping a node does not stop escalation.
 */
const SCHEDULER_ENV = { SAFETY_SCHEDULER_INTERVAL_MS: '50', ALERT_DEADLINE_IMMINENT_MINUTES: '0.05' };
const PASSWORD = 'several-quiet-nodes';

let database: TestDatabase;
let check: DatabaseHandle;
const nodes: Node[] = [];
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  if (!process.env.REDIS_URL || !process.env.TEST_DATABASE_URL) throw new Error('multi-node tests need TEST_DATABASE_URL and REDIS_URL');
  database = await createTestDatabase('postgres', false);
  nodes.push(...(await Promise.all(['escA', 'escB'].map((name) => startNode(database.url!, process.env.REDIS_URL!, name, SCHEDULER_ENV)))));
  check = await openDatabase({ url: database.url });
});

afterAll(async () => {
  for (const socket of sockets) socket.socket.close();
  await Promise.all(nodes.map((node) => node.hearth.close().catch(() => undefined)));
  await check?.close();
  await database?.drop();
});

interface Signed {
  user: { id: string };
  post: { id: string };
}

let counter = 0;
async function person(node: Node, role?: 'moderator' | 'admin'): Promise<{ id: string; cookie: string }> {
  counter += 1;
  const response = await call<Signed>(node, 'POST', '/api/auth/sign-up', undefined, { handle: `esc_${role ?? 'member'}_${counter}`, password: PASSWORD });
  expect(response.status).toBe(201);
  if (role) await check.db.update(users).set({ role }).where(eq(users.id, response.json.user.id));
  return { id: response.json.user.id, cookie: response.cookie! };
}

async function listen(node: Node, cookie: string, since?: number): Promise<LiveSocket> {
  const socket = connectLive(node.url, cookie);
  sockets.push(socket);
  const ready = await socket.waitFor((message) => message.type === 'ready');
  await socket.resume(since ?? ready.lastEventId ?? 0);
  return socket;
}

async function crisisPost(node: Node, writer: { cookie: string }): Promise<{ postId: string; alertId: string }> {
  const posted = await call<Signed>(node, 'POST', '/api/groups/depression/posts', writer.cookie, CRISIS_POST);
  expect(posted.status).toBe(201);
  const [alert] = await check.db.select({ id: safetyAlerts.id }).from(safetyAlerts).where(eq(safetyAlerts.contentId, posted.json.post.id));
  return { postId: posted.json.post.id, alertId: alert!.id };
}

const isUrgent = (alertId: string, step: number) => (message: LiveMessage) =>
  message.event?.type === SAFETY_LIVE.urgent && message.event.payload.alertId === alertId && message.event.payload.step === step;

async function stepsTaken(alertIds: string[]): Promise<Map<string, number[]>> {
  const rows = await check.db
    .select({ alertId: safetyAlertActions.alertId, details: safetyAlertActions.details })
    .from(safetyAlertActions)
    .where(and(inArray(safetyAlertActions.alertId, alertIds), eq(safetyAlertActions.kind, 'escalated')));
  const steps = new Map<string, number[]>(alertIds.map((id) => [id, []]));
  for (const row of rows) steps.get(row.alertId)!.push(row.details.step as number);
  return steps;
}

async function urgentCount(userIds: string[], alertIds: string[], step: number): Promise<number> {
  const rows = await check.db
    .select({ n: sql<number>`count(*)::int` })
    .from(liveEvents)
    .where(
      and(
        inArray(liveEvents.channel, userIds.map(userChannel)),
        eq(liveEvents.type, SAFETY_LIVE.urgent),
        sql`${liveEvents.payload}->>'alertId' in ${alertIds}`,
        sql`(${liveEvents.payload}->>'step')::int = ${step}`,
      ),
    );
  return rows[0]!.n;
}

/** Makes every listed alert's next step due now (the admins' interval is minutes long in production). */
async function bringNextStepForward(alertIds: string[]) {
  await check.db.update(safetyAlertState).set({ nextStepAt: sql`now()` }).where(inArray(safetyAlertState.alertId, alertIds));
}

describe('escalation with two nodes', () => {
  it('an alert raised through node A reaches the on-duty moderator on node B, and each step fires once although both nodes tick', async () => {
    const [nodeA, nodeB] = nodes as [Node, Node];
    const moderator = await person(nodeB, 'moderator');
    const admin = await person(nodeA, 'admin');
    await check.db.insert(safetyDuty).values({ userId: moderator.id, since: new Date() });
    const moderatorSocket = await listen(nodeB, moderator.cookie);
    const adminSocket = await listen(nodeA, admin.cookie);

    const writer = await person(nodeA);
    expect((await call(nodeA, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true })).status).toBe(200);
    const first = await crisisPost(nodeA, writer);
    const raised = await moderatorSocket.waitFor((message) => message.event?.type === SAFETY_LIVE.alertRaised && message.event.payload.contentId === first.postId);
    expect(raised.event!.payload).toMatchObject({ alertId: first.alertId, level: 'imminent' });

    // Nineteen more, through both nodes, so both schedulers race for due rows.
    const alertIds = [first.alertId];
    for (let i = 0; i < 19; i++) alertIds.push((await crisisPost(nodes[i % 2]!, writer)).alertId);

    await moderatorSocket.waitFor(isUrgent(first.alertId, 1));
    await eventually(() => stepsTaken(alertIds), (steps) => [...steps.values()].every((taken) => taken.length >= 1));
    // Forty more ticks between them: any second firing would show now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([...(await stepsTaken(alertIds)).values()]).toEqual(alertIds.map(() => [1]));
    expect(await urgentCount([moderator.id], alertIds, 1)).toBe(alertIds.length);
    expect(await urgentCount([admin.id], alertIds, 1)).toBe(0);

    await bringNextStepForward(alertIds);
    await adminSocket.waitFor(isUrgent(first.alertId, 2));
    await eventually(() => stepsTaken(alertIds), (steps) => [...steps.values()].every((taken) => taken.length >= 2));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([...(await stepsTaken(alertIds)).values()]).toEqual(alertIds.map(() => [1, 2]));
    expect(await urgentCount([admin.id], alertIds, 2)).toBe(alertIds.length);
    // No webhook here: the ladder ends after the admins, on both nodes.
    const left = await check.db.select().from(safetyAlertState).where(inArray(safetyAlertState.alertId, alertIds));
    expect(left.every((state) => state.escalationStep === 2 && state.nextStepAt === null)).toBe(true);
    await check.db.delete(safetyDuty);
  });

  it('a moderator whose socket dropped gets the alert and its escalation on reconnecting, through the other node', async () => {
    const [nodeA, nodeB] = nodes as [Node, Node];
    const moderator = await person(nodeA, 'moderator');
    await check.db.insert(safetyDuty).values({ userId: moderator.id, since: new Date() });
    const socket = await listen(nodeB, moderator.cookie);
    const resumed = socket.messages.filter((message) => message.type === 'resumed').at(-1)!;
    socket.socket.close();
    await socket.closed;

    const writer = await person(nodeB);
    await call(nodeB, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true });
    const { postId, alertId } = await crisisPost(nodeB, writer);
    await eventually(() => stepsTaken([alertId]), (steps) => steps.get(alertId)!.length >= 1);

    const again = await listen(nodeA, moderator.cookie, resumed.lastEventId ?? 0);
    const alert = await again.waitFor((message) => message.event?.type === SAFETY_LIVE.alertRaised && message.event.payload.contentId === postId);
    const urgent = await again.waitFor(isUrgent(alertId, 1));
    expect(urgent.event!.id).toBeGreaterThan(alert.event!.id);
    await check.db.delete(safetyDuty);
  });

  it('with node A stopped, node B escalates the alerts raised through node A', async () => {
    const [nodeA, nodeB] = nodes as [Node, Node];
    const moderator = await person(nodeB, 'moderator');
    await check.db.insert(safetyDuty).values({ userId: moderator.id, since: new Date() });
    const socket = await listen(nodeB, moderator.cookie);
    const writer = await person(nodeA);
    await call(nodeA, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true });
    const { alertId } = await crisisPost(nodeA, writer);
    // Node A goes away before the deadline (3 s): the step lives in the database, not in A's timer.
    await nodeA.hearth.close();
    const stoppedAt = new Date();
    expect(await stepsTaken([alertId])).toEqual(new Map([[alertId, []]]));

    await socket.waitFor(isUrgent(alertId, 1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const actions = await check.db.select().from(safetyAlertActions).where(eq(safetyAlertActions.alertId, alertId));
    expect(actions.map((action) => [action.kind, action.details.step])).toEqual([['escalated', 1]]);
    expect(actions[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(stoppedAt.getTime());
  });
});
