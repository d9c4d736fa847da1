import type { ConversationMessage, SendMessageRequest } from '../../../shared/api/conversations.js';
import {
  DIRECT_LIVE,
  type EditMessageResponse,
  type MessageSettings,
  type MessageStatusResponse,
  type StartConversationResponse,
  type UpdateMessageSettingsRequest,
} from '../../../shared/api/direct-messages.js';
import { isAtLeast } from '../../../shared/risk.js';
import type { Database } from '../../db/index.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Deps } from '../../deps.js';
import { blockedByYou, conflict, forbidden, messageRequestRefused, notFound, unprocessable } from '../../http/errors.js';
import { userChannel, type LiveEvent } from '../../live/hub.js';
import { findUserByHandle } from '../accounts/queries.js';
import type { AuthContext } from '../accounts/session-service.js';
import { hasBlocked, insertBlock } from '../boundaries/queries.js';
import { recordSafety } from '../safety/assessment-service.js';
import { buildSupportCard } from '../safety/support-card.js';
import * as direct from './direct-queries.js';
import { conversationPolicy } from './policies.js';
import { presentMessageForMember } from './presenters.js';
import * as queries from './queries.js';
import { assertDirectWritable, assertMayMessage, assessedSend, earlierSend, requireParticipant, writeMessage, type ServiceDeps } from './service.js';

/**
 * Private messages between members (issue 15, part 1). A member starts one from another member's profile, by
 * handle, never from content (so never from anonymous content). The first message is a request; see
 * `conversationPolicy` for who may send one and what a declined one means.
 */

const SYSTEM_REFUSAL = 'This account does not take messages. To reach Hearth’s safety team, use Get help now.';

async function requireOtherMember(db: Database, auth: AuthContext, handle: string) {
  const target = await findUserByHandle(db, handle);
  if (!target) throw notFound('A member with that handle');
  if (target.id === auth.user.id) throw unprocessable('cannot_message_self', 'You cannot send a message to yourself.', 'handle');
  return target;
}

/** Whether the member may write to `handle` now, and the conversation if there is one: shown before they type. */
export async function messageStatus(deps: Pick<Deps, 'db' | 'clock' | 'config'>, auth: AuthContext, handle: string): Promise<MessageStatusResponse> {
  const target = await requireOtherMember(deps.db, auth, handle);
  // The Hearth Safety account (its automatic replies) takes no messages: the safety team answers in its own conversation.
  if (target.isSystem) return { conversationId: null, mayWrite: false, refusal: { code: 'not_accepting_requests', message: SYSTEM_REFUSAL } };
  // Their own block: said plainly (it tells them nothing they do not know).
  if (await hasBlocked(deps.db, auth.user.id, target.id)) return { conversationId: null, mayWrite: false, refusal: { code: 'blocked_by_you', message: blockedByYou().message } };
  const existing = await direct.findDirectConversation(deps.db, auth.user.id, target.id);
  if (existing) {
    const [row] = await queries.listConversationsFor(deps.db, deps.config.messageKeys, auth.user.id, { kind: 'one', id: existing.id });
    const view = row ? conversationPolicy.directView(row.conversation, auth.user.id, row.blockedByMe) : 'hidden';
    // A declined request the member received: writing to them accepts it (a fresh start from the profile).
    if (row && view !== 'hidden') {
      const mayWrite = conversationPolicy.directMayWrite(view, row.blockedEitherWay);
      const refusal = mayWrite
        ? null
        : view === 'request_sent'
          ? { code: 'request_not_accepted', message: 'Your message request has not been accepted, so you cannot send more messages until it is.' }
          : view === 'request_received'
            ? { code: 'request_not_answered', message: 'They sent you a message request: accept it to answer.' }
            : { code: 'conversation_closed', message: 'You can’t send messages in this conversation.' };
      return { conversationId: existing.id, mayWrite, refusal };
    }
    if (row && !row.blockedEitherWay) return { conversationId: null, mayWrite: true, refusal: null };
  }
  const refusal = conversationPolicy.requestRefusal(auth.user, await direct.requestFacts(deps.db, auth.user.id, target.id), {
    now: deps.clock.now(),
    minAccountAgeMs: deps.config.messageRequestMinAccountAgeMs,
  });
  return { conversationId: null, mayWrite: refusal === null, refusal };
}

/**
 * A message to a member by handle: a new request, or the next message in the conversation the two already have
 * (refused as any send there would be). The recipient of a request writing back this way accepts it.
 */
export async function messageMember(
  deps: ServiceDeps,
  auth: AuthContext,
  handle: string,
  input: SendMessageRequest,
  context: { countryCode: string | null },
): Promise<StartConversationResponse> {
  const target = await requireOtherMember(deps.db, auth, handle);
  // Assessed before any refusal: words written in crisis that are refused are kept for the safety team.
  return assessedSend(deps, auth, input, context, async (assessment) => {
    const existing = target.isSystem ? null : await direct.findDirectConversation(deps.db, auth.user.id, target.id);
    const earlier = await earlierSend(deps, auth, input, existing?.id ?? null, context);
    if (earlier) return earlier;
    if (target.isSystem) throw messageRequestRefused('not_accepting_requests', SYSTEM_REFUSAL);
    await assertMayMessage(deps, auth);
    if (await hasBlocked(deps.db, auth.user.id, target.id)) throw blockedByYou();
    if (existing) {
      const [row] = await queries.listConversationsFor(deps.db, deps.config.messageKeys, auth.user.id, { kind: 'one', id: existing.id });
      if (!row) throw notFound('That conversation');
      const declinedByMe = existing.requestedBy !== auth.user.id && existing.requestState === 'declined';
      if (declinedByMe && !row.blockedEitherWay) {
        return writeMessage(deps, auth, input, context, async (tx) => {
          await direct.setRequestState(tx, existing.id, 'accepted');
          return { conversation: existing, newRequestTo: null };
        }, assessment);
      }
      assertDirectWritable(row, auth);
      return writeMessage(deps, auth, input, context, async () => ({ conversation: existing, newRequestTo: null }), assessment);
    }
    const refusal = conversationPolicy.requestRefusal(auth.user, await direct.requestFacts(deps.db, auth.user.id, target.id), {
      now: deps.clock.now(),
      minAccountAgeMs: deps.config.messageRequestMinAccountAgeMs,
    });
    if (refusal) throw messageRequestRefused(refusal.code, refusal.message);
    return writeMessage(deps, auth, input, context, async (tx) => {
      const conversation = await direct.insertDirectRequest(tx, auth.user.id, target.id, deps.clock.now());
      // The other member wrote first at the same moment: this one is sent again into theirs.
      if (!conversation) throw conflict('conversation_changed', 'This conversation just changed. Please send your message again.');
      return { conversation, newRequestTo: target.id };
    }, assessment);
  });
}

/** A request the member received and can still answer. */
async function requireReceivedRequest(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext, conversationId: string) {
  const row = await requireParticipant(deps, auth, conversationId);
  if (row.conversation.kind !== 'direct' || conversationPolicy.directView(row.conversation, auth.user.id, row.blockedByMe) !== 'request_received') {
    throw conflict('not_a_request', 'This is not a message request waiting for your answer.');
  }
  return row;
}

export async function acceptRequest(deps: Pick<Deps, 'db' | 'live' | 'config'>, auth: AuthContext, conversationId: string): Promise<void> {
  const row = await requireReceivedRequest(deps, auth, conversationId);
  const events = await deps.db.transaction(async (tx) => {
    await direct.setRequestState(tx, conversationId, 'accepted');
    const other = row.conversation.requestedBy;
    const recorded: LiveEvent[] = [await deps.live.record(tx, userChannel(auth.user.id), DIRECT_LIVE.changed, { conversationId })];
    if (other) recorded.push(await deps.live.record(tx, userChannel(other), DIRECT_LIVE.changed, { conversationId }));
    return recorded;
  });
  await deps.live.announce(events);
}

/** Declined: it leaves the member's requests; the one who asked is told nothing more than "not accepted". */
export async function declineRequest(deps: Pick<Deps, 'db' | 'live' | 'config'>, auth: AuthContext, conversationId: string): Promise<void> {
  await requireReceivedRequest(deps, auth, conversationId);
  const events = await deps.db.transaction(async (tx) => {
    await direct.setRequestState(tx, conversationId, 'declined');
    return [await deps.live.record(tx, userChannel(auth.user.id), DIRECT_LIVE.changed, { conversationId })];
  });
  await deps.live.announce(events);
}

/**
 * Blocks the other member (the boundaries module's block): nothing more reaches either of them from the other,
 * and events already recorded are not delivered (live/gateway.ts filters at delivery). The blocked member is not told.
 */
export async function blockFromConversation(deps: Pick<Deps, 'db' | 'live' | 'config'>, auth: AuthContext, conversationId: string): Promise<void> {
  const row = await requireParticipant(deps, auth, conversationId);
  if (row.conversation.kind !== 'direct') throw forbidden('You can block members only in a conversation with a member.');
  const other = await direct.otherParticipant(deps.db, conversationId, auth.user.id);
  if (!other) throw notFound('That member');
  await insertBlock(deps.db, auth.user.id, other);
  // The member's own other tabs: the conversation leaves their lists.
  await deps.live.emit(userChannel(auth.user.id), DIRECT_LIVE.changed, { conversationId });
}

/** The member's own message in a direct conversation they may still write in. */
async function requireOwnMessage(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext, conversationId: string, messageId: string) {
  const row = await requireParticipant(deps, auth, conversationId);
  const message = await queries.findMessage(deps.db, deps.config.messageKeys, messageId);
  if (!message || message.conversationId !== conversationId || message.status === 'removed_by_staff' || message.status === 'held') throw notFound('That message');
  if (row.conversation.kind !== 'direct' || message.senderId !== auth.user.id) throw forbidden('You can edit or delete only your own messages to a member.');
  if (message.status === 'removed_by_author') throw conflict('message_deleted', 'This message was deleted.');
  return { row, message };
}

/** Recorded on both channels (ids only: the gateway presents it for each reader at delivery), so the other's open tabs see the change at once. */
async function recordChange(deps: Pick<Deps, 'live'>, tx: Database, auth: AuthContext, conversationId: string, messageId: string): Promise<LiveEvent[]> {
  const other = await direct.otherParticipant(tx, conversationId, auth.user.id);
  const payload = { conversationId, messageId };
  const events = [await deps.live.record(tx, userChannel(auth.user.id), DIRECT_LIVE.message, payload)];
  if (other) events.push(await deps.live.record(tx, userChannel(other), DIRECT_LIVE.message, payload));
  return events;
}

/** An edit is risk-assessed like a new message, in the same transaction, and answers with the support card when needed. */
export async function editMessage(
  deps: ServiceDeps,
  auth: AuthContext,
  conversationId: string,
  messageId: string,
  body: string,
  context: { countryCode: string | null },
): Promise<EditMessageResponse> {
  const { row, message } = await requireOwnMessage(deps, auth, conversationId, messageId);
  // Assessed before any refusal (a block, a sanction): an edit written in crisis that is refused is kept for the safety team.
  const assessment = await assessedSend(deps, auth, { body }, context, async (assessed) => {
    await assertMayMessage(deps, auth);
    assertDirectWritable(row, auth);
    return assessed;
  });
  const now = deps.clock.now();
  if (!isAtLeast(assessment.level, 'high')) await deps.authLimiters.memberMessage(auth.user.id);
  const edited: queries.MessageRow = { ...message, body, editedAt: now };
  const { safety, events } = await deps.db.transaction(async (tx) => {
    await queries.updateMessageBody(tx, deps.config.messageKeys, messageId, body, now);
    const recorded = await recordSafety(tx, deps, { contentType: 'message', contentId: messageId, authorId: auth.user.id, assessment, now });
    const recordedEvents = await recordChange(deps, tx, auth, conversationId, messageId);
    if (recorded.alertEvent) recordedEvents.push(recorded.alertEvent);
    if (recorded.reviewEvent) recordedEvents.push(recorded.reviewEvent);
    return { safety: recorded, events: recordedEvents };
  });
  await deps.live.announce(events);
  const team = safety.alertId ? { online: !safety.nobodyOnDuty } : null;
  const support = await buildSupportCard(deps.db, { assessmentId: safety.assessmentId, assessment, countryCode: context.countryCode, held: false, team });
  return { message: presentMessageForMember(edited, auth.user.id), support };
}

/**
 * Deleted for both: it reads "Message deleted", and the row keeps no words, unless an open alert or unread review
 * item points at it: then staff still read them, marked as deleted by its writer. Allowed after a block too (it only removes).
 */
export async function deleteMessage(deps: Pick<Deps, 'db' | 'live' | 'config'>, auth: AuthContext, conversationId: string, messageId: string): Promise<{ message: ConversationMessage }> {
  const { message } = await requireOwnMessage(deps, auth, conversationId, messageId);
  const removed: queries.MessageRow = { ...message, body: '', status: 'removed_by_author' };
  const events = await deps.db.transaction(async (tx) => {
    await queries.removeMessageByAuthor(tx, deps.config.messageKeys, messageId);
    return recordChange(deps, tx, auth, conversationId, messageId);
  });
  await deps.live.announce(events);
  return { message: presentMessageForMember(removed, auth.user.id) };
}

export async function getMessageSettings(deps: Pick<Deps, 'db'>, auth: AuthContext): Promise<{ settings: MessageSettings }> {
  return { settings: await direct.findMessageSettings(deps.db, auth.user.id) };
}

export async function updateMessageSettings(deps: Pick<Deps, 'db'>, auth: AuthContext, input: UpdateMessageSettingsRequest): Promise<{ settings: MessageSettings }> {
  const values: Partial<MessageSettings> = {};
  if (input.requestsFrom !== undefined) values.requestsFrom = input.requestsFrom;
  if (input.readReceipts !== undefined) values.readReceipts = input.readReceipts;
  if (input.typingIndicators !== undefined) values.typingIndicators = input.typingIndicators;
  return { settings: await direct.saveMessageSettings(deps.db, auth.user.id, values) };
}

/**
 * Whom a "typing" signal from this member in this conversation goes to: the other member, only in an accepted
 * conversation with no block where both turned typing indicators on. Null otherwise (the signal is dropped).
 */
export async function typingRecipient(db: Database, keys: MessageKeyring, userId: string, conversationId: string): Promise<string | null> {
  const [row] = await queries.listConversationsFor(db, keys, userId, { kind: 'one', id: conversationId });
  if (!row || row.conversation.kind !== 'direct' || row.conversation.requestState !== 'accepted' || row.blockedEitherWay || !row.typingOn) return null;
  return direct.otherParticipant(db, conversationId, userId);
}
