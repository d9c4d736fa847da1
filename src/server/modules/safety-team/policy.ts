import type { FastifyRequest } from 'fastify';
import type { SafetySettings } from '../../../shared/api/safety-settings.js';
import type { AuthContext } from '../accounts/session-service.js';
import { requireAuth } from '../../http/authenticate.js';
import { forbidden } from '../../http/errors.js';
import type { Database } from '../../db/index.js';
import { accountPolicy } from '../accounts/policies.js';
import { readSafetySettings } from './settings.js';

type Role = AuthContext['user']['role'];

/**
 * Who is the safety team, and what each of them may do: the one place these
 * rules live. The team is every moderator and admin (safety is site-wide: a
 * moderator of one group sees alerts from every group). The organisation may
 * limit which moderators are on it to a named list; admins are always on it
 * (escalation pages them, and they answer for the installation).
 */
export const safetyTeamPolicy = {
  isOnTeam: (user: { id: string; role: Role }, settings: Pick<SafetySettings, 'teamLimitedTo'>): boolean =>
    user.role === 'admin' || (accountPolicy.isStaff(user.role) && (settings.teamLimitedTo === null || settings.teamLimitedTo.includes(user.id))),
  /** Settings, the learning loop's export and the assessor's figures are for admins. */
  isAdmin: (role: Role): boolean => role === 'admin',
};

/** For routes: the signed-in member, who must be on the safety team (403 otherwise), and the settings read once. */
export async function requireSafetyTeam(db: Database, request: FastifyRequest): Promise<{ auth: AuthContext; settings: SafetySettings }> {
  const auth = requireAuth(request);
  if (!accountPolicy.isStaff(auth.user.role)) throw forbidden('Only the safety team can do this.');
  const settings = await readSafetySettings(db);
  if (!safetyTeamPolicy.isOnTeam(auth.user, settings)) throw forbidden('Only the safety team can do this.');
  return { auth, settings };
}

/** For admin-only safety routes (settings, outcomes, the assessor's figures). */
export function requireSafetyAdmin(request: FastifyRequest): AuthContext {
  const auth = requireAuth(request);
  if (!safetyTeamPolicy.isAdmin(auth.user.role)) throw forbidden('Only admins can do this.');
  return auth;
}
