import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { and, desc, eq, gt, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { REPORT_REASON_LABELS } from '../../../shared/api/moderation.js';
import { type MemberHistory, type QueueItemDetailResponse } from '../../../shared/api/moderation-queue.js';
import { openMessageBody } from '../../crypto/message-body.js';
import { storedBodyColumns } from '../../crypto/message-columns.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import { automodRules, groups, messages, moderationActions, moderationItems, reports, sanctions, threadAliases, users } from '../../db/schema/index.js';
import { presentAuthor } from '../posts/presenters.js';
import { findPost, findReply } from '../posts/queries.js';
import type { QueueRow } from './queue-queries.js';

type Content = QueueItemDetailResponse['content'];
const HISTORY_LIMIT = 20;

async function authorFacts(db: Database, postId: string, authorId: string, anonymous: boolean) {
  const [user] = await db.select({ handle: users.handle, role: users.role }).from(users).where(eq(users.id, authorId)).limit(1);
  const [alias] = anonymous
    ? await db.select({ alias: threadAliases.alias }).from(threadAliases).where(and(eq(threadAliases.postId, postId), eq(threadAliases.userId, authorId))).limit(1)
    : [];
  return { authorId, anonymous, handle: user?.handle ?? '', role: user?.role ?? 'member', alias: alias?.alias ?? null };
}

/**
 * The content in full as staff see it. The author goes through the posts
 * presenter: for anonymous content, the thread's alias and nothing else.
 */
export async function itemContent(db: Database, keys: MessageKeyring, row: QueueRow, viewerId: string): Promise<Content> {
  const { targetType: type, targetId: id } = row.item;
  const empty: Content = { type, id, title: null, body: null, contentWarning: null, status: null, lockedAt: null, link: null, author: null, handle: null, anonymous: false };
  const viewer = { id: viewerId, isStaff: true };
  if (type === 'post') {
    const post = await findPost(db, id);
    if (!post) return empty;
    const author = presentAuthor(await authorFacts(db, post.id, post.authorId, post.anonymous), viewer);
    return { ...empty, title: post.title, body: post.body, contentWarning: post.contentWarning, status: post.status, lockedAt: post.lockedAt?.toISOString() ?? null, link: `/posts/${post.id}`, author, anonymous: post.anonymous };
  }
  if (type === 'reply') {
    const reply = await findReply(db, id);
    if (!reply) return empty;
    const author = presentAuthor(await authorFacts(db, reply.postId, reply.authorId, reply.anonymous), viewer);
    return { ...empty, body: reply.body, contentWarning: reply.contentWarning, status: reply.status, link: `/posts/${reply.postId}?reply=${reply.id}`, author, anonymous: reply.anonymous };
  }
  if (type === 'message') {
    const [message] = await db
      .select({ stored: storedBodyColumns(), status: messages.status, handle: users.handle })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.senderId))
      .where(eq(messages.id, id))
      .limit(1);
    return message ? { ...empty, body: openMessageBody(keys, message.stored), status: message.status, handle: message.handle } : empty;
  }
  const handle = row.memberHandle;
  return { ...empty, handle, link: handle ? `/members/${handle}` : null };
}

export async function itemReports(db: Database, itemId: string): Promise<QueueItemDetailResponse['reports']> {
  const rows = await db
    .select({ report: reports, reporterHandle: users.handle })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.reporterId))
    .where(eq(reports.itemId, itemId))
    .orderBy(desc(reports.createdAt), desc(reports.id));
  return rows.map(({ report, reporterHandle }) => ({
    reason: report.reason,
    label: REPORT_REASON_LABELS[report.reason],
    details: report.details,
    reporterHandle: reporterHandle ?? null,
    status: report.status,
    createdAt: report.createdAt.toISOString(),
  }));
}

export async function itemAutomodRule(db: Database, ruleId: string | null): Promise<QueueItemDetailResponse['automodRule']> {
  if (!ruleId) return null;
  const [rule] = await db.select({ name: automodRules.name, kind: automodRules.kind }).from(automodRules).where(eq(automodRules.id, ruleId)).limit(1);
  return rule ?? null;
}

/** Anything on anonymous content: its author must stay unlinkable, so a member's history leaves it out. */
export const onAnonymousContent = (typeColumn: AnyPgColumn, idColumn: AnyPgColumn) =>
  sql`((${typeColumn} = 'post' and exists (select 1 from posts ap where ap.id = ${idColumn} and ap.anonymous))
     or (${typeColumn} = 'reply' and exists (select 1 from replies ar where ar.id = ${idColumn} and ar.anonymous)))`;

function inGroups(column: AnyPgColumn, scope: 'all' | string[]): SQL | undefined {
  if (scope === 'all') return undefined;
  return scope.length ? sql`${column} in (${sql.join(scope.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
}

/**
 * The member's history, as far as the viewer moderates (a group moderator:
 * their groups and site-wide sanctions): earlier actions, sanctions in force,
 * reports against them. Never anything about anonymous content.
 */
export async function memberHistory(db: Database, subjectId: string, currentItemId: string, scope: 'all' | string[], now: Date): Promise<MemberHistory> {
  const actions = await db
    .select({ kind: moderationActions.kind, reason: moderationActions.reason, group: groups.name, createdAt: moderationActions.createdAt })
    .from(moderationActions)
    .leftJoin(groups, eq(groups.id, moderationActions.groupId))
    .where(and(eq(moderationActions.subjectId, subjectId), sql`not ${onAnonymousContent(moderationActions.targetType, moderationActions.targetId)}`, inGroups(moderationActions.groupId, scope)))
    .orderBy(desc(moderationActions.createdAt))
    .limit(HISTORY_LIMIT);
  const inForce = await db
    .select({ kind: sanctions.kind, reason: sanctions.reason, group: groups.name, groupId: sanctions.groupId, until: sanctions.until })
    .from(sanctions)
    .leftJoin(groups, eq(groups.id, sanctions.groupId))
    .leftJoin(moderationActions, eq(moderationActions.id, sanctions.actionId))
    .where(
      and(
        eq(sanctions.userId, subjectId),
        isNull(sanctions.liftedAt),
        or(isNull(sanctions.until), gt(sanctions.until, now)),
        // A sanction given on anonymous content would link it to this member's named content.
        sql`not coalesce(${onAnonymousContent(moderationActions.targetType, moderationActions.targetId)}, false)`,
      ),
    );
  const against = await db
    .select({ reason: reports.reason, targetType: reports.targetType, status: reports.status, createdAt: reports.createdAt })
    .from(reports)
    .innerJoin(moderationItems, eq(moderationItems.id, reports.itemId))
    .where(
      and(
        eq(moderationItems.subjectId, subjectId),
        ne(moderationItems.id, currentItemId),
        sql`not ${onAnonymousContent(reports.targetType, reports.targetId)}`,
        inGroups(moderationItems.groupId, scope),
      ),
    )
    .orderBy(desc(reports.createdAt))
    .limit(HISTORY_LIMIT);
  return {
    actions: actions.map((row) => ({ kind: row.kind, reason: row.reason, group: row.group ?? null, createdAt: row.createdAt.toISOString() })),
    sanctions: inForce
      .filter((row) => scope === 'all' || row.groupId === null || scope.includes(row.groupId))
      .map((row) => ({ kind: row.kind, reason: row.reason, group: row.group ?? null, until: row.until?.toISOString() ?? null })),
    reportsAgainst: against.map((row) => ({ reason: row.reason, label: REPORT_REASON_LABELS[row.reason], targetType: row.targetType, status: row.status, createdAt: row.createdAt.toISOString() })),
  };
}
