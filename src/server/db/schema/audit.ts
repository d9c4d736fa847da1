import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who did what to whom, for staff review. Append-only, enforced in the
 * database: a trigger refuses UPDATE, DELETE and TRUNCATE (migration 0006), so
 * not even the app's own connection can rewrite history. The actor is kept as
 * a plain id (no foreign-key action, which would be an UPDATE the trigger refuses).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_log_created_at_idx').on(table.createdAt),
    index('audit_log_action_idx').on(table.action, table.createdAt),
    index('audit_log_target_idx').on(table.targetType, table.targetId),
  ],
);
