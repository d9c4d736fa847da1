import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Durable live events. A live event is first a row here; the WebSocket push is a
 * notification of that row. A client that reconnects asks for what it missed
 * since its last event id, so nothing is lost when a socket or a node drops.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('live_events_channel_id_idx').on(table.channel, table.id)],
);
