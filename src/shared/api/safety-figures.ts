import { z } from 'zod';
import { alertOutcomeSchema } from './safety-alerts.js';

/**
 * How the safety team is doing (`GET /api/safety/figures`, the team) and how
 * the assessor is doing on this community (`GET /api/safety/assessor`,
 * admins). Counts and durations only: never content, an author or a handle.
 */

export const figuresQuerySchema = z.object({
  days: z.enum(['7', '30'], { message: 'must be 7 or 30' }).default('7'),
});

/** Median and 90th percentile of a duration, in minutes; null when nothing was measured. */
export const durationFigureSchema = z.object({
  count: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
export type DurationFigure = z.infer<typeof durationFigureSchema>;

export const figuresResponseSchema = z.object({
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  alerts: z.number().int(),
  timeToClaim: durationFigureSchema,
  timeToFirstOutreach: durationFigureSchema,
  byLevel: z.array(z.object({ level: z.enum(['high', 'imminent']), count: z.number().int() })),
  /** Resolved alerts by outcome, and how many are still open or claimed. */
  outcomes: z.array(z.object({ outcome: alertOutcomeSchema, count: z.number().int() })),
  unresolved: z.number().int(),
  /** Alerts that reached their deadline unclaimed and escalated. */
  escalated: z.number().int(),
  /** One row per UTC day of the window, oldest first. */
  daily: z.array(
    z.object({
      day: z.string(),
      alerts: z.number().int(),
      escalated: z.number().int(),
      medianClaimMinutes: z.number().nullable(),
    }),
  ),
});
export type SafetyFigures = z.infer<typeof figuresResponseSchema>;

export const assessorLevelSchema = z.object({
  level: z.enum(['high', 'imminent']),
  alerts: z.number().int(),
  resolved: z.number().int(),
  outcomes: z.object({
    real_concern: z.number().int(),
    not_a_concern: z.number().int(),
    referred_to_emergency_services: z.number().int(),
    other: z.number().int(),
  }),
  /** (real_concern + referred_to_emergency_services) / resolved; null before any is resolved. */
  precision: z.number().nullable(),
});

export const assessorResponseSchema = z.object({
  modelVersion: z.string(),
  /** True when the weights are this community's own (`hearth risk train`), not the shipped ones. */
  local: z.boolean(),
  levels: z.array(assessorLevelSchema),
  review: z.object({
    /** Items the assessor rated `elevated` that staff reviewed, and those raised to an alert (misses). */
    elevatedReviewed: z.number().int(),
    elevatedRaised: z.number().int(),
    /** "I'm worried about this person" reports staff raised to an alert: content the assessor did not alert on. */
    worryRaised: z.number().int(),
  }),
});
export type AssessorFigures = z.infer<typeof assessorResponseSchema>;
