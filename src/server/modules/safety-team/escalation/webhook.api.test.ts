import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../clock.js';
import { ConfigError, parseEnv } from '../../../config/env.js';
import { safetyAlertActions, safetyAlerts, safetyAlertState, safetyWebhookDeliveries } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../../../test-support/test-client.js';
import { claimDueDeliveries, WEBHOOK_LEASE_MS, WEBHOOK_MAX_ATTEMPTS } from './webhook.js';

/**
 * The escalation's last step: a real HTTP server on this machine stands in for
 * the organisation's pager. It checks the signature as a receiver would, and
 * answers what each test tells it to.
 */
const SECRET = 'a-webhook-secret-only-the-pager-and-hearth-know';
const MINUTE = 60_000;
const SECOND = 1_000;
const CRISIS_BODY = 'I have the pills in front of me and tonight is the night. Goodbye everyone.';

interface Received {
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  method: string;
  url: string;
}

const received: Received[] = [];
/** Statuses the receiver answers with, in order; 200 once they run out. */
let answers: number[] = [];
const receiver = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8'), method: request.method!, url: request.url! });
    response.statusCode = answers.shift() ?? 200;
    response.end(response.statusCode >= 300 ? 'pager is having a bad night' : 'ok');
  });
});

const clock = new ManualClock(new Date('2026-03-02T03:00:00Z'));
let hearth: TestApp;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  hearth = await createTestApp(
    { SAFETY_WEBHOOK_URL: `http://127.0.0.1:${port}/hearth-alerts`, SAFETY_WEBHOOK_SECRET: SECRET, PUBLIC_URL: 'https://support.example.org' },
    { clock },
  );
});
afterEach(async () => {
  await hearth.deps.db.update(safetyAlertState).set({ nextStepAt: null });
  await hearth.deps.db.update(safetyWebhookDeliveries).set({ status: 'failed', nextAttemptAt: null }).where(eq(safetyWebhookDeliveries.status, 'pending'));
  received.length = 0;
  answers = [];
});
afterAll(async () => {
  await hearth?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function call(cookie: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown) {
  return hearth.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

async function crisisAlert(): Promise<{ alertId: string; writerId: string; writerHandle: string }> {
  const writerHandle = uniqueHandle('pager');
  const signUp = await call(undefined, 'POST', '/api/auth/sign-up', { handle: writerHandle, password: GOOD_PASSWORD });
  const session = signUp.cookies.find((cookie) => cookie.value !== '')!;
  const cookie = `${session.name}=${session.value}`;
  await call(cookie, 'POST', '/api/groups/depression/join', { acceptRules: true });
  const posted = await call(cookie, 'POST', '/api/groups/depression/posts', { title: 'Tonight', body: CRISIS_BODY, anonymous: true });
  expect(posted.statusCode).toBe(201);
  const postId = (posted.json() as { post: { id: string } }).post.id;
  const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, postId));
  return { alertId: alert!.id, writerId: (signUp.json() as { user: { id: string } }).user.id, writerHandle };
}

/** Deadline (2 min), then admins (+5), then the webhook (+5): 12 minutes after the alert. */
async function climbToWebhook(alertId: string, raisedAt: Date) {
  for (const [minutes, step] of [
    [2, 1],
    [7, 2],
  ] as const) {
    clock.set(new Date(raisedAt.getTime() + minutes * MINUTE));
    expect((await hearth.scheduler.tick()).steps.filter((taken) => taken.alertId === alertId).map((taken) => taken.step)).toEqual([step]);
  }
  clock.set(new Date(raisedAt.getTime() + 12 * MINUTE - SECOND));
  await hearth.scheduler.tick();
  expect(received).toEqual([]);
  clock.set(new Date(raisedAt.getTime() + 12 * MINUTE));
}

const deliveryOf = async (alertId: string) => (await hearth.deps.db.select().from(safetyWebhookDeliveries).where(eq(safetyWebhookDeliveries.alertId, alertId)))[0];
const webhookActions = async (alertId: string) =>
  (await hearth.deps.db.select().from(safetyAlertActions).where(and(eq(safetyAlertActions.alertId, alertId), eq(safetyAlertActions.kind, 'escalated'))))
    .map((action) => action.details.webhook)
    .filter(Boolean);

function verify(request: Received): Record<string, unknown> {
  const expected = `sha256=${createHmac('sha256', SECRET).update(request.rawBody).digest('hex')}`;
  const given = String(request.headers['x-hearth-signature']);
  expect(given.length).toBe(expected.length);
  expect(timingSafeEqual(Buffer.from(given), Buffer.from(expected))).toBe(true);
  const body = JSON.parse(request.rawBody) as Record<string, unknown>;
  // A receiver refuses stale timestamps (replays); the timestamp is the signed body's sentAt.
  const timestamp = Number(request.headers['x-hearth-timestamp']);
  expect(Math.abs(timestamp * 1000 - clock.now().getTime())).toBeLessThan(5 * MINUTE);
  expect(timestamp).toBe(Math.floor(Date.parse(String(body.sentAt)) / 1000));
  return body;
}

describe('the webhook step', () => {
  it('POSTs a signed body with no content and no identity, retried with backoff until the pager answers', async () => {
    const raisedAt = clock.now();
    const { alertId, writerId, writerHandle } = await crisisAlert();
    answers = [500, 500, 200];
    await climbToWebhook(alertId, raisedAt);

    const first = await hearth.scheduler.tick();
    expect(first.steps.filter((taken) => taken.alertId === alertId).map((taken) => taken.step)).toEqual([3]);
    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hearth-alerts');
    expect(request.headers['content-type']).toBe('application/json');
    const body = verify(request);
    expect(body).toEqual({ alertId, level: 'imminent', minutesWaiting: 12, dashboardUrl: `https://support.example.org/safety?alert=${alertId}`, sentAt: clock.now().toISOString() });
    for (const secret of [CRISIS_BODY, 'pills', writerId, writerHandle, 'Tonight']) expect(request.rawBody).not.toContain(secret);
    // A tampered body fails the check a receiver makes.
    expect(`sha256=${createHmac('sha256', SECRET).update(request.rawBody.replace('imminent', 'high')).digest('hex')}`).not.toBe(request.headers['x-hearth-signature']);

    // First retry 30 s later, not before.
    clock.advance(30 * SECOND - 1);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(1);
    clock.advance(1);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(2);
    verify(received[1]!);

    // Second retry a minute after that.
    clock.advance(60 * SECOND - 1);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(2);
    clock.advance(1);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(3);
    verify(received[2]!);

    const delivery = await deliveryOf(alertId);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, nextAttemptAt: null, deliveredAt: clock.now() });
    const at = (offsetMs: number) => new Date(raisedAt.getTime() + 12 * MINUTE + offsetMs).toISOString();
    expect(delivery!.attemptLog).toEqual([
      { at: at(0), status: 500, error: 'http_status' },
      { at: at(30 * SECOND), status: 500, error: 'http_status' },
      { at: at(90 * SECOND), status: 200, error: null },
    ]);
    // Each attempt is on the alert's history for the team.
    expect(await webhookActions(alertId)).toEqual([
      { attempt: 1, status: 500, result: 'retrying' },
      { attempt: 2, status: 500, result: 'retrying' },
      { attempt: 3, status: 200, result: 'delivered' },
    ]);
    expect(await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId))).toMatchObject([{ escalationStep: 3, nextStepAt: null }]);

    clock.advance(60 * MINUTE);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(3);
  });

  it('gives up after eight attempts, each recorded, and the alert shows it failed', async () => {
    const raisedAt = clock.now();
    const { alertId } = await crisisAlert();
    answers = Array.from({ length: 20 }, () => 503);
    await climbToWebhook(alertId, raisedAt);
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      await hearth.scheduler.tick();
      expect(received).toHaveLength(attempt);
      clock.advance(30 * SECOND * 2 ** (attempt - 1));
    }
    clock.advance(24 * 60 * MINUTE);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    const delivery = await deliveryOf(alertId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, nextAttemptAt: null });
    expect(delivery!.attemptLog).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect((await webhookActions(alertId)).at(-1)).toEqual({ attempt: WEBHOOK_MAX_ATTEMPTS, status: 503, result: 'failed' });
  });

  it('a node that dies mid-attempt (its lease runs out) is retried by the next tick, and the lost attempt is logged', async () => {
    const { alertId } = await crisisAlert();
    // Step 3 was taken; a node claims the first attempt and dies before posting or recording it.
    await hearth.deps.db.update(safetyAlertState).set({ escalationStep: 3, nextStepAt: null }).where(eq(safetyAlertState.alertId, alertId));
    await hearth.deps.db.insert(safetyWebhookDeliveries).values({ alertId, nextAttemptAt: clock.now(), createdAt: clock.now() });
    const dead = await claimDueDeliveries(hearth.deps.db, { publicUrl: hearth.deps.config.publicUrl, live: hearth.deps.live }, clock.now());
    expect(dead.claimed.map((delivery) => delivery.alertId)).toEqual([alertId]);

    // While the lease holds, no other node sends it (no double page).
    clock.advance(WEBHOOK_LEASE_MS - 1);
    await hearth.scheduler.tick();
    expect(received).toEqual([]);
    clock.advance(1);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(1);
    verify(received[0]!);
    const delivery = await deliveryOf(alertId);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(delivery!.attemptLog.map((entry) => [entry.status, entry.error])).toEqual([
      [null, 'interrupted'],
      [200, null],
    ]);
  });

  it('a pending retry is dropped once someone claims the alert: nobody is paged for an alert in hand', async () => {
    const raisedAt = clock.now();
    const { alertId } = await crisisAlert();
    answers = [500];
    await climbToWebhook(alertId, raisedAt);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(1);
    await hearth.deps.db.update(safetyAlerts).set({ status: 'claimed' }).where(eq(safetyAlerts.id, alertId));
    await hearth.deps.db.update(safetyAlertState).set({ nextStepAt: null }).where(eq(safetyAlertState.alertId, alertId));
    clock.advance(MINUTE);
    await hearth.scheduler.tick();
    expect(received).toHaveLength(1);
    expect(await deliveryOf(alertId)).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect((await webhookActions(alertId)).at(-1)).toMatchObject({ result: 'cancelled' });
  });

  it('an unreachable pager is a network error, retried like any other failure', async () => {
    const raisedAt = clock.now();
    const { alertId } = await crisisAlert();
    const port = (receiver.address() as AddressInfo).port;
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    try {
      await climbToWebhook(alertId, raisedAt);
      await hearth.scheduler.tick();
      expect(await deliveryOf(alertId)).toMatchObject({ status: 'pending', attempts: 1, attemptLog: [{ status: null, error: 'network' }] });
    } finally {
      await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
    }
    clock.advance(30 * SECOND);
    await hearth.scheduler.tick();
    expect(await deliveryOf(alertId)).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});

describe('webhook configuration', () => {
  it('a URL without a secret, or with a short one, stops the start with a message naming the variable', () => {
    expect(() => parseEnv({ SAFETY_WEBHOOK_URL: 'https://pager.example.org/hook' })).toThrow(ConfigError);
    expect(() => parseEnv({ SAFETY_WEBHOOK_URL: 'https://pager.example.org/hook' })).toThrow(/SAFETY_WEBHOOK_SECRET: is required when SAFETY_WEBHOOK_URL is set/);
    expect(() => parseEnv({ SAFETY_WEBHOOK_URL: 'https://pager.example.org/hook', SAFETY_WEBHOOK_SECRET: 'short' })).toThrow(/SAFETY_WEBHOOK_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ SAFETY_WEBHOOK_URL: 'ftp://pager.example.org/hook', SAFETY_WEBHOOK_SECRET: SECRET })).toThrow(/SAFETY_WEBHOOK_URL/);
    expect(parseEnv({ SAFETY_WEBHOOK_URL: 'https://pager.example.org/hook', SAFETY_WEBHOOK_SECRET: SECRET }).SAFETY_WEBHOOK_URL).toBe('https://pager.example.org/hook');
  });
});
