import type { SafetySettings } from '../../../../shared/api/safety-settings.js';

/**
 * The escalation ladder of an unclaimed alert (issue 11, item 3), as data:
 * 1. at the deadline, every on-duty team member (the whole team when nobody is on duty);
 * 2. a further interval later, every admin;
 * 3. a further interval later, the webhook (a pager or chat channel), when one is configured.
 * An alert that is claimed or resolved leaves the ladder (its `next_step_at` is null).
 */
export type EscalationStep = 1 | 2 | 3;

export const LAST_STEP: EscalationStep = 3;

/** The step after `current` (0 to 3), or null when the ladder is over for this installation. */
export function nextStep(current: number, webhookConfigured: boolean): EscalationStep | null {
  if (current < 1) return 1;
  if (current < 2) return 2;
  if (current < 3 && webhookConfigured) return 3;
  return null;
}

/**
 * When the step after `step` is due. Counted from when `step` was due, not from
 * when a tick happened to take it: the intervals measure how long the member has
 * waited, and a node that was down catches up at once instead of starting the
 * wait again. Null after the last step.
 */
export function followingStepAt(step: EscalationStep, dueAt: Date, settings: Pick<SafetySettings, 'escalation'>, webhookConfigured: boolean): Date | null {
  const following = nextStep(step, webhookConfigured);
  if (following === null) return null;
  const minutes = following === 2 ? settings.escalation.adminsAfterMinutes : settings.escalation.webhookAfterMinutes;
  return new Date(dueAt.getTime() + minutes * 60_000);
}

export function minutesWaiting(createdAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 60_000));
}
