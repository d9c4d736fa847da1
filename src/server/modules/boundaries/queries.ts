import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { blocks, groups, mutes, posts, users } from '../../db/schema/index.js';

export async function blockExistsBetween(db: Database, a: string, b: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))))
    .limit(1);
  return row !== undefined;
}

/** Whether `blockerId` blocked `blockedId` (one direction only). */
export async function hasBlocked(db: Database, blockerId: string, blockedId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
    .limit(1);
  return row !== undefined;
}

export async function insertBlock(db: Database, blockerId: string, blockedId: string): Promise<void> {
  await db.insert(blocks).values({ blockerId, blockedId }).onConflictDoNothing();
}

export async function deleteBlock(db: Database, blockerId: string, blockedId: string): Promise<boolean> {
  const removed = await db
    .delete(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
    .returning({ id: blocks.blockedId });
  return removed.length > 0;
}

export async function listBlocked(db: Database, blockerId: string) {
  return db
    .select({ id: users.id, handle: users.handle, blockedAt: blocks.createdAt })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, blockerId))
    .orderBy(desc(blocks.createdAt));
}

export async function insertMute(db: Database, userId: string, targetType: 'post' | 'group', targetId: string): Promise<void> {
  await db.insert(mutes).values({ userId, targetType, targetId }).onConflictDoNothing();
}

export async function deleteMute(db: Database, userId: string, targetType: 'post' | 'group', targetId: string): Promise<boolean> {
  const removed = await db
    .delete(mutes)
    .where(and(eq(mutes.userId, userId), eq(mutes.targetType, targetType), eq(mutes.targetId, targetId)))
    .returning({ id: mutes.targetId });
  return removed.length > 0;
}

/**
 * Mutes with what labels them: a muted thread's post (title, and the status and
 * author the posts policy needs to decide whether the viewer may read the title)
 * or the group's name.
 */
export async function listMutes(db: Database, userId: string) {
  return db
    .select({
      targetType: mutes.targetType,
      targetId: mutes.targetId,
      mutedAt: mutes.createdAt,
      post: { title: posts.title, status: posts.status, authorId: posts.authorId },
      groupName: groups.name,
    })
    .from(mutes)
    .leftJoin(posts, and(eq(mutes.targetType, 'post'), eq(posts.id, mutes.targetId)))
    .leftJoin(groups, and(eq(mutes.targetType, 'group'), eq(groups.id, mutes.targetId)))
    .where(eq(mutes.userId, userId))
    .orderBy(desc(mutes.createdAt));
}
