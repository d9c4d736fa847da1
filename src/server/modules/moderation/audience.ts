import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { groupMembers, users } from '../../db/schema/index.js';

/**
 * Who hears that a queue item changed: every global moderator and admin, and
 * the active moderators of its group, except the member the item is about
 * (even when they moderate: an event at that moment would tell them that
 * someone just reported them, or that a moderator is acting on them). Events go to their own channels and
 * carry ids only; the client refetches through the permission checks, so a
 * member demoted since reads nothing more than an id.
 */
export async function queueAudience(db: Database, groupId: string | null, subjectId: string | null): Promise<string[]> {
  const global = await db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.role, 'moderator'), eq(users.role, 'admin')));
  const ids = new Set(global.map((row) => row.id));
  if (groupId) {
    const local = await db
      .select({ id: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'moderator'), eq(groupMembers.status, 'active')));
    for (const row of local) ids.add(row.id);
  }
  if (subjectId) ids.delete(subjectId);
  return [...ids];
}

/** Global moderators and admins only (an item escalated after 72 hours, a site-wide item). */
export async function globalModerators(db: Database): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(inArray(users.role, ['moderator', 'admin']));
  return rows.map((row) => row.id);
}
