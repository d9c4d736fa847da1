import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import type { Database } from '../../db/index.js';
import { groupMembers } from '../../db/schema/index.js';
import { accountPolicy } from '../accounts/policies.js';
import { moderationPolicy } from './policy.js';

/** The groups this member moderates (active memberships with the moderator role). */
export async function moderatedGroupIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.role, 'moderator'), eq(groupMembers.status, 'active')));
  return rows.map((row) => row.groupId);
}

/** What a viewer may moderate: 'all' for global moderators and admins, else their groups (possibly none). */
export async function moderationScope(db: Database, user: { id: string; role: Role }): Promise<'all' | string[]> {
  if (accountPolicy.isStaff(user.role)) return 'all';
  const scope = moderationPolicy.scope(user.role, await moderatedGroupIds(db, user.id));
  return scope === 'all' ? 'all' : [...scope];
}
