import type { Role } from '../../../shared/api/accounts.js';
import type { ThreadHead } from './queries.js';
import { isStaffRole } from './visibility.js';

/** Whom a rule is asked about: a request's AuthContext, or a live socket's member (live.ts). */
type AuthContext = { user: { id: string; role: Role } };

/** Who may read, write and react to content: the one place these rules live. */
export const postPolicy = {
  canReadThread(head: Pick<ThreadHead, 'group' | 'membership' | 'blocked' | 'post'>, auth: AuthContext): boolean {
    const staff = isStaffRole(auth.user.role);
    const groupReadable = head.group.visibility === 'public' || head.membership?.status === 'active' || staff;
    // A held post is readable (as a placeholder, see postView) like a removed one: a 404 would tell everyone
    // with the link that its author wrote something held for crisis review.
    return groupReadable && !postPolicy.hiddenByBlock({ blocked: head.blocked, anonymous: head.post.anonymous }, auth);
  },
  /**
   * How a thread's post is shown to this viewer. Its author and staff see it as
   * it is (held, or removed with what is left of it). Everyone else sees a post
   * that is not visible as the same neutral placeholder, whether it was removed
   * (by its author or by staff) or is held for crisis review (issue 10 review):
   * any difference would tell them its author wrote something held.
   */
  postView(post: { authorId: string; status: string }, auth: AuthContext): 'full' | 'placeholder' {
    if (post.status === 'visible' || post.authorId === auth.user.id || isStaffRole(auth.user.role)) return 'full';
    return 'placeholder';
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
