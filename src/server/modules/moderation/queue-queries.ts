import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { openJoinedBody } from '../../crypto/message-body.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import { automodRules, groups, messages, moderationItems, posts, replies, reports, users } from '../../db/schema/index.js';
import { badRequest } from '../../http/errors.js';
import { isSortKey, sortKeyText } from '../feeds/cursor.js';

/** The queue's keyset: severity desc, escalated first (global viewers), then oldest; resolved ones newest first. */
const queueCursorSchema = z.object({ s: z.number().int().min(0).max(100), e: z.number().int().min(0).max(1), t: z.string().max(40), id: z.uuid() });
export type QueueCursor = z.infer<typeof queueCursorSchema>;

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeQueueCursor(raw: string | undefined): QueueCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const cursor = queueCursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    // The feeds' strict check: Date.parse accepts 30 February and year 0, which PostgreSQL refuses (a 500).
    if (!isSortKey(cursor.t)) throw new Error('bad sort key');
    return cursor;
  } catch {
    throw badRequest('"cursor" is not a cursor this server gave out.', 'cursor', 'invalid_field');
  }
}

const targetPost = alias(posts, 'target_post');
const targetReply = alias(replies, 'target_reply');
const targetMessage = alias(messages, 'target_message');
const targetMember = alias(users, 'target_member');

export interface QueueFilter {
  viewerId: string;
  scope: 'all' | string[];
  status: 'open' | 'resolved';
  groupId?: string | undefined;
  /** Global viewers see escalated items first within a severity. */
  escalatedFirst: boolean;
  cursor?: QueueCursor | undefined;
  limit: number;
}

/** Items in the viewer's scope; never one about the viewer (the reported member never reads who reported). */
export function inScope(scope: 'all' | string[], viewerId: string): SQL {
  const notAboutViewer = or(isNull(moderationItems.subjectId), ne(moderationItems.subjectId, viewerId))!;
  if (scope === 'all') return notAboutViewer;
  if (scope.length === 0) return sql`false`;
  return and(inArray(moderationItems.groupId, scope), notAboutViewer)!;
}

const itemFields = (escalatedFirst: boolean) => ({
  item: moderationItems,
  group: { slug: groups.slug, name: groups.name },
  automodRule: automodRules.name,
  reportCount: sql<number>`(select count(*)::int from reports rc where rc.item_id = ${moderationItems.id})`,
  escRank: escalatedFirst ? sql<number>`(case when ${moderationItems.escalatedAt} is not null then 1 else 0 end)` : sql<number>`0::int`,
  createdKey: sortKeyText(moderationItems.createdAt),
  resolvedKey: sortKeyText(moderationItems.resolvedAt),
  post: { title: targetPost.title, body: targetPost.body },
  reply: { body: targetReply.body },
  // Sealed at rest: opened in code (`opened`) through the one function.
  message: { id: targetMessage.id, bodySealed: targetMessage.bodySealed, keyId: targetMessage.keyId, legacyBody: targetMessage.body },
  memberHandle: targetMember.handle,
});

/** The items with their group, automod rule and the target's words (for the excerpt). */
function fromItems(db: Database, escalatedFirst: boolean) {
  return db
    .select(itemFields(escalatedFirst))
    .from(moderationItems)
    .leftJoin(groups, eq(groups.id, moderationItems.groupId))
    .leftJoin(automodRules, eq(automodRules.id, moderationItems.automodRuleId))
    .leftJoin(targetPost, and(eq(moderationItems.targetType, 'post'), eq(targetPost.id, moderationItems.targetId)))
    .leftJoin(targetReply, and(eq(moderationItems.targetType, 'reply'), eq(targetReply.id, moderationItems.targetId)))
    .leftJoin(targetMessage, and(eq(moderationItems.targetType, 'message'), eq(targetMessage.id, moderationItems.targetId)))
    .leftJoin(targetMember, and(eq(moderationItems.targetType, 'member'), eq(targetMember.id, moderationItems.targetId)))
    .$dynamic();
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof fromItems>['where']>>[number];

function opened(keys: MessageKeyring, rows: SelectedRow[]) {
  return rows.map(({ message, ...row }) => ({ ...row, message: message ? { body: openJoinedBody(keys, message) } : null }));
}

export async function listQueue(db: Database, keys: MessageKeyring, filter: QueueFilter) {
  const fields = itemFields(filter.escalatedFirst);
  const cursor = filter.cursor;
  const keyset = !cursor
    ? undefined
    : filter.status === 'open'
      ? sql`(-${moderationItems.severity}, -${fields.escRank}, ${moderationItems.createdAt}, ${moderationItems.id}) > (${-cursor.s}, ${-cursor.e}, ${cursor.t}::timestamptz, ${cursor.id}::uuid)`
      : sql`(${moderationItems.resolvedAt}, ${moderationItems.id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
  const order =
    filter.status === 'open'
      ? [desc(moderationItems.severity), desc(fields.escRank), asc(moderationItems.createdAt), asc(moderationItems.id)]
      : [desc(moderationItems.resolvedAt), desc(moderationItems.id)];
  const rows = await fromItems(db, filter.escalatedFirst)
    .where(
      and(
        eq(moderationItems.status, filter.status),
        filter.status === 'resolved' ? isNotNull(moderationItems.resolvedAt) : undefined,
        inScope(filter.scope, filter.viewerId),
        filter.groupId ? eq(moderationItems.groupId, filter.groupId) : undefined,
        keyset,
      ),
    )
    .orderBy(...order)
    .limit(filter.limit);
  return opened(keys, rows);
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

/** One item in the viewer's scope, with what the list shows; undefined outside it (the same as missing). */
export async function findQueueItem(db: Database, keys: MessageKeyring, itemId: string, viewerId: string, scope: 'all' | string[], escalatedFirst: boolean): Promise<QueueRow | undefined> {
  const rows = await fromItems(db, escalatedFirst)
    .where(and(eq(moderationItems.id, itemId), inScope(scope, viewerId)))
    .limit(1);
  return opened(keys, rows)[0];
}

/** How many reports gave each reason, per item. */
export async function reasonCounts(db: Database, itemIds: string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .select({ itemId: reports.itemId, reason: reports.reason, n: sql<number>`count(*)::int` })
    .from(reports)
    .where(inArray(reports.itemId, itemIds))
    .groupBy(reports.itemId, reports.reason);
  for (const row of rows) {
    const counts = out.get(row.itemId) ?? new Map<string, number>();
    counts.set(row.reason, row.n);
    out.set(row.itemId, counts);
  }
  return out;
}

export async function groupIdBySlug(db: Database, slug: string): Promise<string | undefined> {
  const [row] = await db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug)).limit(1);
  return row?.id;
}

export async function groupsByIds(db: Database, ids: 'all' | string[]) {
  if (ids !== 'all' && ids.length === 0) return [];
  return db
    .select({ slug: groups.slug, name: groups.name })
    .from(groups)
    .where(ids === 'all' ? undefined : inArray(groups.id, ids))
    .orderBy(asc(groups.name));
}
