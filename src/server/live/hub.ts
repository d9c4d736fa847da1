import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { liveEvents } from '../db/schema/index.js';
import type { PubSub } from './pubsub.js';

/** Where fan-out problems are reported: event ids and types only, never payloads or channels (they name members). */
export interface LiveLog {
  warn(details: Record<string, unknown>, message: string): void;
}

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
/** On a member's own channel: their role changed, so every node re-reads what their open sockets may hear. */
export const ROLE_CHANGED_EVENT = 'account.role_changed';

/**
 * Writes live events as rows and announces them. Call `record` inside the
 * transaction that makes the change, and `announce` after it commits, so a push
 * never describes something that was rolled back. Announcing is best effort and
 * never throws: the change is already committed and its row is what sockets
 * replay, so a Redis outage must not turn a committed write into an error.
 */
export class LiveHub {
  constructor(
    private readonly db: Database,
    readonly pubsub: PubSub,
    private readonly log: LiveLog = { warn: () => undefined },
  ) {}

  async record(db: Database, channel: string, type: string, payload: Record<string, unknown>): Promise<LiveEvent> {
    const [row] = await db.insert(liveEvents).values({ channel, type, payload }).returning();
    return { id: row!.id, channel, type, payload, createdAt: row!.createdAt.toISOString() };
  }

  private readonly announced: ((events: LiveEvent[]) => void)[] = [];

  /** Hears every batch this node announces, after its commit (the push dispatcher: pushes follow the write). */
  onAnnounce(listener: (events: LiveEvent[]) => void): void {
    this.announced.push(listener);
  }

  async announce(events: LiveEvent[]): Promise<void> {
    for (const listener of this.announced) {
      try {
        listener(events);
      } catch {
        // A listener's trouble is its own: the write is committed and its events still go out.
      }
    }
    await Promise.all(
      events.map(async (event) => {
        const sent = await this.pubsub.publish(event.channel, JSON.stringify(event)).catch(() => false);
        if (!sent) this.log.warn({ eventId: event.id, eventType: event.type }, 'live event not fanned out to other nodes now (Redis unreachable); it will be re-sent and replayed');
      }),
    );
  }

  /** Records and announces at once, for changes made outside a transaction. */
  async emit(channel: string, type: string, payload: Record<string, unknown>): Promise<LiveEvent> {
    const event = await this.record(this.db, channel, type, payload);
    await this.announce([event]);
    return event;
  }

  /**
   * The newest event id on any channel (0 when there are none). What a thread or group subscription is answered
   * with: a channel's own newest id would move for rows a reader is never sent (a held reply, a blocked member's)
   * and so tell them something happened there.
   */
  async newestId(): Promise<number> {
    const [row] = await this.db.select({ id: sql<number>`coalesce(max(${liveEvents.id}), 0)::int` }).from(liveEvents);
    return row?.id ?? 0;
  }

  /**
   * The oldest event id still kept: a resume from before it may have missed pruned events. With none kept, the id
   * the next event will take (everything before it may have been pruned).
   */
  async oldestKeptId(): Promise<number> {
    const [row] = await this.db
      .select({
        id: sql<number>`coalesce(min(${liveEvents.id}), (select case when is_called then last_value + 1 else last_value end from live_events_id_seq), 0)::int`,
      })
      .from(liveEvents);
    return row?.id ?? 0;
  }

  /** The newest event id on these channels (0 when there are none). */
  async latestId(channels: string[]): Promise<number> {
    const [row] = await this.db
      .select({ id: sql<number>`coalesce(max(${liveEvents.id}), 0)::int` })
      .from(liveEvents)
      .where(inArray(liveEvents.channel, channels));
    return row?.id ?? 0;
  }

  /**
   * Everything a reconnecting client missed, oldest first, one page at a time:
   * an outage can leave more than one page, and stopping at the first would
   * silently drop the rest (a moderator would never get those alerts).
   */
  async *pagesSince(channels: string[], afterId: number, pageSize = 500): AsyncGenerator<LiveEvent[]> {
    let after = afterId;
    for (;;) {
      const page = await this.since(channels, after, pageSize);
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      after = page[page.length - 1]!.id;
    }
  }

  /** One page of what a reconnecting client missed, oldest first (see `pagesSince` for all of it). */
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
