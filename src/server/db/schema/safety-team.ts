import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ALERT_ACTION_KINDS, ALERT_OUTCOMES } from '../../../shared/api/safety-alerts.js';
import { users } from './accounts.js';
import { assessedContentType, riskAssessments, safetyAlerts } from './safety.js';

/**
 * The safety team's side of the pipeline (issue 11): who is on duty, what
 * happened to each alert, the review list, escalation steps, webhook attempts
 * and the site-wide settings an admin can change.
 */

/** A moderator or admin on safety duty, until they switch it off or `until` passes. */
export const safetyDuty = pgTable('safety_duty', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  since: timestamp('since', { withTimezone: true }).notNull(),
  /** "On until 23:00": null means until switched off. */
  until: timestamp('until', { withTimezone: true }),
});

export const alertOutcome = pgEnum('alert_outcome', ALERT_OUTCOMES);
export const alertActionKind = pgEnum('alert_action_kind', ALERT_ACTION_KINDS);

/**
 * Everything that happened to an alert, in order: the alert's own history for
 * the dashboard (claims, notes, outreach, escalation steps, the outcome). Staff
 * only. Private notes live here (`body`), never in the audit log.
 */
export const safetyAlertActions = pgTable(
  'safety_alert_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => safetyAlerts.id, { onDelete: 'cascade' }),
    /** Null for what the system did (an escalation step). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: alertActionKind('kind').notNull(),
    body: text('body'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('safety_alert_actions_alert_idx').on(table.alertId, table.createdAt)],
);

/**
 * Escalation and outcome state of each alert, one row per alert (kept apart from
 * `safety_alerts` so the write path of a post stays one narrow insert).
 * `next_step_at` is when the scheduler must act next; null when nothing is due
 * (claimed, resolved, or every step taken). Deadlines live here, in the
 * database, so a restart or a dead node never loses a step.
 */
export const safetyAlertState = pgTable(
  'safety_alert_state',
  {
    alertId: uuid('alert_id')
      .primaryKey()
      .references(() => safetyAlerts.id, { onDelete: 'cascade' }),
    /** 0: none yet; 1: on-duty staff told; 2: admins told; 3: webhook sent. */
    escalationStep: integer('escalation_step').notNull().default(0),
    nextStepAt: timestamp('next_step_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    firstOutreachAt: timestamp('first_outreach_at', { withTimezone: true }),
    outcome: alertOutcome('outcome'),
    outcomeNote: text('outcome_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    /** True when nobody was on duty as the alert was raised (the writer was told so). */
    raisedWithNobodyOnDuty: boolean('raised_with_nobody_on_duty').notNull().default(false),
  },
  (table) => [index('safety_alert_state_due_idx').on(table.nextStepAt).where(sql`${table.nextStepAt} is not null`)],
);

export const reviewItemKind = pgEnum('review_item_kind', ['elevated', 'second_look', 'worry', 'member_message', 'report']);
export const reviewDecision = pgEnum('review_decision', ['fine', 'needs_outreach', 'raise_to_alert']);

/**
 * The review list: no deadline, a person reads what the assessor was unsure
 * about (`elevated`), a second look at an alert one person closed as not a
 * concern, "I'm worried about this person" reports, and a member's message to
 * the safety team that no open alert covers (`member_message`: written after
 * their alert was resolved, so it must still reach a person).
 */
export const safetyReviewItems = pgTable(
  'safety_review_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: reviewItemKind('kind').notNull(),
    assessmentId: uuid('assessment_id').references(() => riskAssessments.id, { onDelete: 'set null' }),
    alertId: uuid('alert_id').references(() => safetyAlerts.id, { onDelete: 'set null' }),
    contentType: assessedContentType('content_type').notNull(),
    contentId: uuid('content_id').notNull(),
    /** The member the item is about. Staff-only. */
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Who raised a `worry` item, and in their words. Never shown to the subject. */
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reporterWords: text('reporter_words'),
    /** The reporter's day (UTC) for the one-per-target-per-day rule. */
    reportDay: date('report_day'),
    decision: reviewDecision('decision'),
    decisionNote: text('decision_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The alert a `raise_to_alert` decision opened. */
    raisedAlertId: uuid('raised_alert_id').references(() => safetyAlerts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('safety_review_items_open_idx').on(table.createdAt).where(sql`${table.reviewedAt} is null`),
    index('safety_review_items_reporter_idx').on(table.reporterId, table.createdAt),
    // At most one worry per reporter per piece of content per day (Reddit's "Cares" button became a harassment tool).
    uniqueIndex('safety_review_items_worry_once_key').on(table.reporterId, table.contentType, table.contentId, table.reportDay).where(sql`${table.kind} = 'worry'`),
  ],
);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'delivered', 'failed']);

/** Each alert's webhook POST and its attempts (retried with backoff; every attempt recorded). */
export const safetyWebhookDeliveries = pgTable(
  'safety_webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => safetyAlerts.id, { onDelete: 'cascade' }),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Each attempt: { at, status (HTTP code or null), error (a short code, never a body) }. */
    attemptLog: jsonb('attempt_log').$type<Array<{ at: string; status: number | null; error: string | null }>>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('safety_webhook_deliveries_alert_key').on(table.alertId),
    index('safety_webhook_deliveries_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
  ],
);

/** Site-wide settings admins change at run time, one jsonb value per key (validated by zod on read and write). */
export const siteSettings = pgTable('site_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

export const heldDecisionKind = pgEnum('held_decision_kind', ['released', 'kept', 'edit_requested']);

/**
 * What staff decided about held content, and the kind words the writer reads.
 * The newest row per content is the one that stands.
 */
export const heldDecisions = pgTable(
  'held_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contentType: assessedContentType('content_type').notNull(),
    contentId: uuid('content_id').notNull(),
    decision: heldDecisionKind('decision').notNull(),
    /** The content warning staff chose when releasing. */
    contentWarning: text('content_warning'),
    messageToWriter: text('message_to_writer').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('held_decisions_content_idx').on(table.contentType, table.contentId, table.createdAt)],
);
