import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { conversationParticipants, messages, replies, reports, users } from '../../db/schema/index.js';
import { sortKeyText, type Cursor } from '../feeds/cursor.js';

export type ReportRow = typeof reports.$inferSelect;

/** A member's reports since `since` (the hourly limit, counted from the table so every node agrees). */
export async function countReportsSince(db: Database, reporterId: string, since: Date): Promise<{ n: number; oldest: Date | null }> {
  const [row] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${reports.createdAt})` })
    .from(reports)
    .where(and(eq(reports.reporterId, reporterId), gt(reports.createdAt, since)));
  return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function findOpenReport(db: Database, reporterId: string, targetType: ReportRow['targetType'], targetId: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.reporterId, reporterId), eq(reports.targetType, targetType), eq(reports.targetId, targetId), eq(reports.status, 'open')))
    .limit(1);
  return row;
}

/** One page of the reporter's own reports, newest first, older than `cursor` when given. */
export async function listOwnReports(db: Database, reporterId: string, cursor: Cursor | undefined, limit: number) {
  return db
    .select({ report: reports, sortKey: sortKeyText(reports.createdAt) })
    .from(reports)
    .where(
      and(
        eq(reports.reporterId, reporterId),
        cursor ? sql`(${reports.createdAt}, ${reports.id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit);
}

/** Facts to describe reported targets: post titles and statuses, replies' posts, handles, message participation. */
export async function targetFacts(db: Database, viewerId: string, rows: Pick<ReportRow, 'targetType' | 'targetId'>[]) {
  const ids = (type: ReportRow['targetType']) => [...new Set(rows.filter((row) => row.targetType === type).map((row) => row.targetId))];
  const replyIds = ids('reply');
  const replyRows = replyIds.length
    ? await db.select({ id: replies.id, postId: replies.postId, status: replies.status, authorId: replies.authorId, anonymous: replies.anonymous }).from(replies).where(inArray(replies.id, replyIds))
    : [];
  const memberIds = ids('member');
  const memberRows = memberIds.length ? await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.id, memberIds)) : [];
  const messageIds = ids('message');
  const messageRows = messageIds.length
    ? await db
        .select({ id: messages.id, status: messages.status })
        .from(messages)
        .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, messages.conversationId), eq(conversationParticipants.userId, viewerId)))
        .where(inArray(messages.id, messageIds))
    : [];
  return {
    replies: new Map(replyRows.map((row) => [row.id, row])),
    members: new Map(memberRows.map((row) => [row.id, row.handle])),
    messages: new Map(messageRows.map((row) => [row.id, row.status])),
    postIds: [...new Set([...ids('post'), ...replyRows.map((row) => row.postId)])],
  };
}
