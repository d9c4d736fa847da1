import type { Role } from '../../../shared/api/accounts.js';
import { forbidden } from '../../http/errors.js';
import type { AuthContext } from './session-service.js';

/** Who may do what with accounts: the one place these rules live. */
export const accountPolicy = {
  /** Staff roles see the admin member list and may see who is behind anonymous content (later, with a logged reveal). */
  isStaff: (role: Role) => role === 'admin' || role === 'moderator',
  canManageRoles: (auth: AuthContext) => auth.user.role === 'admin',
  /** An admin cannot demote themselves: an instance must never lose its last way in. */
  canChangeRoleOf: (auth: AuthContext, targetUserId: string) => auth.user.role === 'admin' && auth.user.id !== targetUserId,
};

export function assertCan(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
