import { z } from 'zod';
import { roleSchema } from './accounts.js';
import { safetySettingsSchema } from './safety-settings.js';
import { text } from './text.js';

/**
 * Contracts of the safety team's duty switch, review list, "I'm worried about
 * this person" reports and the admin settings screen (issue 11 items 1, 2, 6).
 */

// ---------- on duty ----------

/** "On until 23:00" is at most a day ahead: duty is switched on for a shift, not left on by accident. */
export const DUTY_MAX_HOURS = 24;

export const dutyMemberSchema = z.object({ handle: z.string(), since: z.string(), until: z.string().nullable() });

export const dutyResponseSchema = z.object({
  onDuty: z.array(dutyMemberSchema),
  you: z.object({ on: z.boolean(), since: z.string().nullable(), until: z.string().nullable() }),
});
export type DutyResponse = z.infer<typeof dutyResponseSchema>;

export const dutyRequestSchema = z.strictObject({
  on: z.boolean(),
  /** When duty ends by itself; absent: until switched off. In the future, at most 24 hours ahead. */
  until: z.iso.datetime({ offset: true }).optional(),
});

// ---------- the review list ----------

export const reviewKindSchema = z.enum(['elevated', 'second_look', 'worry', 'member_message', 'report']);
export const reviewDecisionSchema = z.enum(['fine', 'needs_outreach', 'raise_to_alert']);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewItemSchema = z.object({
  id: z.uuid(),
  kind: reviewKindSchema,
  createdAt: z.string(),
  content: z.object({
    type: z.enum(['post', 'reply', 'message', 'checkin']),
    id: z.uuid(),
    /** A short excerpt of the words; null when the content is gone or has no text to show. */
    excerpt: z.string().nullable(),
    /** Where staff can read it in full (a thread), or null. */
    link: z.string().nullable(),
    /** The author's handle when the content is under a handle; null when anonymous (the dashboard's logged reveal is the only door). */
    authorHandle: z.string().nullable(),
  }),
  /** The assessor's level (elevated items; the level it assessed for the others when known). */
  level: z.string().nullable(),
  /** For a second look: the alert and who resolved it as not a concern. */
  secondLook: z.object({ alertId: z.uuid(), resolvedByHandle: z.string().nullable(), outcomeNote: z.string().nullable() }).nullable(),
  /** For a worry report: the reporter's words and their history of such reports (staff only; never shown to the subject). */
  worry: z
    .object({
      words: z.string().nullable(),
      reporterHandle: z.string().nullable(),
      history: z.object({ last30Days: z.number().int(), markedFine: z.number().int() }),
    })
    .nullable(),
  decision: reviewDecisionSchema.nullable(),
  decisionNote: z.string().nullable(),
  reviewedByHandle: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  raisedAlertId: z.uuid().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewListResponseSchema = z.object({ open: z.array(reviewItemSchema), recent: z.array(reviewItemSchema) });
export type ReviewListResponse = z.infer<typeof reviewListResponseSchema>;

export const reviewDecisionRequestSchema = z.strictObject({
  decision: reviewDecisionSchema,
  note: text().trim().max(2000).optional(),
  /** For `raise_to_alert`: the level the alert opens at (its deadline follows). Default `high`. */
  level: z.enum(['high', 'imminent']).optional(),
});

export const reviewDecisionResponseSchema = z.object({ item: reviewItemSchema });

// ---------- "I'm worried about this person" ----------

export const WORRY_WORDS_MAX = 1000;

export const worryRequestSchema = z.strictObject({
  contentType: z.enum(['post', 'reply']),
  contentId: z.uuid(),
  words: text().trim().max(WORRY_WORDS_MAX).optional(),
});

export const worryResponseSchema = z.object({
  /** `already_raised`: this member asked about this post or reply earlier today; nothing new was stored. */
  status: z.enum(['raised', 'already_raised']),
  message: z.string(),
  /** Resources for helpers. */
  helpPath: z.literal('/help'),
});
export type WorryResponse = z.infer<typeof worryResponseSchema>;

// ---------- settings (admins write; the team may read) ----------

export const safetySettingsResponseSchema = z.object({
  settings: safetySettingsSchema,
  /** What applies when a setting is left at its default. */
  defaults: z.object({
    deadlineMinutes: z.object({ high: z.number(), imminent: z.number() }),
    autoReplyText: z.string(),
  }),
  /** Everyone on staff now: the people a limited team is picked from. */
  staff: z.array(z.object({ id: z.uuid(), handle: z.string(), role: roleSchema })),
});
export type SafetySettingsResponse = z.infer<typeof safetySettingsResponseSchema>;
