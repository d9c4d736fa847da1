import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import type { Database } from '../../db/index.js';
import { groupMembers } from '../../db/schema/index.js';
import { accountPolicy } from '../accounts/policies.js';
import { moderationPolicy } from './policy.js';
import { activeSanctions } from './sanctions.js';

/** The groups this member moderates (active memberships with the moderator role). */
export async function moderatedGroupIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.role, 'moderator'), eq(groupMembers.status, 'active')));
  return rows.map((row) => row.groupId);
}

/**
 * What a viewer may moderate now: 'all' for global moderators and admins, else their groups (possibly none);
 * nothing while suspended or banned, and not a group they are muted in (moderationPolicy.scope).
 */
export async function moderationScope(db: Database, user: { id: string; role: Role }, now: Date): Promise<'all' | string[]> {
  const sanctions = await activeSanctions(db, user.id, now);
  const groups = accountPolicy.isStaff(user.role) ? [] : await moderatedGroupIds(db, user.id);
  const scope = moderationPolicy.scope(user.role, groups, sanctions);
  return scope === 'all' ? 'all' : [...scope];
}
