import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import type { Database } from '../../db/index.js';
import { groups, moderationItems, sanctions, users } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import { findPost, findReply, type PostRow, type ReplyRow } from '../posts/queries.js';

/**
 * What an action is about, found by the server: the member affected (the
 * content's author, even when it is anonymous) never travels to the moderator;
 * it stays here and in the action row.
 */
export interface TargetFacts {
  type: 'post' | 'reply' | 'member' | 'message';
  id: string;
  subjectId: string | null;
  subjectRole: Role | null;
  /** The content's group (a reply's thread's group); null for a member. */
  groupId: string | null;
  post: PostRow | null;
  reply: ReplyRow | null;
}

async function roleOf(db: Database, userId: string): Promise<Role | null> {
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.role ?? null;
}

export async function loadTarget(db: Database, target: { type: 'post' | 'reply' | 'member' | 'message'; id: string }): Promise<TargetFacts> {
  if (target.type === 'post') {
    const post = await findPost(db, target.id);
    if (!post) throw notFound('That post');
    return { type: 'post', id: post.id, subjectId: post.authorId, subjectRole: await roleOf(db, post.authorId), groupId: post.groupId, post, reply: null };
  }
  if (target.type === 'reply') {
    const reply = await findReply(db, target.id);
    const post = reply ? await findPost(db, reply.postId) : undefined;
    if (!reply || !post) throw notFound('That reply');
    return { type: 'reply', id: reply.id, subjectId: reply.authorId, subjectRole: await roleOf(db, reply.authorId), groupId: post.groupId, post, reply };
  }
  if (target.type === 'member') {
    const role = await roleOf(db, target.id);
    if (!role) throw notFound('That member');
    return { type: 'member', id: target.id, subjectId: target.id, subjectRole: role, groupId: null, post: null, reply: null };
  }
  // Messages are reported but not acted on here (yet): a queue item about one can only be dismissed.
  return { type: 'message', id: target.id, subjectId: null, subjectRole: null, groupId: null, post: null, reply: null };
}

export async function findGroupBySlug(db: Database, slug: string) {
  const [row] = await db.select({ id: groups.id, slug: groups.slug, name: groups.name, archivedAt: groups.archivedAt }).from(groups).where(eq(groups.slug, slug)).limit(1);
  return row;
}

export async function findGroupById(db: Database, id: string) {
  const [row] = await db.select({ id: groups.id, slug: groups.slug, name: groups.name }).from(groups).where(eq(groups.id, id)).limit(1);
  return row;
}

export async function findItem(db: Database, itemId: string) {
  const [row] = await db.select().from(moderationItems).where(eq(moderationItems.id, itemId)).limit(1);
  return row;
}

export async function findOpenItemOf(db: Database, targetType: string, targetId: string) {
  const [row] = await db
    .select({ id: moderationItems.id })
    .from(moderationItems)
    .where(and(eq(moderationItems.targetType, targetType as 'post'), eq(moderationItems.targetId, targetId), eq(moderationItems.status, 'open')))
    .limit(1);
  return row;
}

export async function findSanction(db: Database, sanctionId: string) {
  const [row] = await db.select().from(sanctions).where(eq(sanctions.id, sanctionId)).limit(1);
  return row;
}

export async function findSanctionOfAction(db: Database, actionId: string) {
  const [row] = await db.select().from(sanctions).where(eq(sanctions.actionId, actionId)).limit(1);
  return row;
}
