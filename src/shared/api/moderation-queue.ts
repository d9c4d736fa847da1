import { z } from 'zod';
import { authorSchema } from './community.js';
import { actionKindSchema, queueItemKindSchema, reportReasonSchema, reportStatusSchema, reportTargetSchema, sanctionKindSchema } from './moderation.js';
import { text } from './text.js';

/**
 * Contracts of the moderators' queue (issue 13 item 2). Only moderators read
 * these: a group moderator their groups' items, global moderators and admins
 * all of them. Reporters are named to moderators, never to the reported member.
 */

export const SEVERITY_WORDS: Record<number, string> = {
  5: 'Risk to life',
  4: 'Attack on a person',
  3: 'Harm to the community',
  2: 'Needs a look',
  1: 'Nuisance',
};
export const severityWords = (severity: number): string => SEVERITY_WORDS[severity] ?? 'Needs a look';

export const ESCALATED_NOTE = 'Waiting over 72 hours: raised to the global moderators';
export const ANONYMOUS_AUTHOR_NOTE =
  'This was written anonymously. Site staff can see the author only through the logged reveal, so no history is shown here.';

export const moderationScopeResponseSchema = z.object({
  moderates: z.boolean(),
  global: z.boolean(),
  groups: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type ModerationScopeResponse = z.infer<typeof moderationScopeResponseSchema>;

export const queueQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  group: text().max(100).optional(),
  cursor: text().max(300).optional(),
});

const groupRefSchema = z.object({ slug: z.string(), name: z.string() });

export const queueReasonSchema = z.object({
  /** A report reason, or an automod rule kind. */
  reason: z.string(),
  label: z.string(),
  /** Reports giving this reason (0 for an automod reason). */
  count: z.number().int().min(0),
});

export const queueItemSchema = z.object({
  id: z.uuid(),
  kind: queueItemKindSchema,
  status: z.enum(['open', 'resolved']),
  reasons: z.array(queueReasonSchema),
  severity: z.number().int(),
  severityLabel: z.string(),
  target: z.object({
    type: reportTargetSchema,
    id: z.uuid(),
    /** A short excerpt as staff see it (no author for anonymous content). */
    excerpt: z.string(),
    group: groupRefSchema.nullable(),
  }),
  reportCount: z.number().int().min(0),
  automodRule: z.string().nullable(),
  escalated: z.boolean(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueResponseSchema = z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() });
export type QueueResponse = z.infer<typeof queueResponseSchema>;

export const queueItemParamsSchema = z.object({ id: z.uuid('must be a queue item id') });

export const queueReportSchema = z.object({
  reason: reportReasonSchema,
  label: z.string(),
  details: z.string().nullable(),
  /** Moderators may see who reported; the reported member never. Null when the reporter has left. */
  reporterHandle: z.string().nullable(),
  status: reportStatusSchema,
  createdAt: z.string(),
});

export const queueContentSchema = z.object({
  type: reportTargetSchema,
  id: z.uuid(),
  /** A post's title; null for other targets. */
  title: z.string().nullable(),
  /** The words in full as staff see them (null for a member or content that is gone). */
  body: z.string().nullable(),
  contentWarning: z.string().nullable(),
  status: z.string().nullable(),
  lockedAt: z.string().nullable(),
  /** Where to read it in context (a thread, a profile), or null. */
  link: z.string().nullable(),
  /** As the presenters show it to staff: an alias for anonymous content. Null for a message or a member. */
  author: authorSchema.nullable(),
  /** The member's handle for a member, or a message's sender. */
  handle: z.string().nullable(),
  anonymous: z.boolean(),
});

export const memberHistorySchema = z.object({
  actions: z.array(z.object({ kind: actionKindSchema, reason: z.string(), group: z.string().nullable(), createdAt: z.string() })),
  sanctions: z.array(z.object({ kind: sanctionKindSchema, reason: z.string(), group: z.string().nullable(), until: z.string().nullable() })),
  reportsAgainst: z.array(z.object({ reason: reportReasonSchema, label: z.string(), targetType: reportTargetSchema, status: reportStatusSchema, createdAt: z.string() })),
});
export type MemberHistory = z.infer<typeof memberHistorySchema>;

export const queueItemDetailResponseSchema = z.object({
  item: queueItemSchema,
  content: queueContentSchema,
  reports: z.array(queueReportSchema),
  automodRule: z.object({ name: z.string(), kind: z.string() }).nullable(),
  /** Null for anonymous content (see `historyNote`). */
  history: memberHistorySchema.nullable(),
  historyNote: z.string().nullable(),
});
export type QueueItemDetailResponse = z.infer<typeof queueItemDetailResponseSchema>;
