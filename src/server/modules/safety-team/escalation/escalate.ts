import { and, asc, eq, lte } from 'drizzle-orm';
import { SAFETY_LIVE } from '../../../../shared/api/safety-live.js';
import type { SafetySettings } from '../../../../shared/api/safety-settings.js';
import type { Database } from '../../../db/index.js';
import { safetyAlertActions, safetyAlerts, safetyAlertState, safetyWebhookDeliveries } from '../../../db/schema/index.js';
import { staffChannel, userChannel, type LiveEvent, type LiveHub } from '../../../live/hub.js';
import { recordAudit } from '../../audit/record.js';
import { readSafetySettings } from '../settings.js';
import { admins, onDutyOrTeam, type UrgentAudience } from './recipients.js';
import { followingStepAt, minutesWaiting, nextStep, type EscalationStep } from './steps.js';

/** Due alerts one transaction takes at most: a flood is worked through in several short transactions. */
export const ESCALATION_BATCH = 50;

interface DueAlert {
  alertId: string;
  escalationStep: number;
  nextStepAt: Date;
  level: string;
  createdAt: Date;
}

export interface EscalationRound {
  /** Steps taken, one per alert. */
  steps: { alertId: string; step: EscalationStep }[];
  /** Recorded in the transaction; announce after it commits. */
  events: LiveEvent[];
  /** True when the batch was full: more may be due. */
  more: boolean;
}

/**
 * One round of the scheduler on this node: claims up to `ESCALATION_BATCH` open
 * alerts whose next step is due, with `FOR UPDATE SKIP LOCKED` so that two
 * nodes never take the same row, and takes each one's next step in the same
 * transaction as the state that says it was taken. So each step happens once
 * across every node, and a crash before the commit leaves the step due.
 */
export async function escalateDue(db: Database, deps: { live: LiveHub; webhookConfigured: boolean }, now: Date): Promise<EscalationRound> {
  return db.transaction(async (tx) => {
    const due: DueAlert[] = await tx
      .select({
        alertId: safetyAlertState.alertId,
        escalationStep: safetyAlertState.escalationStep,
        nextStepAt: safetyAlertState.nextStepAt,
        level: safetyAlerts.level,
        createdAt: safetyAlerts.createdAt,
      })
      .from(safetyAlertState)
      .innerJoin(safetyAlerts, eq(safetyAlerts.id, safetyAlertState.alertId))
      .where(and(lte(safetyAlertState.nextStepAt, now), eq(safetyAlerts.status, 'open')))
      .orderBy(asc(safetyAlertState.nextStepAt))
      .limit(ESCALATION_BATCH)
      // Both rows: a claim in flight holds the alert's row, and its alert is then skipped rather than escalated.
      .for('update', { of: [safetyAlertState, safetyAlerts], skipLocked: true })
      .then((rows) => rows.map((row) => ({ ...row, nextStepAt: row.nextStepAt! })));
    if (due.length === 0) return { steps: [], events: [], more: false };

    const settings = await readSafetySettings(tx);
    const steps: EscalationRound['steps'] = [];
    const events: LiveEvent[] = [];
    for (const alert of due) {
      const step = nextStep(alert.escalationStep, deps.webhookConfigured);
      if (step === null) {
        // Released after the last step (or the webhook was switched off since): nothing more to do.
        await tx.update(safetyAlertState).set({ nextStepAt: null }).where(eq(safetyAlertState.alertId, alert.alertId));
        continue;
      }
      events.push(...(await takeStep(tx, deps, settings, alert, step, now)));
      steps.push({ alertId: alert.alertId, step });
    }
    return { steps, events, more: due.length === ESCALATION_BATCH };
  });
}

async function takeStep(
  tx: Database,
  deps: { live: LiveHub; webhookConfigured: boolean },
  settings: SafetySettings,
  alert: DueAlert,
  step: EscalationStep,
  now: Date,
): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  let details: Record<string, unknown>;
  if (step === 3) {
    // One delivery per alert (a unique key): a released alert that climbs the ladder again is not paged twice.
    await tx.insert(safetyWebhookDeliveries).values({ alertId: alert.alertId, nextAttemptAt: now, createdAt: now }).onConflictDoNothing();
    details = { step, told: 'webhook' };
  } else {
    const audience: UrgentAudience = step === 1 ? await onDutyOrTeam(tx, settings, now) : await admins(tx, settings);
    const payload = { alertId: alert.alertId, level: alert.level, step, minutesWaiting: minutesWaiting(alert.createdAt, now) };
    for (const userId of audience.userIds) events.push(await deps.live.record(tx, userChannel(userId), SAFETY_LIVE.urgent, payload));
    details = { step, told: audience.told, people: audience.userIds.length };
  }

  const nextStepAt = followingStepAt(step, alert.nextStepAt, settings, deps.webhookConfigured);
  await tx
    .update(safetyAlertState)
    .set({ escalationStep: step, nextStepAt, ...(step === 1 ? { escalatedAt: now } : {}) })
    .where(eq(safetyAlertState.alertId, alert.alertId));
  await tx.insert(safetyAlertActions).values({ alertId: alert.alertId, actorId: null, kind: 'escalated', details, createdAt: now });
  await recordAudit(tx, { actorId: null, action: 'safety.alert_escalated', targetType: 'safety_alert', targetId: alert.alertId, details: { step } });
  events.push(await deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId: alert.alertId, change: 'escalated' }));
  return events;
}
