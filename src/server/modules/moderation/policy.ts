import type { Role } from '../../../shared/api/accounts.js';
import type { SanctionKind } from '../../../shared/api/moderation.js';
import { accountPolicy } from '../accounts/policies.js';

/**
 * Who may moderate what: the one place these rules live (issue 13).
 * - Global moderators (site role moderator) and admins see and act on every
 *   group's items and on site-wide ones (members, messages).
 * - A group moderator (an active membership with role moderator) sees and acts
 *   on their groups' items only, and never on a member site-wide.
 * - An appeal is decided by someone other than the one who acted.
 * - Automod rules: admins site-wide, group moderators for their group.
 */
export const moderationPolicy = {
  isGlobal: (role: Role): boolean => accountPolicy.isStaff(role),
  /**
   * The groups a viewer moderates, or 'all' for global moderators and admins. A moderator under a sanction has no
   * moderation powers where it applies: none at all while suspended or banned; not in a group they are muted in
   * (a group moderator; a global moderator muted in one group keeps 'all', which cannot leave one group out:
   * suspend them to take their powers). The powers return when the sanction ends or is lifted.
   */
  scope: (role: Role, moderatedGroupIds: readonly string[], sanctions: ReadonlyArray<{ kind: SanctionKind; groupId: string | null }> = []): 'all' | readonly string[] => {
    if (sanctions.some((sanction) => sanction.kind !== 'mute')) return [];
    if (accountPolicy.isStaff(role)) return 'all';
    const mutedIn = new Set(sanctions.map((sanction) => sanction.groupId));
    return moderatedGroupIds.filter((groupId) => !mutedIn.has(groupId));
  },
  /** Whether a viewer with this scope may see and act on an item of this group (null: site-wide). */
  covers: (scope: 'all' | readonly string[], groupId: string | null): boolean =>
    scope === 'all' || (groupId !== null && scope.includes(groupId)),
  /** Site-wide sanctions (suspend, ban, lift of those) are for global moderators and admins. */
  canSanctionSiteWide: (role: Role): boolean => accountPolicy.isStaff(role),
  canDecideAppeal: (deciderId: string, actorId: string | null): boolean => deciderId !== actorId,
  canEditSiteAutomod: (role: Role): boolean => role === 'admin',
  /** The full audit log is for admins; each group's public log is for everyone who can read the group. */
  canReadAuditLog: (role: Role): boolean => role === 'admin',
  /**
   * The audit log names an actor by handle only when they are staff when it is read.
   * A member's own rows (answering a safety alert on their anonymous post, a report,
   * an edit) would otherwise tie anonymous content to a handle with no logged reveal;
   * they read as "a member", and searching by a member's handle finds nothing.
   */
  auditNamesActor: (role: Role): boolean => accountPolicy.isStaff(role),
  canSeeFigures: (role: Role): boolean => role === 'admin',
};
