import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
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
 * Who is on safety duty at `now`: switched on, not past their end time, still a
 * moderator or admin (a demoted account drops off at once), and on the team
 * list when the organisation limits the team to one.
 */
export async function listOnDuty(db: Database, settings: Pick<SafetySettings, 'teamLimitedTo'>, now: Date): Promise<OnDutyMember[]> {
  const team = settings.teamLimitedTo;
  if (team && team.length === 0) return [];
  return db
    .select({ userId: safetyDuty.userId, handle: users.handle, since: safetyDuty.since, until: safetyDuty.until })
    .from(safetyDuty)
    .innerJoin(users, eq(users.id, safetyDuty.userId))
    .where(
      and(
        or(isNull(safetyDuty.until), gt(safetyDuty.until, now)),
        inArray(users.role, ['moderator', 'admin']),
        team ? inArray(users.id, team) : sql`true`,
      ),
    )
    .orderBy(asc(safetyDuty.since));
}

export async function isAnyoneOnDuty(db: Database, settings: Pick<SafetySettings, 'teamLimitedTo'>, now: Date): Promise<boolean> {
  return (await listOnDuty(db, settings, now)).length > 0;
}
