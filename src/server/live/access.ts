import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Role } from '../../shared/api/accounts.js';
import type { Database } from '../db/index.js';
import { sessions, users } from '../db/schema/index.js';
import { accountPolicy } from '../modules/accounts/policies.js';
import { safetyTeamPolicy } from '../modules/safety-team/policy.js';
import { readSafetySettings } from '../modules/safety-team/settings.js';

export interface SocketAccess {
  userId: string;
  /** The member's role now (what thread and group channels present to them follows it). */
  role: Role;
  /** On the safety team now: may receive the staff channel (safety alerts). */
  staff: boolean;
  /** A moderator or admin: could join the team whenever the settings name them, so they stay in the staff fan-out's audience. */
  staffRole: boolean;
}


/**
 * What each open socket's session may hear now, read from the database: a
 * session that has ended, expired or gone idle is absent from the result, and
 * the role is the member's current one. Read before staff events are sent and
 * before any replay, so a demotion or a sign-out takes effect even when the
 * event that announced it never crossed nodes.
 *
 * The staff channel goes to the safety team only: every moderator and admin,
 * or the named list when the organisation limits the team (the settings are
 * read here too, so a change to the list takes effect on the next event).
 *
 * `idleMs` is the same idle limit HTTP enforces (`config.session.idleMs`). An
 * open socket is not activity: it never moves `lastSeenAt`, so a tab left open
 * past the limit loses its socket exactly when its next request would get 401.
 */
export async function readSocketAccess(
  db: Database,
  sessionIds: string[],
  idleMs: number,
  now = new Date(),
): Promise<Map<string, SocketAccess>> {
  if (sessionIds.length === 0) return new Map();
  const idleSince = new Date(now.getTime() - idleMs);
  const rows = await db
    .select({ sessionId: sessions.id, userId: users.id, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        inArray(sessions.id, [...new Set(sessionIds)]),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
      ),
    );
  const anyStaff = rows.some((row) => accountPolicy.isStaff(row.role));
  const settings = anyStaff ? await readSafetySettings(db) : null;
  return new Map(
    rows.map((row) => [
      row.sessionId,
      {
        userId: row.userId,
        role: row.role,
        staff: settings !== null && safetyTeamPolicy.isOnTeam({ id: row.userId, role: row.role }, settings),
        staffRole: accountPolicy.isStaff(row.role),
      },
    ]),
  );
}
