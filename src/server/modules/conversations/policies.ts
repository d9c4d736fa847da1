import type { MessageSettings } from '../../../shared/api/direct-messages.js';

/** How a direct conversation reads to one of its two members (`hidden`: as if it did not exist, a 404). */
export type DirectView = 'hidden' | 'accepted' | 'request_received' | 'request_sent';

export interface RequestRefusal {
  code: 'account_too_new' | 'no_visible_posts' | 'not_accepting_requests';
  message: string;
}


/**
 * Who may read and write a conversation: the one place for it. Only its
 * participants. The safety team reads a member's safety conversation through
 * the alert routes (safety-team/outreach-*.ts, behind requireSafetyTeam), never
 * as a participant, so a moderator's own inbox never holds other members' talks.
 *
 * Direct conversations (issue 15) start as a request. Until the recipient accepts, the one who asked cannot write
 * more; a declined request reads to them exactly as a waiting one ("not accepted"), and they may not ask again
 * (a new message to the same member lands in the same conversation and is refused the same way), as on Instagram
 * and Mastodon: no repeat requests. The recipient may still write to them later, which accepts it.
 * A block is two-way for writing; the member who blocked no longer sees the conversation at all.
 */
export const conversationPolicy = {
  /** `participant`: the member has a participant row in the conversation. */
  canRead: (participant: boolean): boolean => participant,
  canWrite: (participant: boolean): boolean => participant,

  directView(conversation: { requestState: 'pending' | 'accepted' | 'declined' | null; requestedBy: string | null }, viewerId: string, blockedByViewer: boolean): DirectView {
    if (blockedByViewer) return 'hidden';
    if (conversation.requestState === 'accepted') return 'accepted';
    if (conversation.requestedBy === viewerId) return 'request_sent';
    return conversation.requestState === 'pending' ? 'request_received' : 'hidden';
  },

  directMayWrite: (view: DirectView, blockedEitherWay: boolean): boolean => view === 'accepted' && !blockedEitherWay,

  /**
   * Whether `sender` may send a first message (a request) to a member: first what is about the sender (shown
   * before they type), then the recipient's setting or a block, told in one sentence that does not say which.
   */
  requestRefusal(
    sender: { createdAt: Date },
    facts: { shownContent: boolean; blocked: boolean; requestsFrom: MessageSettings['requestsFrom']; shareGroup: boolean },
    // An account this young cannot send requests (MESSAGE_REQUEST_MIN_ACCOUNT_HOURS, 24 by default): harassers make fresh accounts.
    at: { now: Date; minAccountAgeMs: number },
  ): RequestRefusal | null {
    if (at.now.getTime() - sender.createdAt.getTime() < at.minAccountAgeMs) {
      return { code: 'account_too_new', message: 'New accounts can send message requests one day after joining. Until then, you can post and reply in your groups.' };
    }
    if (!facts.shownContent) {
      return { code: 'no_visible_posts', message: 'To send message requests, first post or reply in a group under your handle (anonymous posts do not count).' };
    }
    const open = facts.requestsFrom === 'everyone' || (facts.requestsFrom === 'shared_group' && facts.shareGroup);
    if (facts.blocked || !open) return { code: 'not_accepting_requests', message: 'This member is not taking message requests from you.' };
    return null;
  },
};
