import { SAFETY_TEAM_NAME, type ConversationMessage, type ConversationSummary, type StaffMessage } from '../../../shared/api/conversations.js';
import { conversationPolicy } from './policies.js';
import type { ConversationListRow, ConversationRow, MessageRow } from './queries.js';

/** How a member whose account was erased is named in a direct conversation. */
export const FORMER_MEMBER = 'Former member';

/**
 * The JSON of conversations and messages, for REST and live events alike. Anonymity of the team is enforced
 * here: a member sees "Hearth safety team" for a team message and never the sender's id; the sender's handle
 * only when they chose to sign it. In a direct conversation the other member is named by handle (direct
 * conversations start from a profile, never from anonymous content). A message its author deleted keeps no words.
 */
export function presentMessageForMember(row: MessageRow, viewerId: string): ConversationMessage {
  const from: ConversationMessage['from'] = row.asTeam
    ? { kind: 'team', name: row.signed && row.senderHandle ? row.senderHandle : SAFETY_TEAM_NAME, signedBy: row.signed ? row.senderHandle : null }
    : row.senderId === viewerId
      ? { kind: 'you' }
      : { kind: 'member', handle: row.senderHandle ?? FORMER_MEMBER };
  const deleted = row.status === 'removed_by_author';
  return {
    id: row.id,
    conversationId: row.conversationId,
    body: deleted ? '' : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt && !deleted ? row.editedAt.toISOString() : null,
    deleted,
    from,
  };
}

/** The other side of a conversation, as its member sees it. */
export function conversationTitle(conversation: Pick<ConversationRow, 'kind'>, otherHandle: string | null): string {
  return conversation.kind === 'safety' ? SAFETY_TEAM_NAME : (otherHandle ?? FORMER_MEMBER);
}

export function presentConversationSummary(row: ConversationListRow, viewerId: string): ConversationSummary {
  const { conversation } = row;
  let direct: ConversationSummary['direct'] = null;
  if (conversation.kind === 'direct') {
    const view = conversationPolicy.directView(conversation, viewerId, row.blockedByMe);
    const state = view === 'hidden' ? 'request_sent' : view;
    direct = {
      handle: row.otherHandle ?? FORMER_MEMBER,
      state,
      mayWrite: conversationPolicy.directMayWrite(view, row.blockedEitherWay) && row.otherHandle !== null,
      // Receipts and typing are reciprocal (both opted in), and never across a block.
      otherReadAt: row.receiptsOn && !row.blockedEitherWay && state === 'accepted' ? row.otherLastReadAt : null,
      typing: row.typingOn && !row.blockedEitherWay && state === 'accepted',
    };
  }
  return {
    id: conversation.id,
    kind: conversation.kind,
    title: conversationTitle(conversation, row.otherHandle),
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    preview: row.preview,
    unread: row.unread,
    direct,
  };
}

/**
 * A message as the safety team sees it: who on the team sent each team message.
 * The member's own messages carry no handle: staff learn who a member is only
 * through the alert's logged reveal (the alert may be about anonymous content).
 */
export function presentMessageForStaff(row: MessageRow): StaffMessage {
  return {
    id: row.id,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    from: row.asTeam ? 'team' : 'member',
    sentBy: row.asTeam && row.senderId && row.senderHandle ? { id: row.senderId, handle: row.senderHandle } : null,
    signed: row.signed,
    alertId: row.alertId,
  };
}
