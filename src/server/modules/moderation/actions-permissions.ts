import type { Role } from '../../../shared/api/accounts.js';
import type { ActionKind } from '../../../shared/api/moderation.js';
import { forbidden } from '../../http/errors.js';
import { moderationPolicy } from './policy.js';

export interface Actor {
  id: string;
  role: Role;
  scope: 'all' | readonly string[];
}

/**
 * The checks of one action, all through `moderationPolicy` and the actor's
 * scope: a group moderator acts on their groups' content and mutes in their
 * groups; site-wide sanctions are for global moderators and admins; nobody
 * moderates themselves; a group moderator never mutes staff.
 */
export const actionChecks = {
  notSelf(actor: Actor, subjectId: string | null): void {
    if (subjectId !== null && subjectId === actor.id) {
      throw forbidden('You cannot take a moderation action on yourself or your own content: another moderator will.');
    }
  },
  inGroup(actor: Actor, groupId: string | null, what = 'this'): void {
    if (!moderationPolicy.covers(actor.scope, groupId)) {
      throw forbidden(groupId === null ? `Only global moderators and admins can do ${what} site-wide.` : `You do not moderate the group ${what} is in.`);
    }
  },
  siteWide(actor: Actor, kind: ActionKind): void {
    if (!moderationPolicy.canSanctionSiteWide(actor.role)) {
      throw forbidden(`Only global moderators and admins can ${kind === 'lift' ? 'lift a suspension or ban' : kind} a member; a group moderator can mute them in the group.`);
    }
  },
  /** Warning or muting the author of anonymous content is for global moderators and admins only (whoever the author is). */
  notThroughAnonymous(actor: Actor, anonymousContent: boolean): void {
    if (anonymousContent && !moderationPolicy.isGlobal(actor.role)) {
      throw forbidden('The author of anonymous content can be warned or muted only by a global moderator or admin. You can hide or remove the content, or report the author to them.');
    }
  },
  /** Group moderators cannot mute (or otherwise sanction) the site's moderators and admins. */
  notStaffSubject(actor: Actor, subjectRole: Role | null, anonymousContent = false): void {
    if (subjectRole !== null && moderationPolicy.isGlobal(subjectRole) && !moderationPolicy.isGlobal(actor.role)) {
      // Anonymous content: nothing about its author (not even "staff") is said.
      if (anonymousContent) throw forbidden('A global moderator or admin needs to decide this. You can hide or remove the content.');
      throw forbidden('A site moderator or admin can only be sanctioned by a global moderator or admin.');
    }
  },
};
