import type { ConversationResponse, SendMessageRequest, SendMessageResponse } from '../../../shared/api/conversations.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import { isAtLeast } from '../../../shared/risk.js';
import type { Deps } from '../../deps.js';
import { safetyAlertActions } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import { staffChannel, userChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { decodeCursor, encodeCursor } from '../feeds/cursor.js';
import { assessForWrite, recordSafety } from '../safety/assessment-service.js';
import { buildSupportCard } from '../safety/support-card.js';
import { reviewMemberMessage } from '../safety-team/member-message-review.js';
import { conversationPolicy } from './policies.js';
import { presentConversationSummary, presentMessageForMember } from './presenters.js';
import * as queries from './queries.js';

type ServiceDeps = Pick<Deps, 'db' | 'config' | 'live' | 'clock' | 'authLimiters'>;

/** A conversation the member takes part in; anyone else is told it does not exist (404, never 403: ids are not confirmed). */
async function requireParticipant(deps: Pick<Deps, 'db'>, auth: AuthContext, conversationId: string) {
  const found = await queries.findConversationFor(deps.db, conversationId, auth.user.id);
  if (!found || !conversationPolicy.canRead(found)) throw notFound('That conversation');
  return found;
}

export async function listConversations(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext) {
  const rows = await queries.listConversationsFor(deps.db, deps.config.messageKeys, auth.user.id);
  return { conversations: rows.map((row) => presentConversationSummary(row.conversation, row.unread, row.preview)) };
}

export async function unreadCount(deps: Pick<Deps, 'db'>, auth: AuthContext) {
  return { count: await queries.countUnreadFor(deps.db, auth.user.id) };
}

export async function getConversation(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext, conversationId: string, query: { cursor?: string | undefined; limit: number }): Promise<ConversationResponse> {
  const found = await requireParticipant(deps, auth, conversationId);
  const cursor = decodeCursor(query.cursor);
  const rows = await queries.listMessages(deps.db, deps.config.messageKeys, conversationId, cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const oldest = page[page.length - 1];
  const [summary] = await queries.listConversationsFor(deps.db, deps.config.messageKeys, auth.user.id, conversationId);
  return {
    conversation: presentConversationSummary(found.conversation, summary?.unread ?? 0, summary?.preview ?? null),
    messages: page.reverse().map((row) => presentMessageForMember(row)),
    olderCursor: rows.length > query.limit && oldest ? encodeCursor({ t: oldest.sortKey, id: oldest.id }) : null,
  };
}

export async function markConversationRead(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext, conversationId: string) {
  await requireParticipant(deps, auth, conversationId);
  await queries.markRead(deps.db, conversationId, auth.user.id, deps.clock.now());
}

/**
 * A member writes in their conversation. The message is risk-assessed like a
 * post, in the same transaction (DESIGN.md "The safety pipeline"): a crisis
 * answer raises its own alert and the member gets the support card in this
 * response. In a safety conversation the answer joins the alert the team
 * reached out about, so whoever holds it sees the answer live; once that alert
 * is resolved, the message goes on the review list instead (`member_message`),
 * so what a member writes to the team always reaches a person.
 */
export async function sendMessage(deps: ServiceDeps, auth: AuthContext, conversationId: string, input: SendMessageRequest, context: { countryCode: string | null }): Promise<SendMessageResponse> {
  const found = await requireParticipant(deps, auth, conversationId);
  if (!conversationPolicy.canWrite(found)) throw notFound('That conversation');
  const now = deps.clock.now();
  const assessment = await assessForWrite(deps.db, auth.user.id, input.body, now);
  // Assessed first: a message that would raise an alert is never counted or refused (nothing written in crisis is lost).
  if (!isAtLeast(assessment.level, 'high')) await deps.authLimiters.memberMessage(auth.user.id);
  const { messageId, safety, events } = await deps.db.transaction(async (tx) => {
    const safetyConversation = found.conversation.kind === 'safety';
    const newest = safetyConversation ? await queries.newestAlertOf(tx, conversationId) : null;
    // The answer joins the alert the team reached out about while that alert is still in hand; a resolved one no longer covers it.
    const alertId = newest && newest.status !== 'resolved' ? newest.alertId : null;
    const message = await queries.insertMessage(tx, deps.config.messageKeys, { conversationId, senderId: auth.user.id, asTeam: false, signed: false, body: input.body, alertId, now });
    // What one writes, one has read.
    await queries.markRead(tx, conversationId, auth.user.id, now);
    const recorded = await recordSafety(tx, deps, { contentType: 'message', contentId: message.id, authorId: auth.user.id, assessment, now });
    const recordedEvents: LiveEvent[] = [];
    if (recorded.alertEvent) recordedEvents.push(recorded.alertEvent);
    if (recorded.reviewEvent) recordedEvents.push(recorded.reviewEvent);
    // No alert in hand, and the message raised neither an alert nor a review item of its own: it still reaches a person.
    if (safetyConversation && !alertId && !recorded.alertEvent && !recorded.reviewEvent) {
      const reviewEvent = await reviewMemberMessage(tx, deps, { messageId: message.id, memberId: auth.user.id, assessmentId: recorded.assessmentId, resolvedAlertId: newest?.alertId ?? null, now });
      if (reviewEvent) recordedEvents.push(reviewEvent);
    }
    if (alertId) {
      await tx.insert(safetyAlertActions).values({ alertId, actorId: auth.user.id, kind: 'member_replied', details: { messageId: message.id }, createdAt: now });
      await recordAudit(tx, { actorId: auth.user.id, action: 'safety.alert_member_replied', targetType: 'safety_alert', targetId: alertId, details: { messageId: message.id } });
      recordedEvents.push(await deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId, change: 'member_replied' }));
    }
    // The member's other tabs and devices.
    recordedEvents.push(await deps.live.record(tx, userChannel(auth.user.id), SAFETY_LIVE.conversationMessage, { conversationId, messageId: message.id }));
    return { messageId: message.id, safety: recorded, events: recordedEvents };
  });
  await deps.live.announce(events);
  // A message is never held: only its member and the team read it, and holding protects other members.
  // An alert raised with nobody on duty: the card says so honestly, as a post's does (posts/service.ts afterWrite).
  const team = safety.alertId ? { online: !safety.nobodyOnDuty } : null;
  const support = await buildSupportCard(deps.db, { assessmentId: safety.assessmentId, assessment, countryCode: context.countryCode, held: false, team });
  const row = await queries.findMessage(deps.db, deps.config.messageKeys, messageId);
  if (!row) throw notFound('That message');
  return { message: presentMessageForMember(row), support };
}
