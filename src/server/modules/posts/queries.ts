import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import { groupMembers, groups, posts, reactions, replies, revisions, riskAssessments, threadAliases, users } from '../../db/schema/index.js';

export type PostRow = Omit<typeof posts.$inferSelect, 'search'>;
export type ReplyRow = Omit<typeof replies.$inferSelect, 'search'>;

const postAlias = alias(threadAliases, 'post_alias');

/** Every column but the full-text `search` vector, which only search reads (it is as big as the text). */
const { search: _postSearch, ...postColumns } = getTableColumns(posts);
const { search: _replySearch, ...replyColumns } = getTableColumns(replies);
export { postColumns, replyColumns };
const viewer = sql.placeholder('viewerId');

/** Either member blocked the other. */
const blockedBetween = (authorColumn: typeof posts.authorId | typeof replies.authorId) =>
  sql<boolean>`exists (select 1 from blocks b where (b.blocker_id = ${viewer} and b.blocked_id = ${authorColumn}) or (b.blocker_id = ${authorColumn} and b.blocked_id = ${viewer}))`;

/** What every thread read needs to know about the post and the viewer's relation to it. */
const threadHeadFields = {
  post: postColumns,
  group: { id: groups.id, slug: groups.slug, name: groups.name, visibility: groups.visibility, showReactionCounts: groups.showReactionCounts, archivedAt: groups.archivedAt },
  membership: { status: groupMembers.status, role: groupMembers.role },
  authorHandle: users.handle,
  authorRole: users.role,
  alias: postAlias.alias,
  muted: sql<boolean>`exists (select 1 from mutes m where m.user_id = ${viewer} and m.target_type = 'post' and m.target_id = ${posts.id})`,
  blocked: blockedBetween(posts.authorId),
};

function buildThreadHead(db: Database, name: string) {
  return db
    .select(threadHeadFields)
    .from(posts)
    .innerJoin(groups, eq(groups.id, posts.groupId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, posts.groupId), eq(groupMembers.userId, viewer)))
    .leftJoin(postAlias, and(eq(postAlias.postId, posts.id), eq(postAlias.userId, posts.authorId)))
    .where(eq(posts.id, sql.placeholder('postId')))
    .limit(1)
    .prepare(name);
}

export type ThreadHead = NonNullable<Awaited<ReturnType<ReturnType<typeof buildThreadHead>['execute']>>[number]>;

export async function findThreadHead(db: Database, postId: string, viewerId: string): Promise<ThreadHead | undefined> {
  const [row] = await prepared(db, 'thread_head', buildThreadHead).execute({ postId, viewerId });
  return row;
}

export interface ReplyWithAuthor {
  reply: ReplyRow;
  authorHandle: string;
  authorRole: (typeof users.$inferSelect)['role'];
  alias: string | null;
}

export interface ThreadReply extends ReplyWithAuthor {
  blocked: boolean;
}

export interface ReactionRow {
  contentType: 'post' | 'reply';
  contentId: string;
  userId: string;
  kind: 'hug' | 'me_too' | 'strength' | 'thanks';
  handle: string;
}

export async function insertPost(db: Database, values: typeof posts.$inferInsert): Promise<PostRow> {
  const [row] = await db.insert(posts).values(values).returning(postColumns);
  return row!;
}

export async function insertReply(db: Database, values: typeof replies.$inferInsert): Promise<ReplyRow> {
  const [row] = await db.insert(replies).values(values).returning(replyColumns);
  return row!;
}

/**
 * `shown(id, post_id)`: the replies of the posts chosen by `which` that the
 * thread shows to every reader, the visible ones and every reply above one
 * (shown.ts is the same rule, and says why). Walked up from the visible replies
 * by primary key; UNION stops where two paths meet.
 */
function shownRepliesCte(which: SQL) {
  return sql`shown(id, parent_id, post_id) as (
      select v.id, v.parent_id, v.post_id from replies v where v.post_id in (${which}) and v.status = 'visible'
      union
      select a.id, a.parent_id, a.post_id from replies a join shown s on a.id = s.parent_id
    )`;
}

/**
 * Whether the thread shows this reply to every reader (see `shownRepliesCte`):
 * for a reply that is not visible, whether a visible reply hangs somewhere below
 * it. Walked down by post first, where the index is.
 */
export async function isReplyShown(db: Database, reply: Pick<ReplyRow, 'id' | 'postId' | 'status'>): Promise<boolean> {
  if (reply.status === 'visible') return true;
  const [row] = await db
    .select({
      shown: sql<boolean>`exists (
        with recursive below(id, status) as (
          select c.id, c.status from replies c where c.post_id = ${reply.postId} and c.parent_id = ${reply.id}
          union
          select c.id, c.status from replies c join below b on c.parent_id = b.id where c.post_id = ${reply.postId}
        )
        select 1 from below where status = 'visible')`,
    })
    .from(replies)
    .where(eq(replies.id, reply.id));
  return row?.shown === true;
}

/**
 * A reply answers the post when it is visible and shown under another identity
 * than the post's: someone else, or the author under another identity (an
 * anonymous post answered under their handle, or the reverse). To readers that
 * reply is indistinguishable from someone else's, so treating it otherwise would
 * unmask the author. A reply under the same identity (same alias, same handle)
 * is visibly the author's and does not answer. The Hearth Safety account's
 * automatic reply never answers: a person still must.
 */
export function answersPost(post: { authorId: string; anonymous: boolean }, reply: { authorId: string; anonymous: boolean; status: string; automatic?: boolean }): boolean {
  return reply.status === 'visible' && reply.automatic !== true && (reply.authorId !== post.authorId || reply.anonymous !== post.anonymous);
}
const ANSWERS_POST = sql.raw(`r.status = 'visible' and not r.automatic and (r.author_id <> p.author_id or r.anonymous <> p.anonymous)`);

/**
 * A new shown reply bumps the thread's counters: reply count, last activity, and
 * (when it answers the post, see `answersPost`) answered_at.
 *
 * These columns are a cache of the replies table. They are updated in their own
 * short transaction AFTER the reply commits, with asynchronous commit: every
 * reply to a busy thread locks the same post row, and holding that lock through
 * the reply's durable commit (a disk flush) would make replies to one thread
 * queue behind each other. If the database crashes in that instant, the reply
 * itself is safe and `repairThreadCounters` recomputes the cache at start.
 * The reply's own created_at is read in SQL: a JS Date would drop its microseconds.
 */
export async function recordReplyOnPost(db: Database, postId: string, replyId: string, answers: boolean): Promise<void> {
  const replyCreatedAt = sql`(select r.created_at from replies r where r.id = ${replyId})`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit to off`);
    await tx
      .update(posts)
      .set({
        replyCount: sql`${posts.replyCount} + 1`,
        lastActivityAt: sql`greatest(${posts.lastActivityAt}, ${replyCreatedAt})`,
        ...(answers ? { answeredAt: sql`coalesce(${posts.answeredAt}, ${replyCreatedAt})` } : {}),
      })
      .where(eq(posts.id, postId));
  });
}

/**
 * The counters of the posts chosen by `which`, recomputed from the replies they
 * show: a placeholder (removed or held, with a shown reply below it) counts as
 * the thread lists it; a reply not shown moves nothing, or the counters would
 * tell readers about a reply they cannot see.
 */
function recomputeCounters(which: SQL) {
  return sql`
    with recursive ${shownRepliesCte(which)}
    update posts p set
      reply_count = stats.replies,
      last_activity_at = greatest(p.created_at, stats.latest),
      answered_at = stats.first_answer
    from (
      select r.post_id,
             count(s.id)::int as replies,
             max(r.created_at) filter (where s.id is not null) as latest,
             min(r.created_at) filter (where ${ANSWERS_POST}) as first_answer
      from replies r
      join posts p on p.id = r.post_id
      left join shown s on s.id = r.id
      where r.post_id in (${which})
      group by r.post_id
    ) stats
    where p.id = stats.post_id`;
}

/**
 * After a reply changes status (an edit holds or releases it, its author removes
 * it), its thread's counters are recomputed: a released reply moves them then, a
 * newly held one stops showing in them.
 */
export async function recomputeThreadCounters(db: Database, postId: string): Promise<void> {
  await db.execute(recomputeCounters(sql`${postId}::uuid`));
}

/** Recomputes the thread counters of posts with replies since `since` (run at start, after a crash). */
export async function repairThreadCounters(db: Database, since: Date): Promise<void> {
  await db.execute(recomputeCounters(sql`select distinct post_id from replies where created_at > ${since.toISOString()}::timestamptz`));
}

/** Whether the newest assessment of this content (before an edit is assessed anew) found its words `high` or above. */
export async function newestLevelIsHigh(db: Database, contentType: 'post' | 'reply', contentId: string): Promise<boolean> {
  const [row] = await db
    .select({ level: riskAssessments.level, raisedByHistory: riskAssessments.raisedByHistory })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.contentType, contentType), eq(riskAssessments.contentId, contentId)))
    .orderBy(desc(riskAssessments.createdAt), desc(riskAssessments.id))
    .limit(1);
  // The words' own level (the automatic warning follows it): history raises a level below high by one step at most.
  return (row?.level === 'high' || row?.level === 'imminent') && !row.raisedByHistory;
}

export async function findReply(db: Database, replyId: string): Promise<ReplyRow | undefined> {
  const [row] = await db.select(replyColumns).from(replies).where(eq(replies.id, replyId)).limit(1);
  return row;
}

export async function findPost(db: Database, postId: string): Promise<PostRow | undefined> {
  const [row] = await db.select(postColumns).from(posts).where(eq(posts.id, postId)).limit(1);
  return row;
}

export async function updatePost(db: Database, postId: string, values: Partial<typeof posts.$inferInsert>): Promise<void> {
  await db.update(posts).set(values).where(eq(posts.id, postId));
}

export async function updateReply(db: Database, replyId: string, values: Partial<typeof replies.$inferInsert>): Promise<void> {
  await db.update(replies).set(values).where(eq(replies.id, replyId));
}

export async function insertRevision(db: Database, values: typeof revisions.$inferInsert): Promise<void> {
  await db.insert(revisions).values(values);
}

export async function listRevisions(db: Database, contentType: 'post' | 'reply', contentId: string) {
  return db
    .select()
    .from(revisions)
    .where(and(eq(revisions.contentType, contentType), eq(revisions.contentId, contentId)))
    .orderBy(asc(revisions.replacedAt));
}

export async function addReaction(db: Database, values: typeof reactions.$inferInsert): Promise<void> {
  await db.insert(reactions).values(values).onConflictDoNothing();
}

export async function removeReaction(db: Database, contentType: 'post' | 'reply', contentId: string, userId: string, kind: ReactionRow['kind']): Promise<void> {
  await db
    .delete(reactions)
    .where(and(eq(reactions.contentType, contentType), eq(reactions.contentId, contentId), eq(reactions.userId, userId), eq(reactions.kind, kind)));
}

export async function reactionsOn(db: Database, contentType: 'post' | 'reply', contentIds: string[]): Promise<ReactionRow[]> {
  if (contentIds.length === 0) return [];
  return db
    .select({ contentType: reactions.contentType, contentId: reactions.contentId, userId: reactions.userId, kind: reactions.kind, handle: users.handle })
    .from(reactions)
    .innerJoin(users, eq(users.id, reactions.userId))
    .where(and(eq(reactions.contentType, contentType), inArray(reactions.contentId, contentIds)))
    .orderBy(asc(reactions.createdAt));
}

