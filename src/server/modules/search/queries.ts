import { sql } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import type { Database } from '../../db/index.js';
import { rowsOf } from '../../db/index.js';
import { hiddenByBlock, isStaffRole } from '../posts/visibility.js';

export interface ContentHit {
  type: 'post' | 'reply';
  post_id: string;
  reply_id: string | null;
  title: string;
  group_slug: string;
  group_name: string;
  author_id: string;
  anonymous: boolean;
  handle: string;
  role: string;
  alias: string | null;
  content_warning: string | null;
  content_warning_topics: string[];
  created_at: string | Date;
  rank: number;
  headline: string;
}

const HEADLINE_OPTIONS = sql`'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "'`;

/**
 * How many matches each half (posts, replies) ranks: the newest this many the viewer may
 * see. A common word matches a large share of the community, and ranking (and headlining)
 * every match read rows in proportion to the table; this reads them in proportion to the page.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * Full-text search over what the searcher may see: readable groups, listable
 * statuses, blocks both ways (content under a handle only), removed content never. It searches text only, never
 * authors, so a handle never finds that member's anonymous posts.
 *
 * Results rank the newest SEARCH_CANDIDATES matches of posts and of replies, not every match:
 * each half takes its newest matches the viewer may see (the rules apply before the limit, so
 * hidden content never takes a place), ranks only those, and the page's rows alone get their
 * headline, names and aliases. The planner walks `*_created_idx` newest first for a common word
 * (stopping after enough matches) or reads the GIN index and keeps the newest for a rare one;
 * the word is inlined in each WHERE, not read from a CTE, so it estimates which from the word.
 */
export async function searchContent(db: Database, viewer: { id: string; role: Role }, query: string, limit: number): Promise<ContentHit[]> {
  const staff = isStaffRole(viewer.role);
  const readable = staff
    ? sql`true`
    : sql`(g.visibility = 'public' or exists (select 1 from group_members gm where gm.group_id = g.id and gm.user_id = ${viewer.id} and gm.status = 'active'))`;
  const listable = (alias: string) =>
    staff
      ? sql.raw(`${alias}.status in ('visible', 'held')`)
      : sql`(${sql.raw(alias)}.status = 'visible' or (${sql.raw(alias)}.status = 'held' and ${sql.raw(alias)}.author_id = ${viewer.id}))`;
  // Blocks hide only content shown under a handle (visibility.ts hiddenByBlock); staff are not affected.
  const notBlocked = (alias: string) =>
    sql`not ${hiddenByBlock(viewer.id, viewer.role, sql.raw(`${alias}.author_id`), sql.raw(`${alias}.anonymous`))}`;
  const matches = (alias: string) => sql`${sql.raw(alias)}.search @@ websearch_to_tsquery('english', ${query})`;

  const result = await db.execute(sql`
    with q as (select websearch_to_tsquery('english', ${query}) as query),
    page as (
      select 'post' as type, c.id as post_id, null::uuid as reply_id, c.author_id, c.anonymous, c.content_warning,
             c.content_warning_topics, c.created_at, ts_rank(c.search, q.query) as rank
      from (
        select p.id, p.author_id, p.anonymous, p.content_warning, p.content_warning_topics, p.created_at, p.search
        from posts p
        join groups g on g.id = p.group_id
        where ${matches('p')} and ${readable} and ${listable('p')} and ${notBlocked('p')}
        order by p.created_at desc
        limit ${SEARCH_CANDIDATES}
      ) c cross join q
      union all
      select 'reply', c.post_id, c.id, c.author_id, c.anonymous, c.content_warning,
             c.content_warning_topics, c.created_at, ts_rank(c.search, q.query) * 0.9
      from (
        select r.id, r.post_id, r.author_id, r.anonymous, r.content_warning, r.content_warning_topics, r.created_at, r.search
        from replies r
        join posts p on p.id = r.post_id
        join groups g on g.id = p.group_id
        where ${matches('r')} and ${readable} and ${listable('r')} and ${listable('p')} and ${notBlocked('r')} and ${notBlocked('p')}
        order by r.created_at desc
        limit ${SEARCH_CANDIDATES}
      ) c cross join q
      order by rank desc, created_at desc
      limit ${limit}
    )
    select page.type, page.post_id, page.reply_id, p.title, g.slug as group_slug, g.name as group_name,
           page.author_id, page.anonymous, u.handle, u.role, ta.alias, page.content_warning, page.content_warning_topics,
           page.created_at, page.rank,
           ts_headline('english', case when page.reply_id is null then p.title || ' — ' || p.body else r.body end, q.query, ${HEADLINE_OPTIONS}) as headline
    from page cross join q
    join posts p on p.id = page.post_id
    left join replies r on r.id = page.reply_id
    join groups g on g.id = p.group_id
    -- One lookup per row of the page (the LIMIT keeps it from being flattened into a join that may hash all users).
    join lateral (select u.handle, u.role from users u where u.id = page.author_id limit 1) u on true
    left join thread_aliases ta on ta.post_id = p.id and ta.user_id = page.author_id
    order by page.rank desc, page.created_at desc
  `);
  return rowsOf<ContentHit>(result);
}

export interface GroupHit {
  slug: string;
  name: string;
  description: string;
  headline: string;
}

export async function searchGroups(db: Database, query: string, limit: number): Promise<GroupHit[]> {
  const result = await db.execute(sql`
    with q as (select websearch_to_tsquery('english', ${query}) as query)
    select g.slug, g.name, g.description, ts_headline('english', g.description, q.query, ${HEADLINE_OPTIONS}) as headline
    from groups g cross join q
    where g.archived_at is null and (g.search @@ q.query or g.name ilike ${`%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})
    order by ts_rank(g.search, q.query) desc, g.name
    limit ${limit}
  `);
  return rowsOf<GroupHit>(result);
}
