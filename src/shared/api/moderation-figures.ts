import { z } from 'zod';
import { appealStatusSchema, reportReasonSchema } from './moderation.js';

/**
 * Moderation figures for admins (`GET /api/admin/moderation/figures`, issue 13
 * item 8). Counts and durations only: no content, no handles.
 */

export const moderationFiguresQuerySchema = z.strictObject({
  days: z.enum(['7', '30', '90'], { message: 'must be 7, 30 or 90' }).default('30'),
});

export const moderationFiguresSchema = z.object({
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** Reports made in the period, by reason (every reason, zeros included). */
  reportsByReason: z.array(z.object({ reason: reportReasonSchema, count: z.number().int() })),
  /** Queue items raised in the period: minutes from the item to the first action a person took on it. */
  timeToFirstAction: z.object({
    items: z.number().int(),
    acted: z.number().int(),
    medianMinutes: z.number().nullable(),
    p90Minutes: z.number().nullable(),
    /** Items with no action yet, still open. */
    waiting: z.number().int(),
  }),
  /** Appeals made in the period, by where they stand. */
  appeals: z.array(z.object({ status: appealStatusSchema, count: z.number().int() })),
  /** Automod hits in the period, by rule, most first. */
  automodHits: z.array(z.object({ rule: z.string(), scope: z.string(), count: z.number().int() })),
});
export type ModerationFigures = z.infer<typeof moderationFiguresSchema>;
