import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import { groupMembers, groups, posts, users } from '../../db/schema/index.js';
import { postAlias, threadHeadFields, type ReactionRow, type ReplyRow, type ThreadReply } from './queries.js';

/**
 * The SQL of thread pages. A page is read in batches of raw replies in reading
 * order (`replies.sort_key`, migration 0007), each row carrying what the policy
 * needs to decide whether this reader is shown it (`shown`, `blocked`) and its
 * own reactions; thread-pages.ts applies the policy and fills the page.
 *
 * Keys are strings over [0-9a-f] compared byte by byte (COLLATE "C"), so
 * `sort_key > K` is `sort_key >= K || '0'`: one `>=` statement serves the first
 * page (from ''), a deep link (from K, inclusive) and the page after K.
 */

/** A level of the key is 48 characters (migration 0007); replies nest at most this deep. */
const SEGMENT = 48;
const DEEPEST = 3;

const viewer = sql.placeholder('viewerId');
const from = sql.placeholder('from');
const batch = sql.placeholder('batch');

/**
 * Whether the thread shows reply `r` to every reader: visible, or a visible
 * reply somewhere below it (shown.ts is the rule). Below a reply above the
 * deepest level lies exactly the key range it prefixes: one index probe. Below
 * a deepest-level reply, its answers sit at the same level among their
 * siblings, keyed by their own times, so its descendants are walked by parent
 * (replies_parent_idx) within its depth-2 ancestor's key range, whatever their
 * times: an answer may carry an earlier time than the reply it answers (a clock
 * stepped back, imported data), and shown.ts walks parents regardless of time.
 */
const shownSql = sql.raw(`case
  when r.status = 'visible' then true
  when r.depth < ${DEEPEST} then exists (
    select 1 from replies d
    where d.post_id = r.post_id and d.sort_key > r.sort_key and d.sort_key < r.sort_key || 'z' and d.status = 'visible')
  else exists (
    with recursive below(id, status) as (
      select c.id, c.status from replies c
      where c.post_id = r.post_id and c.parent_id = r.id
      union
      select c.id, c.status from replies c join below b on c.parent_id = b.id
      where c.post_id = r.post_id and c.sort_key > left(r.sort_key, ${SEGMENT * DEEPEST}) and c.sort_key < left(r.sort_key, ${SEGMENT * DEEPEST}) || 'z'
    )
    select 1 from below where status = 'visible')
end`);

/** One reply as JSON, from `replies r`, `users u`, `thread_aliases ta`. */
const replyRowJson = sql`json_build_object(
  'id', r.id, 'postId', r.post_id, 'parentId', r.parent_id, 'depth', r.depth, 'authorId', r.author_id,
  'anonymous', r.anonymous, 'body', r.body, 'bodyHtml', r.body_html, 'status', r.status, 'heldBy', r.held_by, 'automatic', r.automatic,
  'contentWarning', r.content_warning, 'contentWarningTopics', r.content_warning_topics,
  'createdAt', r.created_at, 'editedAt', r.edited_at, 'sortKey', r.sort_key, 'handle', u.handle, 'role', u.role, 'alias', ta.alias,
  'blocked', exists (select 1 from blocks b where (b.blocker_id = ${viewer} and b.blocked_id = r.author_id) or (b.blocker_id = r.author_id and b.blocked_id = ${viewer})),
  'shown', ${shownSql},
  'reactions', coalesce((
    select json_agg(json_build_object('contentType', x.content_type, 'contentId', x.content_id, 'userId', x.user_id, 'kind', x.kind, 'handle', xu.handle) order by x.created_at)
    from reactions x join users xu on xu.id = x.user_id
    where x.content_type = 'reply' and x.content_id = r.id
  ), '[]'::json)
)`;

const replyJoins = sql`from replies r
  join users u on u.id = r.author_id
  left join thread_aliases ta on ta.post_id = r.post_id and ta.user_id = r.author_id`;

type Direction = 'after' | 'before';

/**
 * Up to `batch` replies of a post in reading order, as a JSON array in that
 * order: from `from` on (inclusive) going forward, or before `from` going back
 * (nearest first). Read by the (post_id, sort_key) index.
 */
function batchJson(postId: SQL | typeof posts.id, direction: Direction) {
  const order = sql.raw(direction === 'after' ? 'asc' : 'desc');
  const range = direction === 'after' ? sql`r.sort_key >= ${from}` : sql`r.sort_key < ${from}`;
  return sql<ReplyJson[]>`coalesce((
    select json_agg(page.row order by page.sort_key ${order}) from (
      select r.sort_key, ${replyRowJson} as row ${replyJoins}
      where r.post_id = ${postId} and ${range}
      order by r.sort_key ${order}
      limit ${batch}
    ) page
  ), '[]'::json)`;
}

/** The head of a thread (the post and the viewer's relation to it), its reactions, and a first batch of replies: ONE round trip. */
function buildHeadAndBatch(direction: Direction) {
  return (db: Database, name: string) =>
    db
      .select({
        ...threadHeadFields,
        postReactions: sql<ReactionRow[]>`coalesce((
          select json_agg(json_build_object('contentType', x.content_type, 'contentId', x.content_id, 'userId', x.user_id, 'kind', x.kind, 'handle', xu.handle) order by x.created_at)
          from reactions x join users xu on xu.id = x.user_id
          where x.content_type = 'post' and x.content_id = ${posts.id}
        ), '[]'::json)`,
        batch: batchJson(posts.id, direction),
      })
      .from(posts)
      .innerJoin(groups, eq(groups.id, posts.groupId))
      .innerJoin(users, eq(users.id, posts.authorId))
      .leftJoin(groupMembers, and(eq(groupMembers.groupId, posts.groupId), eq(groupMembers.userId, viewer)))
      .leftJoin(postAlias, and(eq(postAlias.postId, posts.id), eq(postAlias.userId, posts.authorId)))
      .where(eq(posts.id, sql.placeholder('postId')))
      .limit(1)
      .prepare(name);
}

function buildBatch(direction: Direction) {
  return (db: Database, name: string) => db.select({ batch: batchJson(sql`${sql.placeholder('postId')}::uuid`, direction) }).from(sql`(select 1) one`).prepare(name);
}

/** One reply of a post, as a batch row (for a deep link: whether the reader is shown it, and where it sits). */
function buildReplyInThread(db: Database, name: string) {
  return db
    .select({ row: sql<ReplyJson>`${replyRowJson}` })
    .from(sql`replies r join users u on u.id = r.author_id left join thread_aliases ta on ta.post_id = r.post_id and ta.user_id = r.author_id`)
    .where(sql`r.id = ${sql.placeholder('replyId')}::uuid and r.post_id = ${sql.placeholder('postId')}::uuid`)
    .prepare(name);
}

/**
 * A batch of a post's replies newest first (by created_at, id), those older
 * than (`createdAt`, `id`): read by the (post_id, created_at, id) index.
 */
function buildNewestBatch(db: Database, name: string) {
  return db
    .select({ row: sql<ReplyJson>`${replyRowJson}` })
    .from(sql`replies r join users u on u.id = r.author_id left join thread_aliases ta on ta.post_id = r.post_id and ta.user_id = r.author_id`)
    .where(
      sql`r.post_id = ${sql.placeholder('postId')}::uuid and (r.created_at, r.id) < (${sql.placeholder('createdAt')}::timestamptz, ${sql.placeholder('id')}::uuid)`,
    )
    .orderBy(sql`r.created_at desc, r.id desc`)
    .limit(batch)
    .prepare(name);
}

interface ReplyJson {
  id: string;
  postId: string;
  parentId: string | null;
  depth: number;
  authorId: string;
  anonymous: boolean;
  body: string;
  bodyHtml: string;
  status: ReplyRow['status'];
  heldBy: string | null;
  automatic: boolean;
  contentWarning: string | null;
  contentWarningTopics: string[];
  /** As PostgreSQL writes it, to the microsecond (a JS Date would drop those). */
  createdAt: string;
  editedAt: string | null;
  sortKey: string;
  handle: string;
  role: string;
  alias: string | null;
  blocked: boolean;
  shown: boolean;
  reactions: ReactionRow[];
}

/** A reply as read for a page: its row, author facts, whether a block or the thread hides it, its reactions. */
export interface PageReply extends ThreadReply {
  /** The thread shows it to every reader (visible, or a visible reply below it). */
  shown: boolean;
  reactions: ReactionRow[];
  /** created_at as PostgreSQL wrote it, for the newest-first keyset. */
  createdAtText: string;
}

function toPageReply({ handle, role, alias: replyAlias, blocked, shown, reactions, createdAt, editedAt, ...reply }: ReplyJson): PageReply {
  return {
    reply: { ...reply, createdAt: new Date(createdAt), editedAt: editedAt ? new Date(editedAt) : null } as ReplyRow,
    authorHandle: handle,
    authorRole: role as PageReply['authorRole'],
    alias: replyAlias,
    blocked,
    shown,
    reactions,
    createdAtText: createdAt,
  };
}

const HEAD_STATEMENTS = { after: buildHeadAndBatch('after'), before: buildHeadAndBatch('before') };
const BATCH_STATEMENTS = { after: buildBatch('after'), before: buildBatch('before') };

export interface BatchRequest {
  direction: Direction;
  /** after: from this key on, inclusive; before: before this key. */
  from: string;
  size: number;
}

/** The thread head, its post's reactions, and the first batch of replies, or undefined when there is no such post. */
export async function findThreadPageHead(db: Database, postId: string, viewerId: string, first: BatchRequest) {
  const [row] = await prepared(db, `thread_head_${first.direction}`, HEAD_STATEMENTS[first.direction]).execute({ postId, viewerId, from: first.from, batch: first.size });
  if (!row) return undefined;
  const { batch: rows, postReactions, ...head } = row;
  return { head, postReactions, batch: rows.map(toPageReply) };
}

export async function findReplyBatch(db: Database, postId: string, viewerId: string, request: BatchRequest): Promise<PageReply[]> {
  const [row] = await prepared(db, `thread_batch_${request.direction}`, BATCH_STATEMENTS[request.direction]).execute({ postId, viewerId, from: request.from, batch: request.size });
  return (row?.batch ?? []).map(toPageReply);
}

export async function findReplyInThread(db: Database, postId: string, replyId: string, viewerId: string): Promise<PageReply | undefined> {
  const [row] = await prepared(db, 'thread_reply_place', buildReplyInThread).execute({ postId, replyId, viewerId });
  return row ? toPageReply(row.row) : undefined;
}

/** The newest key: nothing is newer. */
export const NEWEST = { createdAt: 'infinity', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

export async function findNewestReplies(db: Database, postId: string, viewerId: string, olderThan: { createdAt: string; id: string }, size: number): Promise<PageReply[]> {
  const rows = await prepared(db, 'thread_newest_batch', buildNewestBatch).execute({ postId, viewerId, createdAt: olderThan.createdAt, id: olderThan.id, batch: size });
  return rows.map((row) => toPageReply(row.row));
}
