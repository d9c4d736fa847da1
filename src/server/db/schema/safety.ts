import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgEnum, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CountryDirectory } from '../../../shared/hotlines.js';
import type { Evidence } from '../../../shared/risk.js';
import { users } from './accounts.js';

export const riskLevel = pgEnum('risk_level', ['none', 'low', 'elevated', 'high', 'imminent']);
export const assessedContentType = pgEnum('assessed_content_type', ['post', 'reply', 'message', 'checkin']);
export const alertStatus = pgEnum('alert_status', ['open', 'claimed', 'resolved']);
export const alertReason = pgEnum('alert_reason', ['assessment', 'talk_to_someone', 'review']);
export const supportAction = pgEnum('support_action', ['talk_to_someone', 'safe_for_now']);

/**
 * Every assessment the risk assessor makes, written in the same transaction as
 * the content: level, categories, the evidence spans and the model version, so
 * moderators see why and the model can be audited (DESIGN.md principle 5).
 */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contentType: assessedContentType('content_type').notNull(),
    contentId: uuid('content_id').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    level: riskLevel('level').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull().default([]),
    score: real('score').notNull(),
    modelVersion: text('model_version').notNull(),
    /** True when the author's rising history raised the level (layer 3). */
    raisedByHistory: boolean('raised_by_history').notNull().default(false),
    /** The writer folded the support card away; until then it stays with their content on every device. */
    cardFoldedAt: timestamp('card_folded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('risk_assessments_author_idx').on(table.authorId, table.createdAt),
    index('risk_assessments_content_idx').on(table.contentType, table.contentId),
  ],
);

/**
 * A safety alert: a human must look, by `deadline_at`. Created in the same
 * transaction as the content that raised it, so it can never be lost.
 */
export const safetyAlerts = pgTable(
  'safety_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reason: alertReason('reason').notNull(),
    assessmentId: uuid('assessment_id').references(() => riskAssessments.id, { onDelete: 'set null' }),
    contentType: assessedContentType('content_type'),
    contentId: uuid('content_id'),
    /** The member at risk. Staff-only; never presented where anonymity applies. */
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    level: riskLevel('level').notNull(),
    status: alertStatus('status').notNull().default('open'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [index('safety_alerts_open_idx').on(table.status, table.deadlineAt)],
);

/** What a member pressed on their support card: "Talk to someone now" or "I'm safe for now". */
export const supportResponses = pgTable('support_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  assessmentId: uuid('assessment_id').references(() => riskAssessments.id, { onDelete: 'set null' }),
  action: supportAction('action').notNull(),
  alertId: uuid('alert_id').references(() => safetyAlerts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The crisis line directory, seeded from the project's checked data and editable by admins. */
export const hotlineCountries = pgTable('hotline_countries', {
  countryCode: text('country_code').primaryKey(),
  entry: jsonb('entry').$type<CountryDirectory>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});
