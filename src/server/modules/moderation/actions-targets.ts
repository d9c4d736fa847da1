import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import type { Database } from '../../db/index.js';
import { rowsOf } from '../../db/database.js';
import { appeals, groups, moderationActions, moderationItems, sanctions, users } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import { onAnonymousContent } from './queue-detail.js';
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

export function isAnonymous(target: TargetFacts): boolean {
  return (target.reply ?? target.post)?.anonymous === true && target.type !== 'member';
}

/** Whether a sanction was given by an action on exactly this target (never compared through its author). */
export async function sanctionGivenOn(db: Database, actionId: string | null, target: TargetFacts): Promise<boolean> {
  if (!actionId) return false;
  const [row] = await db.select({ targetType: moderationActions.targetType, targetId: moderationActions.targetId }).from(moderationActions).where(eq(moderationActions.id, actionId)).limit(1);
  return row?.targetType === target.type && row.targetId === target.id;
}

/**
 * A group moderator's reach over a member: a membership of the group (active
 * or pending), or content there under their name (anonymous content is left
 * out, so the answer never tells who wrote it).
 */
export async function memberIsInGroup(db: Database, userId: string, groupId: string): Promise<boolean> {
  const result = await db.execute(sql`select (
       exists (select 1 from group_members gm where gm.group_id = ${groupId} and gm.user_id = ${userId})
    or exists (select 1 from posts p where p.group_id = ${groupId} and p.author_id = ${userId} and not p.anonymous)
    or exists (select 1 from replies r join posts p on p.id = r.post_id where p.group_id = ${groupId} and r.author_id = ${userId} and not r.anonymous)
  ) as reach`);
  return rowsOf<{ reach: boolean }>(result)[0]?.reach === true;
}

const MEMBER_SANCTIONS = new Set(['warn', 'mute', 'suspend', 'ban']);

/**
 * An open appeal on an action of this kind on this target, or (a warning or
 * sanction) on the same member in the same group through named content or
 * their profile: the appeal decides, not a repeat that would outlive its
 * overturn. Anonymous content is matched on itself only, never through its
 * author, so the refusal never tells who wrote it.
 */
export async function openAppealOnSame(db: Database, kind: string, target: TargetFacts, groupId: string | null): Promise<boolean> {
  const sameTarget = and(eq(moderationActions.targetType, target.type), eq(moderationActions.targetId, target.id));
  const sameMember =
    MEMBER_SANCTIONS.has(kind) && target.subjectId && !isAnonymous(target)
      ? and(
          eq(moderationActions.subjectId, target.subjectId),
          kind === 'suspend' || kind === 'ban' ? undefined : groupId ? eq(moderationActions.groupId, groupId) : isNull(moderationActions.groupId),
          sql`not coalesce(${onAnonymousContent(moderationActions.targetType, moderationActions.targetId)}, false)`,
        )
      : undefined;
  const [row] = await db
    .select({ id: appeals.id })
    .from(appeals)
    .innerJoin(moderationActions, eq(moderationActions.id, appeals.actionId))
    .where(and(eq(appeals.status, 'open'), eq(moderationActions.kind, kind as 'mute'), sameMember ? or(sameTarget, sameMember) : sameTarget))
    .limit(1);
  return row !== undefined;
}
