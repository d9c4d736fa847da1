import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { groupMembers, groups, users } from '../../db/schema/index.js';

export type GroupRow = typeof groups.$inferSelect;
export type MembershipRow = typeof groupMembers.$inferSelect;

const memberCount = sql<number>`(select count(*)::int from ${groupMembers} gm where gm.group_id = ${groups.id} and gm.status = 'active')`;

export interface GroupWithViewer {
  group: GroupRow;
  membership: MembershipRow | null;
  memberCount: number;
}

const groupColumns = {
  group: groups,
  membership: groupMembers,
  memberCount,
};

export async function listGroups(db: Database, viewerId: string, includeArchived: boolean): Promise<GroupWithViewer[]> {
  return db
    .select(groupColumns)
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, viewerId)))
    .where(includeArchived ? undefined : sql`${groups.archivedAt} is null`)
    .orderBy(asc(groups.name));
}

export async function findGroupBySlug(db: Database, slug: string, viewerId: string): Promise<GroupWithViewer | undefined> {
  const [row] = await db
    .select(groupColumns)
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, viewerId)))
    .where(eq(groups.slug, slug))
    .limit(1);
  return row;
}

export async function insertGroup(db: Database, values: typeof groups.$inferInsert): Promise<GroupRow> {
  const [row] = await db.insert(groups).values(values).returning();
  return row!;
}

/** Inserts the groups only when there are none at all: an admin's later choices are never undone. */
export async function insertGroupsIfNone(db: Database, values: (typeof groups.$inferInsert)[]): Promise<void> {
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: groups.id }).from(groups).limit(1);
    if (!existing) await tx.insert(groups).values(values).onConflictDoNothing({ target: groups.slug });
  });
}

export async function updateGroup(db: Database, id: string, values: Partial<typeof groups.$inferInsert>): Promise<void> {
  await db.update(groups).set({ ...values, updatedAt: new Date() }).where(eq(groups.id, id));
}

export async function upsertMembership(db: Database, values: typeof groupMembers.$inferInsert): Promise<void> {
  await db
    .insert(groupMembers)
    .values(values)
    .onConflictDoUpdate({
      target: [groupMembers.groupId, groupMembers.userId],
      set: { status: values.status, rulesAcceptedAt: values.rulesAcceptedAt, requestMessage: values.requestMessage ?? null },
    });
}

export async function deleteMembership(db: Database, groupId: string, userId: string): Promise<boolean> {
  const removed = await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .returning({ userId: groupMembers.userId });
  return removed.length > 0;
}

export async function setMembership(db: Database, groupId: string, userId: string, values: Partial<MembershipRow>): Promise<boolean> {
  const updated = await db
    .update(groupMembers)
    .set(values)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .returning({ userId: groupMembers.userId });
  return updated.length > 0;
}

/** Only a pending request: an active membership is never touched by a decision on a request. */
export async function setPendingMembership(db: Database, groupId: string, userId: string, values: Partial<MembershipRow>): Promise<boolean> {
  const updated = await db
    .update(groupMembers)
    .set(values)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), eq(groupMembers.status, 'pending')))
    .returning({ userId: groupMembers.userId });
  return updated.length > 0;
}

export async function deletePendingMembership(db: Database, groupId: string, userId: string): Promise<boolean> {
  const removed = await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), eq(groupMembers.status, 'pending')))
    .returning({ userId: groupMembers.userId });
  return removed.length > 0;
}

export async function findMembership(db: Database, groupId: string, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .limit(1);
  return row;
}

export async function listMembers(db: Database, groupId: string, status: 'active' | 'pending') {
  return db
    .select({ userId: users.id, handle: users.handle, role: groupMembers.role, joinedAt: groupMembers.joinedAt, message: groupMembers.requestMessage })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, status)))
    .orderBy(asc(users.handle));
}

export async function findGroupById(db: Database, id: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  return row;
}
