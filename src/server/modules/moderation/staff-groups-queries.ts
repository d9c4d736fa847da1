import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { groupMembers, users } from '../../db/schema/index.js';

const columns = { userId: users.id, handle: users.handle, role: groupMembers.role };

/** A group's active moderators and facilitators, moderators first. */
export async function listTeam(db: Database, groupId: string) {
  return db
    .select(columns)
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'active'), inArray(groupMembers.role, ['moderator', 'facilitator'])))
    .orderBy(asc(groupMembers.role), asc(users.handle));
}

/** Active members of the group whose handle starts with `query` (case-insensitive), for appointing. */
export async function searchActiveMembers(db: Database, groupId: string, query: string, limit: number) {
  const pattern = `${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select(columns)
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'active'), sql`lower(${users.handle}) like ${pattern}`))
    .orderBy(asc(users.handle))
    .limit(limit);
}
