import type { RiskLevel } from '../../../shared/risk.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { Config } from '../../config/index.js';
import type { Database } from '../../db/index.js';
import { safetyAlerts, safetyAlertState } from '../../db/schema/index.js';
import { staffChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';
import { isAnyoneOnDuty } from './duty-queries.js';
import { deadlineMs, readSafetySettings } from './settings.js';

export interface OpenAlertInput {
  reason: 'assessment' | 'talk_to_someone' | 'review';
  assessmentId: string | null;
  contentType: 'post' | 'reply' | 'message' | 'checkin' | null;
  contentId: string | null;
  subjectId: string;
  level: Extract<RiskLevel, 'high' | 'imminent'>;
  /** The level whose deadline applies (a member asking for a person gets the imminent one). */
  deadlineLevel?: 'high' | 'imminent';
  categories?: string[];
  now: Date;
}

export interface OpenedAlert {
  alertId: string;
  deadlineAt: Date;
  /** Nobody was on duty: the writer's card says so honestly and puts the crisis lines first. */
  nobodyOnDuty: boolean;
  event: LiveEvent;
}

/**
 * The one way an alert is opened: the alert, its escalation state (the first
 * step is due at the deadline) and its live event, all inside the caller's
 * transaction, so the alert commits with the content that raised it or not at
 * all. Announce `event` after the commit.
 */
export async function openAlert(tx: Database, deps: { config: Pick<Config, 'alertDeadlineMs'>; live: LiveHub }, input: OpenAlertInput): Promise<OpenedAlert> {
  const settings = await readSafetySettings(tx);
  const deadlineAt = new Date(input.now.getTime() + deadlineMs(settings, deps.config, input.deadlineLevel ?? input.level));
  const nobodyOnDuty = !(await isAnyoneOnDuty(tx, settings, input.now));
  const [alert] = await tx
    .insert(safetyAlerts)
    .values({
      reason: input.reason,
      assessmentId: input.assessmentId,
      contentType: input.contentType,
      contentId: input.contentId,
      subjectId: input.subjectId,
      level: input.level,
      deadlineAt,
      createdAt: input.now,
    })
    .returning({ id: safetyAlerts.id });
  const alertId = alert!.id;
  await tx.insert(safetyAlertState).values({ alertId, nextStepAt: deadlineAt, raisedWithNobodyOnDuty: nobodyOnDuty });
  // Staff-only channel; the payload names the content, never the author (anonymity holds for staff too).
  const event = await deps.live.record(tx, staffChannel, SAFETY_LIVE.alertRaised, {
    alertId,
    level: input.level,
    categories: input.categories ?? [],
    reason: input.reason,
    contentType: input.contentType,
    contentId: input.contentId,
    deadlineAt: deadlineAt.toISOString(),
  });
  return { alertId, deadlineAt, nobodyOnDuty, event };
}
