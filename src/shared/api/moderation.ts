import { z } from 'zod';

/**
 * The vocabulary of moderation (issue 13), shared by the schema, the API and
 * the web app. Request and response contracts live beside it in
 * moderation-*.ts, one file per part (reports, queue, actions, appeals,
 * automod, logs, figures).
 */

/**
 * Why something is reported (Mastodon's categories plus what a mental-health
 * community needs: encouraging self-harm and method details are their own
 * reasons, and they also reach the safety team).
 */
export const REPORT_REASONS = [
  'harassment',
  'self_harm_encouragement',
  'method_details',
  'misinformation',
  'hate',
  'spam',
  'personal_information',
  'impersonation',
  'other',
] as const;
export const reportReasonSchema = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof reportReasonSchema>;

/** Plain-language labels, for the report dialog, the queue and the member's notices. */
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  harassment: 'Harassment or bullying',
  self_harm_encouragement: 'Encouraging self-harm or suicide',
  method_details: 'Details of methods of self-harm or suicide',
  misinformation: 'Health misinformation',
  hate: 'Hate',
  spam: 'Spam',
  personal_information: "Sharing someone's personal information",
  impersonation: 'Impersonation',
  other: 'Something else',
};

/** Reasons that put a person at risk: they also raise a safety review item, and they come first in the queue. */
export const SAFETY_REPORT_REASONS: readonly ReportReason[] = ['self_harm_encouragement', 'method_details'];

/**
 * Severity orders the queue (highest first, then oldest): risk to life, then
 * attacks on a person, then harm to the community, then nuisance.
 */
export const REASON_SEVERITY: Record<ReportReason, number> = {
  self_harm_encouragement: 5,
  method_details: 5,
  harassment: 4,
  hate: 4,
  personal_information: 4,
  impersonation: 3,
  misinformation: 3,
  other: 2,
  spam: 1,
};

export const REPORT_TARGETS = ['post', 'reply', 'message', 'member'] as const;
export const reportTargetSchema = z.enum(REPORT_TARGETS);
export type ReportTarget = z.infer<typeof reportTargetSchema>;

export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);

/** What put an item in the queue: a member's report, an automod hold or flag, or a new member's post waiting for approval. */
export const QUEUE_ITEM_KINDS = ['report', 'automod', 'approval'] as const;
export const queueItemKindSchema = z.enum(QUEUE_ITEM_KINDS);
export type QueueItemKind = z.infer<typeof queueItemKindSchema>;

export const QUEUE_ITEM_STATUSES = ['open', 'resolved'] as const;

/** Hours a group's moderators have before an open item goes up to the global moderators. */
export const QUEUE_ESCALATION_HOURS = 72;

/**
 * Moderation actions. Content: a content warning, hide while under review,
 * remove, restore, approve (a held new member's or automod's post), lock,
 * unlock, move. Member: warn, mute in a group, suspend site-wide, ban, lift
 * (ends a mute, suspension or ban early). `dismiss` closes a queue item with
 * no action (the reporter is told it was looked at).
 */
export const ACTION_KINDS = [
  'content_warning',
  'hide',
  'remove',
  'restore',
  'approve',
  'lock',
  'unlock',
  'move',
  'warn',
  'mute',
  'suspend',
  'ban',
  'lift',
  'dismiss',
] as const;
export const actionKindSchema = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof actionKindSchema>;

/** Actions a member can appeal (once each): the ones that take something away from them. */
export const APPEALABLE_ACTIONS: readonly ActionKind[] = ['content_warning', 'hide', 'remove', 'lock', 'move', 'warn', 'mute', 'suspend', 'ban'];

export const ACTION_TARGETS = ['post', 'reply', 'message', 'member'] as const;
export const actionTargetSchema = z.enum(ACTION_TARGETS);

/** Sanctions that refuse a member's writes: a mute in one group, a site-wide suspension, a ban (no end). */
export const SANCTION_KINDS = ['mute', 'suspend', 'ban'] as const;
export const sanctionKindSchema = z.enum(SANCTION_KINDS);
export type SanctionKind = z.infer<typeof sanctionKindSchema>;

export const APPEAL_STATUSES = ['open', 'upheld', 'overturned'] as const;
export const appealStatusSchema = z.enum(APPEAL_STATUSES);

/** Where a piece of held content was held from: only the assessor's own hold is lifted by an edit. */
/**
 * Who holds held content. 'sanction' and 'locked': words written in crisis by a member whose posting is paused
 * (muted, suspended, banned) or in a locked thread are kept, held for them and the safety team, never refused.
 */
export const HOLD_SOURCES = ['assessor', 'moderator', 'automod', 'approval', 'sanction', 'locked'] as const;
export type HoldSource = (typeof HOLD_SOURCES)[number];

export const AUTOMOD_RULE_KINDS = ['slurs', 'self_harm_encouragement', 'link_limit', 'rate_limit', 'duplicate'] as const;
export const automodRuleKindSchema = z.enum(AUTOMOD_RULE_KINDS);
export type AutomodRuleKind = z.infer<typeof automodRuleKindSchema>;

export const AUTOMOD_ACTIONS = ['hold', 'content_warning', 'flag'] as const;
export const automodActionSchema = z.enum(AUTOMOD_ACTIONS);
export type AutomodAction = z.infer<typeof automodActionSchema>;

/** What a member is told in the app: an action on them or their content, an appeal's decision, a report's outcome. */
export const NOTICE_KINDS = ['action', 'appeal_decided', 'report_outcome'] as const;
export const noticeKindSchema = z.enum(NOTICE_KINDS);

/**
 * Live event types of moderation. Payloads carry ids only: a client that hears
 * one refetches through the API and its permission checks.
 */
export const MODERATION_LIVE = {
  /** A moderator's own channel: the queue changed ({ itemId }). */
  queueChanged: 'moderation.queue_changed',
  /** A member's own channel: a new notice ({ noticeId }). */
  notice: 'moderation.notice',
} as const;
