import type { AuthContext } from '../accounts/session-service.js';
import type { ThreadHead } from './queries.js';
import { isStaffRole } from './visibility.js';

/** Who may read, write and react to content: the one place these rules live. */
export const postPolicy = {
  canReadThread(head: ThreadHead, auth: AuthContext): boolean {
    const staff = isStaffRole(auth.user.role);
    const groupReadable = head.group.visibility === 'public' || head.membership?.status === 'active' || staff;
    if (!groupReadable || postPolicy.hiddenByBlock({ blocked: head.blocked, anonymous: head.post.anonymous }, auth)) return false;
    return head.post.status !== 'held' || head.post.authorId === auth.user.id || staff;
  },
  /**
   * A block hides the other member's content only where it is shown under their
   * handle. Anonymous content stays readable whoever blocked whom: hiding it would
   * tell the viewer whose it is (visibility.ts `hiddenByBlock` is the SQL twin).
   * Staff are not affected by blocks.
   */
  hiddenByBlock(content: { blocked: boolean; anonymous: boolean }, auth: AuthContext): boolean {
    return content.blocked && !content.anonymous && !isStaffRole(auth.user.role);
  },
  canParticipate(head: ThreadHead): boolean {
    return head.membership?.status === 'active' && head.group.archivedAt === null;
  },
  /**
   * Whether a reply is listed in its thread: held ones for their author and staff
   * only; removed ones as a placeholder only where other replies hang under them
   * (a removed leaf says nothing, and a removed held reply must leave no trace).
   * Its SQL twin is SHOWN_REPLY in queries.ts, which the thread counters use.
   */
  canListReply(reply: { authorId: string; status: string }, hasShownChild: boolean, auth: AuthContext): boolean {
    if (reply.status === 'held') return postPolicy.canSeeHeld(reply.authorId, auth);
    if (reply.status === 'removed_by_author' || reply.status === 'removed_by_staff') return hasShownChild || isStaffRole(auth.user.role);
    return true;
  },
  canSeeHeld(authorId: string, auth: AuthContext): boolean {
    return authorId === auth.user.id || isStaffRole(auth.user.role);
  },
  canEdit(authorId: string, auth: AuthContext): boolean {
    return authorId === auth.user.id;
  },
};
