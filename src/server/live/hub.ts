import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { liveEvents } from '../db/schema/index.js';
import type { PubSub } from './pubsub.js';

export interface LiveEvent {
  id: number;
  channel: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export const userChannel = (userId: string) => `user:${userId}`;
/** Safety alerts for on-duty staff (moderators and admins). */
export const staffChannel = 'staff:safety';

/**
 * Writes live events as rows and announces them. Call `record` inside the
 * transaction that makes the change, and `announce` after it commits, so a push
 * never describes something that was rolled back.
 */
export class LiveHub {
  constructor(
    private readonly db: Database,
    readonly pubsub: PubSub,
  ) {}

  async record(db: Database, channel: string, type: string, payload: Record<string, unknown>): Promise<LiveEvent> {
    const [row] = await db.insert(liveEvents).values({ channel, type, payload }).returning();
    return { id: row!.id, channel, type, payload, createdAt: row!.createdAt.toISOString() };
  }

  async announce(events: LiveEvent[]): Promise<void> {
    await Promise.all(events.map((event) => this.pubsub.publish(event.channel, JSON.stringify(event))));
  }

  /** Records and announces at once, for changes made outside a transaction. */
  async emit(channel: string, type: string, payload: Record<string, unknown>): Promise<LiveEvent> {
    const event = await this.record(this.db, channel, type, payload);
    await this.announce([event]);
    return event;
  }

  /** The newest event id on these channels (0 when there are none). */
  async latestId(channels: string[]): Promise<number> {
    const [row] = await this.db
      .select({ id: sql<number>`coalesce(max(${liveEvents.id}), 0)::int` })
      .from(liveEvents)
      .where(inArray(liveEvents.channel, channels));
    return row?.id ?? 0;
  }

  /** What a reconnecting client missed, oldest first. */
  async since(channels: string[], afterId: number, limit = 500): Promise<LiveEvent[]> {
    if (channels.length === 0) return [];
    const rows = await this.db
      .select()
      .from(liveEvents)
      .where(and(inArray(liveEvents.channel, channels), gt(liveEvents.id, afterId)))
      .orderBy(asc(liveEvents.id))
      .limit(limit);
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }
}
