import { createHmac } from 'node:crypto';
import { and, asc, eq, lte } from 'drizzle-orm';
import { SAFETY_LIVE } from '../../../../shared/api/safety-live.js';
import type { Database } from '../../../db/index.js';
import { safetyAlertActions, safetyAlerts, safetyWebhookDeliveries } from '../../../db/schema/index.js';
import { staffChannel, type LiveEvent, type LiveHub } from '../../../live/hub.js';
import { recordAudit } from '../../audit/record.js';
import { minutesWaiting } from './steps.js';

export interface WebhookTarget {
  url: URL;
  secret: string;
}

/** How long one POST may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** A claimed attempt is this node's for this long; after it, a crash mid-attempt is retried by any node. */
export const WEBHOOK_LEASE_MS = WEBHOOK_TIMEOUT_MS * 3;
export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_BATCH = 20;

/** Wait before the attempt after `attempt` (1-based): 30 s, 1 min, 2 min, 4 min … doubling. */
export function backoffMs(attempt: number): number {
  return 30_000 * 2 ** (attempt - 1);
}

/** What the receiver gets: no content and no identity, only enough to send a person to the dashboard. */
export interface WebhookPayload {
  alertId: string;
  level: string;
  minutesWaiting: number;
  dashboardUrl: string;
  sentAt: string;
}

export function dashboardUrl(publicUrl: URL, alertId: string): string {
  const base = `${publicUrl.origin}${publicUrl.pathname.replace(/\/+$/, '')}`;
  return `${base}/safety?alert=${encodeURIComponent(alertId)}`;
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact bytes sent, keyed with SAFETY_WEBHOOK_SECRET. */
export function signature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export interface ClaimedDelivery {
  id: string;
  alertId: string;
  attempt: number;
  payload: WebhookPayload;
}

type AttemptLog = { at: string; status: number | null; error: string | null }[];

/**
 * Claims due deliveries (`FOR UPDATE SKIP LOCKED`, so one node per attempt) and
 * takes a lease on each: `next_attempt_at` moves past the time the POST may
 * take, and the attempt is counted, before the transaction commits. The POST
 * happens after the commit; if the node dies before recording the outcome, the
 * lease runs out and another node retries (logged as `interrupted`), so a crash
 * costs a retry, never a silent stop or an endless resend.
 */
export async function claimDueDeliveries(db: Database, deps: { publicUrl: URL; live: LiveHub }, now: Date): Promise<{ claimed: ClaimedDelivery[]; events: LiveEvent[] }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: safetyWebhookDeliveries.id,
        alertId: safetyWebhookDeliveries.alertId,
        attempts: safetyWebhookDeliveries.attempts,
        attemptLog: safetyWebhookDeliveries.attemptLog,
        nextAttemptAt: safetyWebhookDeliveries.nextAttemptAt,
        level: safetyAlerts.level,
        status: safetyAlerts.status,
        createdAt: safetyAlerts.createdAt,
      })
      .from(safetyWebhookDeliveries)
      .innerJoin(safetyAlerts, eq(safetyAlerts.id, safetyWebhookDeliveries.alertId))
      .where(and(eq(safetyWebhookDeliveries.status, 'pending'), lte(safetyWebhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(safetyWebhookDeliveries.nextAttemptAt))
      .limit(WEBHOOK_BATCH)
      .for('update', { of: safetyWebhookDeliveries, skipLocked: true });

    const claimed: ClaimedDelivery[] = [];
    const events: LiveEvent[] = [];
    for (const row of due) {
      const log: AttemptLog = [...row.attemptLog];
      // Counted but never recorded: the node that held the lease stopped mid-attempt.
      if (log.length < row.attempts) log.push({ at: new Date(row.nextAttemptAt!.getTime() - WEBHOOK_LEASE_MS).toISOString(), status: null, error: 'interrupted' });
      const outOfAttempts = row.attempts >= WEBHOOK_MAX_ATTEMPTS;
      // Someone has the alert now (or it is closed): paging them would only be noise.
      const notNeeded = row.status !== 'open';
      if (outOfAttempts || notNeeded) {
        await tx.update(safetyWebhookDeliveries).set({ status: 'failed', nextAttemptAt: null, attemptLog: log }).where(eq(safetyWebhookDeliveries.id, row.id));
        events.push(...(await recordAttemptAction(tx, deps.live, row.alertId, { attempt: row.attempts, status: null, result: notNeeded ? 'cancelled' : 'failed' }, now)));
        continue;
      }
      const attempt = row.attempts + 1;
      await tx
        .update(safetyWebhookDeliveries)
        .set({ attempts: attempt, attemptLog: log, nextAttemptAt: new Date(now.getTime() + WEBHOOK_LEASE_MS) })
        .where(eq(safetyWebhookDeliveries.id, row.id));
      claimed.push({
        id: row.id,
        alertId: row.alertId,
        attempt,
        payload: { alertId: row.alertId, level: row.level, minutesWaiting: minutesWaiting(row.createdAt, now), dashboardUrl: dashboardUrl(deps.publicUrl, row.alertId), sentAt: now.toISOString() },
      });
    }
    return { claimed, events };
  });
}

export interface AttemptResult {
  /** The HTTP status, or null when none came back. */
  status: number | null;
  /** A short code, never a response body or the URL: `http_status`, `timeout`, `network`. */
  error: string | null;
}

/** One POST, bounded by `timeoutMs`. Never throws; redirects are not followed (a 3xx is a failure). */
export async function postWebhook(target: WebhookTarget, payload: WebhookPayload, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<AttemptResult> {
  const rawBody = JSON.stringify(payload);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Hearth-Safety-Webhook/1',
        'x-hearth-signature': signature(target.secret, rawBody),
        'x-hearth-timestamp': String(Math.floor(Date.parse(payload.sentAt) / 1000)),
      },
      body: rawBody,
    });
    // The body is never read into a log; drain it so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? { status: response.status, error: null } : { status: response.status, error: 'http_status' };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return { status: null, error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}

/**
 * Records an attempt's outcome, if this node still holds the lease (the attempt
 * count is unchanged): delivered, retried after the backoff, or failed after
 * the last attempt. Each outcome is also a line in the alert's history.
 */
export async function recordAttempt(db: Database, deps: { live: LiveHub }, delivery: ClaimedDelivery, result: AttemptResult, startedAt: Date, now: Date): Promise<LiveEvent[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ attemptLog: safetyWebhookDeliveries.attemptLog })
      .from(safetyWebhookDeliveries)
      .where(and(eq(safetyWebhookDeliveries.id, delivery.id), eq(safetyWebhookDeliveries.attempts, delivery.attempt), eq(safetyWebhookDeliveries.status, 'pending')))
      .for('update');
    if (!row) return [];
    const attemptLog = [...row.attemptLog, { at: startedAt.toISOString(), status: result.status, error: result.error }];
    const delivered = result.error === null;
    const outcome = delivered ? 'delivered' : delivery.attempt >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'retrying';
    await tx
      .update(safetyWebhookDeliveries)
      .set({
        attemptLog,
        status: outcome === 'retrying' ? 'pending' : outcome,
        nextAttemptAt: outcome === 'retrying' ? new Date(now.getTime() + backoffMs(delivery.attempt)) : null,
        ...(delivered ? { deliveredAt: now } : {}),
      })
      .where(eq(safetyWebhookDeliveries.id, delivery.id));
    return recordAttemptAction(tx, deps.live, delivery.alertId, { attempt: delivery.attempt, status: result.status, result: outcome }, now);
  });
}

async function recordAttemptAction(
  tx: Database,
  live: LiveHub,
  alertId: string,
  webhook: { attempt: number; status: number | null; result: 'delivered' | 'retrying' | 'failed' | 'cancelled' },
  now: Date,
): Promise<LiveEvent[]> {
  await tx.insert(safetyAlertActions).values({ alertId, actorId: null, kind: 'escalated', details: { step: 3, webhook }, createdAt: now });
  await recordAudit(tx, { actorId: null, action: 'safety.webhook_attempted', targetType: 'safety_alert', targetId: alertId, details: webhook });
  return [await live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId, change: 'escalated' })];
}
