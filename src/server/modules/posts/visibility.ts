import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/api/accounts.js';

export const isStaffRole = (role: Role) => role === 'admin' || role === 'moderator';

/** Neither member sees the other's content when either has blocked the other. */
export function notBlocked(viewerId: string, authorColumn: AnyPgColumn): SQL {
  return sql`not exists (select 1 from blocks b where (b.blocker_id = ${viewerId} and b.blocked_id = ${authorColumn}) or (b.blocker_id = ${authorColumn} and b.blocked_id = ${viewerId}))`;
}

/** What a viewer may list: visible content, plus their own held content (staff see all held content). */
export function listableStatus(viewerId: string, role: Role, statusColumn: AnyPgColumn, authorColumn: AnyPgColumn): SQL {
  if (isStaffRole(role)) return sql`${statusColumn} in ('visible', 'held')`;
  return sql`(${statusColumn} = 'visible' or (${statusColumn} = 'held' and ${authorColumn} = ${viewerId}))`;
}

/** Groups the viewer can read: public ones, and private ones they are an active member of. */
export function readableGroup(viewerId: string, role: Role, groupIdColumn: AnyPgColumn): SQL {
  if (isStaffRole(role)) return sql`true`;
  return sql`exists (select 1 from groups g where g.id = ${groupIdColumn} and (g.visibility = 'public' or exists (select 1 from group_members gm where gm.group_id = g.id and gm.user_id = ${viewerId} and gm.status = 'active')))`;
}
