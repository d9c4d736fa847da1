import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { MODERATION_LIVE, QUEUE_ESCALATION_HOURS } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { moderationItems } from '../../db/schema/index.js';
import { userChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';
import { recordAudit } from '../audit/record.js';
import { globalModerators } from './audience.js';

/** Items one round claims; the scheduler runs rounds until none are left (bounded per tick). */
export const QUEUE_ESCALATION_BATCH = 50;

export interface QueueEscalationRound {
  escalated: string[];
  events: LiveEvent[];
  /** A full batch was taken: more may be due. */
  more: boolean;
}

/**
 * Items a group's moderators left open for 72 hours go up to the global
 * moderators, exactly once across nodes: each round claims due rows with
 * FOR UPDATE SKIP LOCKED and sets `escalated_at` in the same transaction, so a
 * racing node skips them (and finds them escalated once it can see them) and a
 * crash before commit leaves them due. Announce the returned events after.
 */
export async function escalateQueueItems(db: Database, live: LiveHub, now: Date): Promise<QueueEscalationRound> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: moderationItems.id, subjectId: moderationItems.subjectId })
      .from(moderationItems)
      .where(and(eq(moderationItems.status, 'open'), isNull(moderationItems.escalatedAt), lte(moderationItems.escalateAt, now)))
      .orderBy(asc(moderationItems.escalateAt), asc(moderationItems.id))
      .limit(QUEUE_ESCALATION_BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return { escalated: [], events: [], more: false };
    const ids = due.map((row) => row.id);
    // Re-checked in the update: a row claimed by a node that committed first is no longer due.
    const marked = await tx
      .update(moderationItems)
      .set({ escalatedAt: now, updatedAt: now })
      .where(and(inArray(moderationItems.id, ids), isNull(moderationItems.escalatedAt), eq(moderationItems.status, 'open')))
      .returning({ id: moderationItems.id, subjectId: moderationItems.subjectId });
    const audience = await globalModerators(tx);
    const events: LiveEvent[] = [];
    for (const row of marked) {
      await recordAudit(tx, { actorId: null, action: 'moderation.escalated', targetType: 'moderation_item', targetId: row.id, details: { afterHours: QUEUE_ESCALATION_HOURS } });
      for (const userId of audience) {
        // The member the item is about never hears of it, even when they moderate.
        if (userId === row.subjectId) continue;
        events.push(await live.record(tx, userChannel(userId), MODERATION_LIVE.queueChanged, { itemId: row.id }));
      }
    }
    return { escalated: marked.map((row) => row.id), events, more: due.length === QUEUE_ESCALATION_BATCH };
  });
}
