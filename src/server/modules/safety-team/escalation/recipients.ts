import { and, eq } from 'drizzle-orm';
import type { SafetySettings } from '../../../../shared/api/safety-settings.js';
import type { Database } from '../../../db/index.js';
import { users } from '../../../db/schema/index.js';
import { listOnDuty, onTeamSql } from '../duty-queries.js';

export interface UrgentAudience {
  userIds: string[];
  /** Who was told, for the alert's history: never silence, so an empty on-duty list widens to the team. */
  told: 'on_duty' | 'team' | 'admins';
}

/** Every account on the safety team now: moderators and admins, or admins and the organisation's named moderators. */
async function wholeTeam(db: Database, settings: Pick<SafetySettings, 'teamLimitedTo'>): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(onTeamSql(settings));
  return rows.map((row) => row.id);
}

/** Step 1: whoever is on duty; when nobody is, the whole team (an alert is never left to silence). */
export async function onDutyOrTeam(db: Database, settings: Pick<SafetySettings, 'teamLimitedTo'>, now: Date): Promise<UrgentAudience> {
  const onDuty = await listOnDuty(db, settings, now);
  if (onDuty.length > 0) return { userIds: onDuty.map((member) => member.userId), told: 'on_duty' };
  return { userIds: await wholeTeam(db, settings), told: 'team' };
}

/** Step 2: every admin (always on the team: they answer for the installation); the team if there is none. */
export async function admins(db: Database, settings: Pick<SafetySettings, 'teamLimitedTo'>): Promise<UrgentAudience> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isSystem, false)));
  if (rows.length > 0) return { userIds: rows.map((row) => row.id), told: 'admins' };
  return { userIds: await wholeTeam(db, settings), told: 'team' };
}
