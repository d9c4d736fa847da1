import { z } from 'zod';
import { evidenceSchema, riskLevelSchema } from '../risk.js';
import { text } from './text.js';

/**
 * The safety dashboard's alerts (issue 11 item 2): the list, the header count,
 * one alert in full, and the actions on it. Staff only; shared by the server's
 * routes and the web app's client.
 */

export const ALERT_OUTCOMES = ['real_concern', 'not_a_concern', 'referred_to_emergency_services', 'other'] as const;
export const alertOutcomeSchema = z.enum(ALERT_OUTCOMES);
export type AlertOutcome = z.infer<typeof alertOutcomeSchema>;

export const alertStatusSchema = z.enum(['open', 'claimed', 'resolved']);
export const alertReasonSchema = z.enum(['assessment', 'talk_to_someone', 'review']);
export const alertContentTypeSchema = z.enum(['post', 'reply', 'message', 'checkin']);
/** Everything that can happen to an alert (also the database enum `alert_action_kind`). */
export const ALERT_ACTION_KINDS = [
  'claimed',
  'released',
  'note',
  'outreach',
  'member_replied',
  'resolved',
  'escalated',
  'held_released',
  'held_kept',
  'edit_requested',
  'revealed',
] as const;
export const alertActionKindSchema = z.enum(ALERT_ACTION_KINDS);

const handleRef = z.object({ handle: z.string() });

/** One alert as a row of the dashboard's list. */
export const alertListItemSchema = z.object({
  id: z.uuid(),
  level: riskLevelSchema,
  reason: alertReasonSchema,
  categories: z.array(z.string()),
  status: alertStatusSchema,
  createdAt: z.string(),
  deadlineAt: z.string(),
  claimedBy: handleRef.nullable(),
  escalationStep: z.number().int(),
  group: z.object({ name: z.string(), slug: z.string() }).nullable(),
  contentType: alertContentTypeSchema.nullable(),
  /** The opening of the content (staff only; held content too). Null when the alert has no content. */
  excerpt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  outcome: alertOutcomeSchema.nullable(),
});
export type AlertListItem = z.infer<typeof alertListItemSchema>;

export const alertListResponseSchema = z.object({
  /** Open and claimed, imminent first, then the longest waiting first. */
  alerts: z.array(alertListItemSchema),
  /** Resolved in the last 24 hours, newest first, for context. */
  recentlyResolved: z.array(alertListItemSchema),
});
export type AlertListResponse = z.infer<typeof alertListResponseSchema>;

export const alertCountsResponseSchema = z.object({
  /** Not resolved (unclaimed and claimed). */
  open: z.number().int(),
  unclaimed: z.number().int(),
  imminent: z.number().int(),
});
export type AlertCounts = z.infer<typeof alertCountsResponseSchema>;

export const alertDetailSchema = z.object({
  alert: alertListItemSchema.extend({
    contentId: z.uuid().nullable(),
    claimedAt: z.string().nullable(),
    outcomeNote: z.string().nullable(),
    resolvedBy: handleRef.nullable(),
  }),
  /** The content as the author wrote it (also when held). Null for an alert without content. */
  content: z
    .object({
      type: alertContentTypeSchema,
      id: z.uuid(),
      /** The thread to open it in (a post, or a reply's post). */
      postId: z.uuid().nullable(),
      title: z.string().nullable(),
      body: z.string(),
      /** The text the assessor read (a post's title and body): evidence offsets point into it. */
      assessedText: z.string(),
      status: z.string(),
      anonymous: z.boolean(),
      createdAt: z.string(),
      /** False when the content was edited after this assessment: the spans no longer point at the right words. */
      evidenceMatchesText: z.boolean(),
    })
    .nullable(),
  assessment: z
    .object({
      level: riskLevelSchema,
      categories: z.array(z.string()),
      evidence: z.array(evidenceSchema),
      score: z.number(),
      modelVersion: z.string(),
      raisedByHistory: z.boolean(),
    })
    .nullable(),
  /** The member the alert is about: their handle, and whether it was revealed behind an anonymous alias (a logged reveal). */
  author: z.object({ handle: z.string(), revealed: z.boolean() }),
  history: z.object({
    posts: z.array(z.object({ id: z.uuid(), title: z.string(), excerpt: z.string(), status: z.string(), anonymous: z.boolean(), createdAt: z.string() })),
    replies: z.array(z.object({ id: z.uuid(), postId: z.uuid(), excerpt: z.string(), status: z.string(), anonymous: z.boolean(), createdAt: z.string() })),
    checkins: z.array(z.object({ id: z.uuid(), level: riskLevelSchema, createdAt: z.string() })),
    earlierAlerts: z.array(z.object({ id: z.uuid(), level: riskLevelSchema, status: alertStatusSchema, outcome: alertOutcomeSchema.nullable(), createdAt: z.string() })),
  }),
  timeline: z.array(
    z.object({
      id: z.uuid(),
      kind: alertActionKindSchema,
      /** Null for what the system did (an escalation step). */
      actor: handleRef.nullable(),
      /** A private note's text (staff only). */
      body: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  escalation: z.object({
    step: z.number().int(),
    nextStepAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    raisedWithNobodyOnDuty: z.boolean(),
  }),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export const alertParamsSchema = z.object({ id: z.uuid('must be an alert id') });

export const alertNoteRequestSchema = z.strictObject({ body: text().trim().min(1, 'must not be empty').max(4000) });

export const alertResolveRequestSchema = z
  .strictObject({ outcome: alertOutcomeSchema, note: text().trim().max(4000).optional() })
  .refine((value) => value.outcome !== 'other' || (value.note !== undefined && value.note.length > 0), {
    message: 'is needed when the outcome is "other": say what happened',
    path: ['note'],
  });
export type AlertResolveRequest = z.infer<typeof alertResolveRequestSchema>;

export const alertActionResponseSchema = z.object({ alert: alertListItemSchema });
