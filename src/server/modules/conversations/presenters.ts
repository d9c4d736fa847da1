import { SAFETY_TEAM_NAME, type ConversationMessage, type ConversationSummary, type StaffMessage } from '../../../shared/api/conversations.js';
import type { ConversationRow, MessageRow } from './queries.js';

/**
 * The JSON of conversations and messages. Anonymity of the team is enforced
 * here: a member sees "Hearth safety team" for a team message and never the
 * sender's id; the sender's handle only when they chose to sign it.
 * A safety conversation has two sides, the team and its member; the
 * private-messages issue adds a third kind of sender for direct conversations.
 */
export function presentMessageForMember(row: MessageRow): ConversationMessage {
  const from: ConversationMessage['from'] =
    row.asTeam
      ? { kind: 'team', name: row.signed && row.senderHandle ? row.senderHandle : SAFETY_TEAM_NAME, signedBy: row.signed ? row.senderHandle : null }
      : { kind: 'you' };
  return { id: row.id, body: row.body, createdAt: row.createdAt.toISOString(), from };
}

/** The other side of a conversation, as its member sees it. */
export function conversationTitle(conversation: Pick<ConversationRow, 'kind'>): string {
  return conversation.kind === 'safety' ? SAFETY_TEAM_NAME : 'Conversation';
}

export function presentConversationSummary(conversation: ConversationRow, unread: number, preview: string | null): ConversationSummary {
  return {
    id: conversation.id,
    kind: conversation.kind,
    title: conversationTitle(conversation),
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    preview,
    unread,
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
