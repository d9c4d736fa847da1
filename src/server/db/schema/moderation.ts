import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ACTION_KINDS,
  ACTION_TARGETS,
  APPEAL_STATUSES,
  AUTOMOD_ACTIONS,
  AUTOMOD_RULE_KINDS,
  NOTICE_KINDS,
  QUEUE_ITEM_KINDS,
  QUEUE_ITEM_STATUSES,
  REPORT_REASONS,
  REPORT_STATUSES,
  REPORT_TARGETS,
  SANCTION_KINDS,
} from '../../../shared/api/moderation.js';
import { users } from './accounts.js';
import { groups } from './community.js';

/**
 * Moderation (issue 13): members' reports, the moderators' queue, actions with
 * reasons, the sanctions they impose, appeals, automod rules and the notices a
 * member reads. Who reported is never shown to the reported member.
 */

export const reportReason = pgEnum('report_reason', REPORT_REASONS);
export const reportTarget = pgEnum('report_target', REPORT_TARGETS);
export const reportStatus = pgEnum('report_status', REPORT_STATUSES);
export const queueItemKind = pgEnum('queue_item_kind', QUEUE_ITEM_KINDS);
export const queueItemStatus = pgEnum('queue_item_status', QUEUE_ITEM_STATUSES);
export const moderationActionKind = pgEnum('moderation_action_kind', ACTION_KINDS);
export const moderationTarget = pgEnum('moderation_target', ACTION_TARGETS);
export const sanctionKind = pgEnum('sanction_kind', SANCTION_KINDS);
export const appealStatus = pgEnum('appeal_status', APPEAL_STATUSES);
export const automodRuleKind = pgEnum('automod_rule_kind', AUTOMOD_RULE_KINDS);
export const automodAction = pgEnum('automod_action', AUTOMOD_ACTIONS);
export const noticeKind = pgEnum('notice_kind', NOTICE_KINDS);

/**
 * One item in the moderators' queue per piece of content (or member) while it
 * is open: several reports of the same post, and an automod hold on it, gather
 * on one item (Discourse's review queue). `groupId` null means site-wide
 * (a member, a message): global moderators and admins only.
 */
export const moderationItems = pgTable(
  'moderation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What first put it in the queue; later sources gather on it. */
    kind: queueItemKind('kind').notNull(),
    targetType: reportTarget('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    /** The member the item is about (the content's author). Staff only. */
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    /** REASON_SEVERITY of the worst reason so far; the queue orders by it, then by age. */
    severity: integer('severity').notNull(),
    /** Every reason given so far (report reasons, automod rule kinds), worst first. */
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    /** The automod rule that held or flagged it, named in the queue and to the member. */
    automodRuleId: uuid('automod_rule_id').references(() => automodRules.id, { onDelete: 'set null' }),
    status: queueItemStatus('status').notNull().default('open'),
    /** When a group item goes up to the global moderators if still open (created + 72 h); null for site-wide items. */
    escalateAt: timestamp('escalate_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    /** The action that resolved it (null: dismissed with no action on the content). */
    resolvedByActionId: uuid('resolved_by_action_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('moderation_items_open_idx').on(table.severity, table.createdAt).where(sql`${table.status} = 'open'`),
    index('moderation_items_group_idx').on(table.groupId, table.status),
    index('moderation_items_escalate_idx').on(table.escalateAt).where(sql`${table.status} = 'open' and ${table.escalatedAt} is null`),
    uniqueIndex('moderation_items_open_target_key').on(table.targetType, table.targetId).where(sql`${table.status} = 'open'`),
  ],
);

/** A member's report. The reporter is never shown to the reported member, in any response or event. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetType: reportTarget('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    reason: reportReason('reason').notNull(),
    details: text('details'),
    itemId: uuid('item_id')
      .notNull()
      .references(() => moderationItems.id, { onDelete: 'cascade' }),
    status: reportStatus('status').notNull().default('open'),
    /** What the reporter is told: plain words, never who was sanctioned for how long. */
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [
    index('reports_reporter_idx').on(table.reporterId, table.createdAt),
    index('reports_item_idx').on(table.itemId),
    // One open report per reporter per target.
    uniqueIndex('reports_open_once_key').on(table.reporterId, table.targetType, table.targetId).where(sql`${table.status} = 'open'`),
  ],
);

/**
 * Every moderation action, with its reason. `before`/`after` hold what changed
 * on content (a content warning, a group); the audit log gets a row too.
 */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: moderationActionKind('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set when automod acted (actorId null): the rule that did it. */
    automodRuleId: uuid('automod_rule_id').references(() => automodRules.id, { onDelete: 'set null' }),
    targetType: moderationTarget('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    /** The member affected (the content's author, or the member sanctioned). */
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
    itemId: uuid('item_id').references(() => moderationItems.id, { onDelete: 'set null' }),
    /** A template id (e.g. "rule_kindness"), shown by its label; the public log shows only this. */
    reasonTemplate: text('reason_template'),
    /** The moderator's own words, shown to the member affected (never in the public log). */
    reason: text('reason').notNull(),
    /** For mute and suspend: when it ends. */
    until: timestamp('until', { withTimezone: true }),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('moderation_actions_subject_idx').on(table.subjectId, table.createdAt),
    index('moderation_actions_group_idx').on(table.groupId, table.createdAt),
    index('moderation_actions_target_idx').on(table.targetType, table.targetId),
  ],
);

/** Sanctions in force: a mute in one group, a suspension, a ban (until null). Lifted early by `liftedAt`. */
export const sanctions = pgTable(
  'sanctions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: sanctionKind('kind').notNull(),
    /** A mute's group; null for a suspension or ban. */
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id')
      .notNull()
      .references(() => moderationActions.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** Null: a ban, with no end. */
    until: timestamp('until', { withTimezone: true }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (table) => [index('sanctions_user_idx').on(table.userId).where(sql`${table.liftedAt} is null`)],
);

/** One appeal per action, decided by a moderator other than the one who acted. */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .unique()
      .references(() => moderationActions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    status: appealStatus('status').notNull().default('open'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [index('appeals_open_idx').on(table.createdAt).where(sql`${table.status} = 'open'`)],
);

/** Automod rules, site-wide (groupId null) or for one group. `config` is validated by zod per kind. */
export const automodRules = pgTable(
  'automod_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    kind: automodRuleKind('kind').notNull(),
    action: automodAction('action').notNull(),
    /** A name moderators and members read ("No slurs"). */
    name: text('name').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('automod_rules_group_idx').on(table.groupId)],
);

/** Every time an automod rule matched, for the queue, the member and the figures (hits by rule). */
export const automodHits = pgTable(
  'automod_hits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => automodRules.id, { onDelete: 'cascade' }),
    contentType: reportTarget('content_type').notNull(),
    contentId: uuid('content_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('automod_hits_rule_idx').on(table.ruleId, table.createdAt)],
);

/**
 * What a member is told in the app (until the notifications issue lands, the
 * "Moderation" page lists these): an action on them, an appeal's decision, the
 * outcome of a report they made.
 */
export const moderationNotices = pgTable(
  'moderation_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: noticeKind('kind').notNull(),
    actionId: uuid('action_id').references(() => moderationActions.id, { onDelete: 'cascade' }),
    appealId: uuid('appeal_id').references(() => appeals.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('moderation_notices_user_idx').on(table.userId, table.createdAt)],
);
