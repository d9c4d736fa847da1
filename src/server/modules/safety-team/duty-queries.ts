import { and, asc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { SafetySettings } from '../../../shared/api/safety-settings.js';
import type { Database } from '../../db/index.js';
import { safetyDuty, users } from '../../db/schema/index.js';

export interface OnDutyMember {
  userId: string;
  handle: string;
  since: Date;
  until: Date | null;
}

/**
 * SQL for "this account is on the safety team" (the same rule as
 * safetyTeamPolicy.isOnTeam): a moderator or admin, not the system account;
 * when the organisation names its team, admins plus the moderators named.
 */
export function onTeamSql(settings: Pick<SafetySettings, 'teamLimitedTo'>): SQL {
  const team = settings.teamLimitedTo;
  const staff = and(inArray(users.role, ['moderator', 'admin']), eq(users.isSystem, false))!;
  if (team === null) return staff;
  const named = team.length > 0 ? or(eq(users.role, 'admin'), inArray(users.id, team))! : eq(users.role, 'admin');
  return and(staff, named)!;
}

/**
 * Who is on safety duty at `now`: switched on, not past their end time, still on
 * the team (a demoted account, or a moderator taken off a named team, drops
 * off at once).
 */
export async function listOnDuty(db: Database, settings: Pick<SafetySettings, 'teamLimitedTo'>, now: Date): Promise<OnDutyMember[]> {
  return db
    .select({ userId: safetyDuty.userId, handle: users.handle, since: safetyDuty.since, until: safetyDuty.until })
    .from(safetyDuty)
    .innerJoin(users, eq(users.id, safetyDuty.userId))
    .where(
      and(
        or(isNull(safetyDuty.until), gt(safetyDuty.until, now)),
        onTeamSql(settings),
      ),
    )
    .orderBy(asc(safetyDuty.since));
}

export async function isAnyoneOnDuty(db: Database, settings: Pick<SafetySettings, 'teamLimitedTo'>, now: Date): Promise<boolean> {
  return (await listOnDuty(db, settings, now)).length > 0;
}
