import type { Role } from '../../../shared/api/accounts.js';
import type { GroupWithViewer } from './queries.js';

/**
 * Who may do what in a group: the one place these rules live.
 * Site staff (admins and moderators) can moderate every group.
 */
const isSiteStaff = (role: Role) => role === 'admin' || role === 'moderator';
const isActive = (entry: GroupWithViewer) => entry.membership?.status === 'active';

export const groupPolicy = {
  canRead: (entry: GroupWithViewer, role: Role) =>
    entry.group.visibility === 'public' || isActive(entry) || isSiteStaff(role),
  /** Posting and replying need an active membership (which means the rules were accepted) in a group that is not archived. */
  canParticipate: (entry: GroupWithViewer) => isActive(entry) && entry.group.archivedAt === null,
  canModerate: (entry: GroupWithViewer, role: Role) =>
    isSiteStaff(role) || (isActive(entry) && entry.membership?.role === 'moderator'),
  canEditRules: (entry: GroupWithViewer, role: Role) => groupPolicy.canModerate(entry, role),
  /** Site moderators and admins start groups (issue 13); a site moderator who does becomes its first moderator. */
  canCreate: (role: Role) => isSiteStaff(role),
  /**
   * A group's moderators (and site staff) edit what the group is: name, description, rules, tags, visibility and
   * whether reaction counts show. Archiving, which closes the group to posting, stays with admins (canManage).
   */
  canEditDetails: (entry: GroupWithViewer, role: Role) => groupPolicy.canModerate(entry, role),
  canManage: (role: Role) => role === 'admin',
  /**
   * Appointing, demoting or changing a group moderator is for a site admin, or the group's owner (who created it)
   * while they are still an active moderator of it: otherwise one group moderator could strip or reshape the team
   * that oversees them. Ownership alone is not enough, so an admin who is demoted keeps no power over the group
   * once another admin takes away their group role.
   */
  canChangeModerators: (entry: GroupWithViewer, viewer: { id: string; role: Role }) =>
    groupPolicy.canManage(viewer.role) ||
    (entry.group.createdBy === viewer.id && isActive(entry) && entry.membership?.role === 'moderator'),
};
