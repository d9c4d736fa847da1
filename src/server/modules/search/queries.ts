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
 * Full-text search over what the searcher may see: readable groups, listable
 * statuses, blocks both ways (content under a handle only), removed content never. It searches text only, never
 * authors, so a handle never finds that member's anonymous posts.
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

  const result = await db.execute(sql`
    with q as (select websearch_to_tsquery('english', ${query}) as query)
    select * from (
      select 'post' as type, p.id as post_id, null::uuid as reply_id, p.title, g.slug as group_slug, g.name as group_name,
             p.author_id, p.anonymous, u.handle, u.role, ta.alias, p.content_warning, p.content_warning_topics, p.created_at,
             ts_rank(p.search, q.query) as rank,
             ts_headline('english', p.title || ' — ' || p.body, q.query, ${HEADLINE_OPTIONS}) as headline
      from posts p cross join q
      join groups g on g.id = p.group_id
      join users u on u.id = p.author_id
      left join thread_aliases ta on ta.post_id = p.id and ta.user_id = p.author_id
      where p.search @@ q.query and ${readable} and ${listable('p')} and ${notBlocked('p')}
      union all
      select 'reply', p.id, r.id, p.title, g.slug, g.name,
             r.author_id, r.anonymous, u.handle, u.role, ta.alias, r.content_warning, r.content_warning_topics, r.created_at,
             ts_rank(r.search, q.query) * 0.9,
             ts_headline('english', r.body, q.query, ${HEADLINE_OPTIONS})
      from replies r cross join q
      join posts p on p.id = r.post_id
      join groups g on g.id = p.group_id
      join users u on u.id = r.author_id
      left join thread_aliases ta on ta.post_id = p.id and ta.user_id = r.author_id
      where r.search @@ q.query and ${readable} and ${listable('r')} and ${listable('p')} and ${notBlocked('r')} and ${notBlocked('p')}
    ) hits
    order by rank desc, created_at desc
    limit ${limit}
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
