import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/api/accounts.js';
import type { Database } from '../../db/index.js';
import { groups, posts, threadAliases, users } from '../../db/schema/index.js';
import type { PostListing } from '../posts/presenters.js';
import { postColumns } from '../posts/queries.js';
import { prepared } from '../../db/prepared.js';
import { hiddenByBlock, isStaffRole, listableStatus, readableGroup, type ViewerId } from '../posts/visibility.js';
import { sortKeyText, type Cursor } from './cursor.js';

const authorAlias = alias(threadAliases, 'author_alias');

export type FeedKind =
  | { kind: 'home'; sort: 'newest' | 'active' }
  | { kind: 'group'; groupId: string; sort: 'newest' | 'active' }
  | { kind: 'needs-reply' }
  | { kind: 'mine' };

/**
 * The ids of one page of a feed across the viewer's groups (home, needs a reply), read in
 * time proportional to the page, not to the groups' size: for each group the viewer is an
 * active member of (not archived), walk that group's index on (group_id, sort column, id)
 * from the cursor, applying `conditions` (which name `posts`, the inner table here) until
 * `limit` rows pass; then merge the groups' pages and keep the first `limit`. A plain
 * `group_id in (…)` read and sorted every post of every group (45 ms at 7.7k posts).
 */
function pageAcrossGroups(viewerId: ViewerId, conditions: SQL, sortColumn: AnyPgColumn, ascending: boolean): SQL {
  const direction = sql.raw(ascending ? 'asc' : 'desc');
  return sql`select page.id from group_members gm
    join groups g on g.id = gm.group_id and g.archived_at is null
    cross join lateral (
      select ${posts.id} as id, ${sortColumn} as sort from ${posts}
      where ${posts.groupId} = gm.group_id and ${conditions}
      order by ${sortColumn} ${direction}, ${posts.id} ${direction}
      limit ${placeholder.limit}
    ) page
    where gm.user_id = ${viewerId}::uuid and gm.status = 'active'
    order by page.sort ${direction}, page.id ${direction}
    limit ${placeholder.limit}`;
}

/**
 * A cheaper first try of `pageAcrossGroups`: the first `limit` + a quarter posts across the viewer's
 * groups in feed order, read from the groups' indexes with only the conditions the index
 * itself answers (`indexed`: the cursor, and for "needs a reply" the partial index's own
 * predicate). The per-post rules (blocks, mutes, status) then run on those candidates alone,
 * instead of on `limit` posts in every group (at a million rows, a member of 60 groups read
 * 1,260 posts and probed blocks and mutes for each, for a page of 21). The candidates are the
 * head of the feed's order, so whatever passes the rules among them is the head of the feed:
 * when at least `limit` pass, the page is exact; when fewer do, `feedPage` reads it again the
 * exact way.
 */
function candidatesAcrossGroups(viewerId: ViewerId, indexed: SQL | undefined, sortColumn: AnyPgColumn, ascending: boolean): SQL {
  const direction = sql.raw(ascending ? 'asc' : 'desc');
  return sql`select cand.id from group_members gm
    join groups g on g.id = gm.group_id and g.archived_at is null
    cross join lateral (
      select ${posts.id} as id, ${sortColumn} as sort from ${posts}
      where ${posts.groupId} = gm.group_id${indexed ? sql` and ${indexed}` : sql``}
      order by ${sortColumn} ${direction}, ${posts.id} ${direction}
      limit (${placeholder.limit}::int * 5 + 3) / 4
    ) cand
    where gm.user_id = ${viewerId}::uuid and gm.status = 'active'
    order by cand.sort ${direction}, cand.id ${direction}
    limit (${placeholder.limit}::int * 5 + 3) / 4`;
}

const notMuted = (viewerId: ViewerId) =>
  sql`not exists (select 1 from mutes m where m.user_id = ${viewerId}::uuid and ((m.target_type = 'post' and m.target_id = ${posts.id}) or (m.target_type = 'group' and m.target_id = ${posts.groupId})))`;

/** A feed row: the listing for the presenter, and its sort key exactly as stored, for the next cursor. */
export interface FeedRow {
  listing: PostListing;
  /** The sort timestamp in UTC with all its microseconds: a JS Date keeps only milliseconds, so it would not round-trip. */
  sortKey: string;
}

/**
 * The shape of a feed statement: everything that changes its SQL (not its parameters).
 * Conditions differ only between staff and members (visibility.ts), so the role's side
 * is part of the shape, never the role itself.
 */
interface FeedShape {
  kind: FeedKind['kind'];
  sort: 'newest' | 'active';
  after: boolean;
  staff: boolean;
  /** Home and needs-reply: the first try from candidates (`candidatesAcrossGroups`), or the exact read. */
  candidates: boolean;
}

const placeholder = {
  viewer: sql.placeholder('viewer'),
  groupId: sql.placeholder('groupId'),
  t: sql.placeholder('t'),
  id: sql.placeholder('id'),
  limit: sql.placeholder('limit'),
};

/** One feed statement, prepared once per shape: planning it cost as much as running it (~1–3 ms). */
function prepareFeed(db: Database, name: string, shape: FeedShape) {
  const viewer = placeholder.viewer;
  const role: Role = shape.staff ? 'moderator' : 'member';
  const sortColumn = shape.sort === 'active' ? posts.lastActivityAt : posts.createdAt;
  const ascending = shape.kind === 'needs-reply'; // oldest first, so the longest-waiting post is answered first
  const conditions: SQL[] = [
    sql`not ${hiddenByBlock(viewer, role, posts.authorId, posts.anonymous)}`,
    shape.kind === 'mine' ? sql`${posts.status} in ('visible', 'held')` : listableStatus(viewer, role, posts.status, posts.authorId),
  ];
  switch (shape.kind) {
    case 'home':
      conditions.push(notMuted(viewer));
      break;
    case 'group':
      conditions.push(sql`${posts.groupId} = ${placeholder.groupId}::uuid`, readableGroup(viewer, role, posts.groupId));
      break;
    case 'needs-reply':
      conditions.push(notMuted(viewer), sql`${posts.answeredAt} is null`, sql`${posts.status} = 'visible'`, sql`${posts.authorId} <> ${viewer}::uuid`);
      break;
    case 'mine':
      conditions.push(sql`${posts.authorId} = ${viewer}::uuid`);
      break;
  }
  // What the groups' indexes answer by themselves: the cursor, and the needs-reply index's own predicate.
  const indexed: SQL[] = [];
  if (shape.after) {
    indexed.push(
      ascending
        ? sql`(${sortColumn}, ${posts.id}) > (${placeholder.t}::timestamptz, ${placeholder.id}::uuid)`
        : sql`(${sortColumn}, ${posts.id}) < (${placeholder.t}::timestamptz, ${placeholder.id}::uuid)`,
    );
  }
  if (shape.kind === 'needs-reply') indexed.push(sql`${posts.answeredAt} is null`, sql`${posts.status} = 'visible'`);
  conditions.push(...indexed);
  const acrossGroups = shape.kind === 'home' || shape.kind === 'needs-reply';
  const where = !acrossGroups
    ? and(...conditions)
    : shape.candidates
      ? and(sql`${posts.id} in (${candidatesAcrossGroups(viewer, and(...indexed), sortColumn, ascending)})`, ...conditions)
      : sql`${posts.id} in (${pageAcrossGroups(viewer, and(...conditions)!, sortColumn, ascending)})`;
  return db
    .select({
      post: postColumns,
      group: { id: groups.id, slug: groups.slug, name: groups.name },
      handle: users.handle,
      role: users.role,
      alias: authorAlias.alias,
      sortKey: sortKeyText(sortColumn),
    })
    .from(posts)
    .innerJoin(groups, eq(groups.id, posts.groupId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(authorAlias, and(eq(authorAlias.postId, posts.id), eq(authorAlias.userId, posts.authorId)))
    .where(where)
    .orderBy(ascending ? asc(sortColumn) : desc(sortColumn), ascending ? asc(posts.id) : desc(posts.id))
    .limit(placeholder.limit)
    .prepare(name);
}

/** One page of a feed, as listings for the presenter. */
export async function feedPage(
  db: Database,
  viewer: { id: string; role: Role },
  feed: FeedKind,
  cursor: Cursor | undefined,
  limit: number,
): Promise<FeedRow[]> {
  const acrossGroups = feed.kind === 'home' || feed.kind === 'needs-reply';
  const read = (candidates: boolean) => {
    const shape: FeedShape = {
      kind: feed.kind,
      sort: 'sort' in feed ? feed.sort : 'newest',
      after: cursor !== undefined,
      staff: isStaffRole(viewer.role),
      candidates,
    };
    const name = `feed_${shape.kind.replace('-', '_')}_${shape.sort}_${shape.after ? 'after' : 'first'}_${shape.staff ? 'staff' : 'member'}${candidates ? '_cand' : ''}`;
    return prepared(db, name, (db, name) => prepareFeed(db, name, shape)).execute({
      viewer: viewer.id,
      groupId: feed.kind === 'group' ? feed.groupId : null,
      t: cursor?.t ?? null,
      id: cursor?.id ?? null,
      limit,
    });
  };
  let rows = await read(acrossGroups);
  // Fewer than a page passed among the candidates (the feed's end, or many hidden posts): read it exactly.
  if (acrossGroups && rows.length < limit) rows = await read(false);
  return rows.map((row) => ({
    listing: {
      post: row.post,
      group: row.group,
      author: { authorId: row.post.authorId, anonymous: row.post.anonymous, handle: row.handle, role: row.role, alias: row.alias },
    },
    sortKey: row.sortKey,
  }));
}
