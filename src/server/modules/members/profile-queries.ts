import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import type { Database } from '../../db/index.js';
import { groups, posts, users } from '../../db/schema/index.js';
import { sortKeyText, type Cursor } from '../feeds/cursor.js';
import type { FeedRow } from '../feeds/queries.js';
import { postColumns } from '../posts/queries.js';
import { readableGroup } from '../posts/visibility.js';

export interface ProfileRow {
  id: string;
  handle: string;
  role: Role;
  pronouns: string | null;
  bio: string | null;
  createdAt: Date;
}

export async function findMemberByHandle(db: Database, handle: string): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select({ id: users.id, handle: users.handle, role: users.role, pronouns: users.pronouns, bio: users.bio, createdAt: users.createdAt })
    .from(users)
    .where(sql`lower(${users.handle}) = lower(${handle})`)
    .limit(1);
  return row;
}

/**
 * A member's posts as shown under their handle, newest first. Never anonymous ones (the profile must not link an
 * alias to a handle), only visible ones (held and removed posts are not shown to others, and the profile shows the
 * same to everyone, its owner included), and only in groups the viewer may read.
 */
export async function memberPostsPage(
  db: Database,
  viewer: { id: string; role: Role },
  member: { id: string; handle: string; role: Role },
  cursor: Cursor | undefined,
  limit: number,
): Promise<FeedRow[]> {
  const conditions: SQL[] = [
    eq(posts.authorId, member.id),
    eq(posts.anonymous, false),
    eq(posts.status, 'visible'),
    readableGroup(viewer.id, viewer.role, posts.groupId),
  ];
  if (cursor) conditions.push(sql`(${posts.createdAt}, ${posts.id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await db
    .select({ post: postColumns, group: { id: groups.id, slug: groups.slug, name: groups.name }, sortKey: sortKeyText(posts.createdAt) })
    .from(posts)
    .innerJoin(groups, eq(groups.id, posts.groupId))
    .where(and(...conditions))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(limit);
  return rows.map((row) => ({
    listing: {
      post: row.post,
      group: row.group,
      author: { authorId: member.id, anonymous: false, handle: member.handle, role: member.role, alias: null },
    },
    sortKey: row.sortKey,
  }));
}
