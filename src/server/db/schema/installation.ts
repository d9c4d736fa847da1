import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The one row that names this installation. Every node on the database reads
 * the same id; it prefixes every Redis channel and key, so two communities that
 * share one Redis never hear each other's events or share rate-limit counts.
 */
export const installation = pgTable(
  'installation',
  {
    // Always true: the primary key allows exactly one row.
    singleton: boolean('singleton').primaryKey().default(true),
    id: uuid('id').notNull().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('installation_singleton', sql`${table.singleton}`)],
);
