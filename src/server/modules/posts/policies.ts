import type { AuthContext } from '../accounts/session-service.js';
import type { ThreadHead } from './queries.js';
import { isStaffRole } from './visibility.js';

/** Who may read, write and react to content: the one place these rules live. */
export const postPolicy = {
  canReadThread(head: ThreadHead, auth: AuthContext): boolean {
    const staff = isStaffRole(auth.user.role);
    const groupReadable = head.group.visibility === 'public' || head.membership?.status === 'active' || staff;
    // Blocks hide content both ways, for staff too only when they are a party to the block.
    if (!groupReadable || head.blocked) return false;
    return head.post.status !== 'held' || head.post.authorId === auth.user.id || staff;
  },
  canParticipate(head: ThreadHead): boolean {
    return head.membership?.status === 'active' && head.group.archivedAt === null;
  },
  canSeeHeld(authorId: string, auth: AuthContext): boolean {
    return authorId === auth.user.id || isStaffRole(auth.user.role);
  },
  canEdit(authorId: string, auth: AuthContext): boolean {
    return authorId === auth.user.id;
  },
};
