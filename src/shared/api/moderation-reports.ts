import { z } from 'zod';
import { HANDLE_PATTERN } from './accounts.js';
import { reportReasonSchema, reportStatusSchema, reportTargetSchema } from './moderation.js';
import { text } from './text.js';

/**
 * Contracts of members' reports (issue 13 item 1). The reporter is never shown
 * to the reported member: nothing here is ever sent to anyone but the reporter.
 */

export const REPORT_DETAILS_MAX = 1000;
/** Reports one member may send in an hour (counted from the stored reports, so every node agrees). */
export const REPORTS_PER_HOUR = 20;

export const createReportRequestSchema = z
  .strictObject({
    targetType: reportTargetSchema,
    /** The post, reply, message or member reported. */
    targetId: z.uuid('must be the id of what you are reporting').optional(),
    /** A member may be named by handle instead (their profile page knows only that). */
    targetHandle: z.string().min(1).max(64).regex(HANDLE_PATTERN, 'may use letters, digits and underscores, starting with a letter').optional(),
    reason: reportReasonSchema,
    details: text().trim().max(REPORT_DETAILS_MAX, `Please keep the details under ${REPORT_DETAILS_MAX} characters.`).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.targetHandle !== undefined && value.targetType !== 'member') {
      ctx.addIssue({ code: 'custom', path: ['targetHandle'], message: 'only a member can be named by handle; use targetId' });
    } else if (value.targetId === undefined && value.targetHandle === undefined) {
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'is required: the id of what you are reporting' });
    }
  });
export type CreateReportRequest = z.infer<typeof createReportRequestSchema>;

export const myReportSchema = z.object({
  id: z.uuid(),
  reason: reportReasonSchema,
  reasonLabel: z.string(),
  target: z.object({
    type: reportTargetSchema,
    /** What the reporter can still see of it: a post title, "a reply in …", "@handle"; neutral words once it is gone from their view. */
    description: z.string(),
    /** Where they can see it (a thread, a profile), or null. */
    link: z.string().nullable(),
  }),
  details: z.string().nullable(),
  status: reportStatusSchema,
  /** The outcome in plain words once the moderators decided; null while open. */
  outcome: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type MyReport = z.infer<typeof myReportSchema>;

export const createReportResponseSchema = z.object({
  report: myReportSchema,
  /** Kind words for the reporter: they are told the outcome on "My reports"; danger has its own doors. */
  message: z.string(),
});
export type CreateReportResponse = z.infer<typeof createReportResponseSchema>;

export const myReportsQuerySchema = z.object({
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const myReportsResponseSchema = z.object({
  reports: z.array(myReportSchema),
  nextCursor: z.string().nullable(),
});
export type MyReportsResponse = z.infer<typeof myReportsResponseSchema>;
