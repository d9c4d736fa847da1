import { and, eq, sql } from 'drizzle-orm';
import { MODERATION_LIVE, QUEUE_ESCALATION_HOURS, type QueueItemKind, type ReportTarget } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { moderationItems, reports } from '../../db/schema/index.js';
import { userChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';
import { queueAudience } from './audience.js';
import { addNotice } from './notices.js';

export interface RaiseQueueItem {
  kind: QueueItemKind;
  targetType: ReportTarget;
  targetId: string;
  subjectId: string | null;
  /** Null: a site-wide item (a member, a message), for global moderators only. */
  groupId: string | null;
  /** A report reason or an automod rule kind. */
  reason: string;
  severity: number;
  automodRuleId?: string | null;
  now: Date;
}

/**
 * Puts a target in the queue, or gathers a new reason on its open item (one
 * open item per target): the severity is the worst so far, the age the first.
 * Call inside the write's transaction; announce the returned events after it
 * commits. Returns the item id.
 */
export async function raiseQueueItem(tx: Database, live: LiveHub, input: RaiseQueueItem): Promise<{ itemId: string; created: boolean; events: LiveEvent[] }> {
  const escalateAt = input.groupId ? new Date(input.now.getTime() + QUEUE_ESCALATION_HOURS * 3600_000) : null;
  const [row] = await tx
    .insert(moderationItems)
    .values({
      kind: input.kind,
      targetType: input.targetType,
      targetId: input.targetId,
      subjectId: input.subjectId,
      groupId: input.groupId,
      severity: input.severity,
      reasons: [input.reason],
      automodRuleId: input.automodRuleId ?? null,
      escalateAt,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [moderationItems.targetType, moderationItems.targetId],
      targetWhere: sql`${moderationItems.status} = 'open'`,
      set: {
        severity: sql`greatest(${moderationItems.severity}, excluded.severity)`,
        reasons: sql`case when ${input.reason} = any(${moderationItems.reasons}) then ${moderationItems.reasons} else array_append(${moderationItems.reasons}, ${input.reason}::text) end`,
        automodRuleId: sql`coalesce(${moderationItems.automodRuleId}, excluded.automod_rule_id)`,
        updatedAt: input.now,
      },
    })
    .returning({ id: moderationItems.id, createdAt: moderationItems.createdAt });
  const itemId = row!.id;
  const events = await announceQueueChange(tx, live, { id: itemId, groupId: input.groupId, subjectId: input.subjectId });
  return { itemId, created: row!.createdAt.getTime() === input.now.getTime(), events };
}

/** Records a queue-changed event on each moderator's channel who can see this item. */
export async function announceQueueChange(tx: Database, live: LiveHub, item: { id: string; groupId: string | null; subjectId: string | null }): Promise<LiveEvent[]> {
  const audience = await queueAudience(tx, item.groupId, item.subjectId);
  // One after another: a transaction is one connection, and pg must not be handed two queries at once.
  const events: LiveEvent[] = [];
  for (const userId of audience) events.push(await live.record(tx, userChannel(userId), MODERATION_LIVE.queueChanged, { itemId: item.id }));
  return events;
}

export interface ResolveItem {
  itemId: string;
  resolvedBy: string | null;
  /** The action taken, or null when dismissed with no action. */
  actionId: string | null;
  /** What each reporter reads, in plain words: never who was sanctioned, or for how long. */
  outcomeForReporters: string;
  now: Date;
}

/**
 * Closes an open item: its reports are marked actioned or dismissed with the
 * outcome, and each reporter gets a notice. Returns the live events to announce
 * after commit; nothing when the item was already resolved (exactly once).
 */
export async function resolveQueueItem(tx: Database, live: LiveHub, input: ResolveItem): Promise<LiveEvent[]> {
  const [item] = await tx
    .update(moderationItems)
    .set({ status: 'resolved', resolvedAt: input.now, resolvedBy: input.resolvedBy, resolvedByActionId: input.actionId, updatedAt: input.now })
    .where(and(eq(moderationItems.id, input.itemId), eq(moderationItems.status, 'open')))
    .returning({ id: moderationItems.id, groupId: moderationItems.groupId, subjectId: moderationItems.subjectId });
  if (!item) return [];
  const closed = await tx
    .update(reports)
    .set({ status: input.actionId ? 'actioned' : 'dismissed', outcome: input.outcomeForReporters, resolvedAt: input.now })
    .where(and(eq(reports.itemId, item.id), eq(reports.status, 'open')))
    .returning({ id: reports.id, reporterId: reports.reporterId });
  const events = await announceQueueChange(tx, live, item);
  for (const report of closed) events.push(await addNotice(tx, live, { userId: report.reporterId, kind: 'report_outcome', reportId: report.id, now: input.now }));
  return events;
}
