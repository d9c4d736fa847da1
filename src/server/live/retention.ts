import { asc, sql } from 'drizzle-orm';
import { rowsOf } from '../db/database.js';
import type { Database } from '../db/index.js';
import { liveEvents } from '../db/schema/index.js';

/**
 * How long live events are kept. They are a replay buffer for sockets that were away (a phone asleep, a node
 * restarted), not a record: every message, notification and alert they point at is its own row. A tab away for
 * longer reloads what it shows. Without a limit the table grows with every reply and reaction, for ever.
 */
export const LIVE_EVENTS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
/** Rows one round deletes, so a round is short and a backlog is cleared over a few ticks. */
export const LIVE_EVENTS_PRUNE_BATCH = 5_000;

/**
 * Deletes the oldest live events past `LIVE_EVENTS_KEPT_MS`, one batch. Ids grow with time, so the oldest rows
 * are the first by id: one glance at the very first row says whether there is anything to do, and a batch reads
 * only the first rows by the primary key. Rows another node is deleting are skipped, not waited for.
 */
export async function pruneLiveEvents(db: Database, now: Date): Promise<{ deleted: number; more: boolean }> {
  const cutoff = new Date(now.getTime() - LIVE_EVENTS_KEPT_MS);
  const [oldest] = await db.select({ createdAt: liveEvents.createdAt }).from(liveEvents).orderBy(asc(liveEvents.id)).limit(1);
  if (!oldest || oldest.createdAt >= cutoff) return { deleted: 0, more: false };
  const deleted = await db.execute(sql`
    with doomed as (select id from live_events order by id limit ${LIVE_EVENTS_PRUNE_BATCH} for update skip locked)
    delete from live_events l using doomed
    where l.id = doomed.id and l.created_at < ${cutoff.toISOString()}::timestamptz
    returning l.id`);
  const count = rowsOf(deleted).length;
  return { deleted: count, more: count === LIVE_EVENTS_PRUNE_BATCH };
}
