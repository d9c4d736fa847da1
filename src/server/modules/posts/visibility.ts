import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/api/accounts.js';
import { accountPolicy } from '../accounts/policies.js';

/** Staff (moderators and admins) see everything they moderate: the one rule is `accountPolicy.isStaff`. */
export const isStaffRole = accountPolicy.isStaff;

/** The viewer's id, or a prepared statement's placeholder for it. */
export type ViewerId = string | Placeholder;

/**
 * What a block hides from a viewer: the other member's content shown under their
 * handle, in both directions. Content shown anonymously is never hidden by a
 * block: if it were, a 404 or a gap in a feed would tell the viewer (or a second
 * account of theirs) which anonymous posts are the blocked member's. Muting the
 * thread is how a member stops seeing an anonymous thread. Staff are not
 * affected by blocks: they must see everything they moderate.
 */
export function hiddenByBlock(viewerId: ViewerId, role: Role, authorColumn: AnyPgColumn | SQL, anonymousColumn: AnyPgColumn | SQL): SQL {
  if (isStaffRole(role)) return sql`false`;
  return sql`(not ${anonymousColumn} and ${blockedBetween(viewerId, authorColumn)})`;
}

/** Either member blocked the other (for the block rule above, never on its own to hide content). */
export function blockedBetween(viewerId: ViewerId, authorColumn: AnyPgColumn | SQL): SQL {
  return sql`exists (select 1 from blocks b where (b.blocker_id = ${viewerId} and b.blocked_id = ${authorColumn}) or (b.blocker_id = ${authorColumn} and b.blocked_id = ${viewerId}))`;
}

/** What a viewer may list: visible content, plus their own held content (staff see all held content). */
export function listableStatus(viewerId: ViewerId, role: Role, statusColumn: AnyPgColumn, authorColumn: AnyPgColumn): SQL {
  if (isStaffRole(role)) return sql`${statusColumn} in ('visible', 'held')`;
  return sql`(${statusColumn} = 'visible' or (${statusColumn} = 'held' and ${authorColumn} = ${viewerId}))`;
}

/** Groups the viewer can read: public ones, and private ones they are an active member of. */
export function readableGroup(viewerId: ViewerId, role: Role, groupIdColumn: AnyPgColumn): SQL {
  if (isStaffRole(role)) return sql`true`;
  return sql`exists (select 1 from groups g where g.id = ${groupIdColumn} and (g.visibility = 'public' or exists (select 1 from group_members gm where gm.group_id = g.id and gm.user_id = ${viewerId} and gm.status = 'active')))`;
}
