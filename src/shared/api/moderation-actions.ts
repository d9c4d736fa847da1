import { z } from 'zod';
import { contentWarningTopicSchema } from './community.js';
import { actionKindSchema, appealStatusSchema, sanctionKindSchema, type ActionKind } from './moderation.js';
import { text } from './text.js';

/**
 * Moderation actions, sanctions, appeals and what the member affected reads
 * (issue 13 items 3 and 4). Every action carries a reason: a template is a
 * starting point, the moderator's own words are what the member reads.
 */

export const REASON_TEMPLATES = [
  { id: 'be_kind', label: 'Be kind', words: 'This community asks everyone to be kind, even in disagreement.' },
  { id: 'no_method_details', label: 'No method details', words: 'Details of methods of self-harm or suicide can put others at risk, so they are not shared here.' },
  { id: 'no_encouraging_self_harm', label: 'No encouraging self-harm', words: 'Encouraging anyone to hurt themselves is never allowed here.' },
  { id: 'personal_information', label: 'Personal information', words: "Sharing someone's personal information puts them at risk." },
  { id: 'spam', label: 'Spam', words: 'This looked like advertising or repeated content.' },
  { id: 'off_topic', label: 'Off topic', words: 'This does not fit the purpose of the group.' },
  { id: 'misinformation', label: 'Health misinformation', words: 'This shares health claims that could mislead or harm people.' },
  { id: 'hate', label: 'Hate', words: 'Attacks on people for who they are are not allowed here.' },
  { id: 'harassment', label: 'Harassment', words: 'Targeting or bullying another member is not allowed here.' },
  { id: 'impersonation', label: 'Impersonation', words: 'Pretending to be someone else is not allowed here.' },
  { id: 'other', label: 'Other', words: '' },
] as const;
export type ReasonTemplateId = (typeof REASON_TEMPLATES)[number]['id'];
export const reasonTemplateSchema = z.enum(REASON_TEMPLATES.map((template) => template.id) as [ReasonTemplateId, ...ReasonTemplateId[]]);

export function reasonTemplateLabel(id: string | null | undefined): string | null {
  return REASON_TEMPLATES.find((template) => template.id === id)?.label ?? null;
}

/** Plain words for each action, as the member affected and the moderators read them. */
export const ACTION_KIND_WORDS: Record<ActionKind, string> = {
  content_warning: 'A content warning was added',
  hide: 'Hidden while moderators look at it',
  remove: 'Removed',
  restore: 'Restored',
  approve: 'Approved',
  lock: 'Thread locked',
  unlock: 'Thread unlocked',
  move: 'Thread moved to another group',
  warn: 'A warning',
  mute: 'Muted in a group',
  suspend: 'Suspended',
  ban: 'Banned',
  lift: 'Lifted',
  dismiss: 'Report dismissed',
};

/** Hours for a mute or a suspension: one hour to one year. */
const hours = z.number().int('must be whole hours').min(1, 'must be at least 1 hour').max(8760, 'must be at most 8760 hours (a year)');

const base = {
  target: z.strictObject({ type: z.enum(['post', 'reply', 'member', 'message']), id: z.uuid('must be an id') }),
  itemId: z.uuid('must be a queue item id').optional(),
  reasonTemplate: reasonTemplateSchema.optional(),
  reason: text().trim().min(3, 'must say why, in at least 3 characters').max(1000, 'must be at most 1000 characters'),
};

export const actionRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('content_warning'),
    ...base,
    contentWarning: text().trim().min(1, 'is required').max(200),
    contentWarningTopics: z.array(contentWarningTopicSchema).max(7).default([]),
  }),
  z.strictObject({ kind: z.literal('hide'), ...base }),
  z.strictObject({ kind: z.literal('remove'), ...base }),
  z.strictObject({ kind: z.literal('restore'), ...base }),
  z.strictObject({ kind: z.literal('approve'), ...base }),
  z.strictObject({ kind: z.literal('lock'), ...base }),
  z.strictObject({ kind: z.literal('unlock'), ...base }),
  z.strictObject({ kind: z.literal('move'), ...base, toGroup: text().trim().min(1, 'is required').max(80) }),
  z.strictObject({ kind: z.literal('warn'), ...base, group: text().trim().min(1).max(80).optional() }),
  z.strictObject({ kind: z.literal('mute'), ...base, hours, group: text().trim().min(1).max(80).optional() }),
  z.strictObject({ kind: z.literal('suspend'), ...base, hours }),
  z.strictObject({ kind: z.literal('ban'), ...base }),
  z.strictObject({ kind: z.literal('lift'), ...base, sanctionId: z.uuid('must be a sanction id') }),
  z.strictObject({ kind: z.literal('dismiss'), ...base, itemId: z.uuid('must be a queue item id') }),
]);
export type ActionRequest = z.output<typeof actionRequestSchema>;

/** The answer names no author: acting on anonymous content never shows who wrote it. */
export const actionResponseSchema = z.object({
  action: z.object({ id: z.uuid(), kind: actionKindSchema, until: z.string().nullable(), createdAt: z.string() }),
  message: z.string(),
});
export type ActionResponse = z.infer<typeof actionResponseSchema>;

export const actionParamsSchema = z.object({ id: z.uuid('must be an action id') });
export const appealParamsSchema = z.object({ id: z.uuid('must be an appeal id') });

export const appealRequestSchema = z.strictObject({
  body: text().trim().min(3, 'must say why, in at least 3 characters').max(2000, 'must be at most 2000 characters'),
});
export const appealCreatedSchema = z.object({ appeal: z.object({ id: z.uuid(), status: appealStatusSchema, createdAt: z.string() }), message: z.string() });

export const appealDecisionRequestSchema = z.strictObject({
  decision: z.enum(['uphold', 'overturn']),
  reason: text().trim().min(3, 'must say why, in at least 3 characters').max(1000, 'must be at most 1000 characters'),
});

/** An appeal as moderators read it. `member` is null when the action was on anonymous content. */
export const appealViewSchema = z.object({
  id: z.uuid(),
  status: appealStatusSchema,
  body: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  member: z.object({ handle: z.string() }).nullable(),
  action: z.object({
    id: z.uuid(),
    kind: actionKindSchema,
    kindWords: z.string(),
    targetType: z.enum(['post', 'reply', 'message', 'member']),
    targetId: z.uuid(),
    reasonTemplate: z.string().nullable(),
    reasonLabel: z.string().nullable(),
    reason: z.string(),
    until: z.string().nullable(),
    createdAt: z.string(),
    /** "A moderator", "You", or the automatic rule's name. */
    by: z.string(),
    /** You acted: someone else decides the appeal. */
    mine: z.boolean(),
    content: z.object({ title: z.string().nullable(), excerpt: z.string(), postId: z.uuid() }).nullable(),
  }),
});
export type AppealView = z.infer<typeof appealViewSchema>;
export const appealListSchema = z.object({ appeals: z.array(appealViewSchema) });
export const appealDecidedSchema = z.object({ appeal: appealViewSchema, message: z.string() });

/** A sanction in force, as the member reads it. */
export const sanctionViewSchema = z.object({
  id: z.uuid(),
  kind: sanctionKindSchema,
  kindWords: z.string(),
  group: z.object({ slug: z.string(), name: z.string() }).nullable(),
  reason: z.string(),
  until: z.string().nullable(),
  actionId: z.uuid(),
});
export type SanctionView = z.infer<typeof sanctionViewSchema>;

const noticeBase = { id: z.uuid(), read: z.boolean(), createdAt: z.string() };

export const myNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('action'),
    ...noticeBase,
    action: z.object({
      id: z.uuid(),
      kind: actionKindSchema,
      kindWords: z.string(),
      /** "A moderator", or "The automatic rule “No slurs”". */
      by: z.string(),
      reasonLabel: z.string().nullable(),
      reason: z.string(),
      until: z.string().nullable(),
      /** The member's own content it was about. */
      content: z.object({ type: z.enum(['post', 'reply']), postId: z.uuid(), title: z.string().nullable(), excerpt: z.string() }).nullable(),
      group: z.object({ slug: z.string(), name: z.string() }).nullable(),
    }),
    appeal: z.object({
      canAppeal: z.boolean(),
      howTo: z.string(),
      status: appealStatusSchema.nullable(),
      decisionReason: z.string().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('appeal_decided'),
    ...noticeBase,
    appeal: z.object({ id: z.uuid(), status: appealStatusSchema, decisionReason: z.string().nullable(), actionKindWords: z.string() }),
    message: z.string(),
  }),
  z.object({
    kind: z.literal('report_outcome'),
    ...noticeBase,
    report: z.object({ id: z.uuid(), targetType: z.enum(['post', 'reply', 'message', 'member']), outcome: z.string() }),
  }),
]);
export type MyNotice = z.infer<typeof myNoticeSchema>;

export const myModerationSchema = z.object({
  notices: z.array(myNoticeSchema),
  sanctions: z.array(sanctionViewSchema),
  unread: z.number().int(),
});
export type MyModeration = z.infer<typeof myModerationSchema>;
export const myModerationUnreadSchema = z.object({ unread: z.number().int(), sanctioned: z.boolean() });
