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
   * How a reply is listed to this viewer. `shown` says whether the thread shows
   * it to every reader (visible, or a shown reply below it: shown.ts). Its author
   * and staff see a held reply as held; its author sees their own removed reply
   * as removed while it is shown; staff see every reply as it is. Everyone else
   * sees a shown reply that is not visible as the same neutral placeholder,
   * whether it was removed or is held (else the difference tells them its author
   * wrote something held for crisis review), and nothing of a reply not shown.
   */
  replyView(reply: { authorId: string; status: string }, shown: boolean, auth: AuthContext): 'full' | 'placeholder' | 'none' {
    if (reply.status === 'visible' || isStaffRole(auth.user.role)) return 'full';
    if (reply.authorId === auth.user.id && (reply.status === 'held' || shown)) return 'full';
    return shown ? 'placeholder' : 'none';
  },
  canEdit(authorId: string, auth: AuthContext): boolean {
    return authorId === auth.user.id;
  },
};
