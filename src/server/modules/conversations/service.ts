import { and, desc, eq } from 'drizzle-orm';
import type { ConversationResponse, SendMessageRequest, SendMessageResponse } from '../../../shared/api/conversations.js';
import { DIRECT_LIVE } from '../../../shared/api/direct-messages.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import { isAtLeast, type RiskCategory } from '../../../shared/risk.js';
import type { Database } from '../../db/index.js';
import { riskAssessments, safetyAlertActions } from '../../db/schema/index.js';
import type { Deps } from '../../deps.js';
import { AppError, blockedByYou, conflict, conversationClosed, notFound, requestNotAccepted, requestNotAnswered } from '../../http/errors.js';
import { staffChannel, userChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { decodeCursor, encodeCursor } from '../feeds/cursor.js';
import { refusingSanction, SanctionError } from '../moderation/sanctions.js';
import { assessForWrite, raisesAlert, recordSafety, type WriteAssessment } from '../safety/assessment-service.js';
import { buildSupportCard } from '../safety/support-card.js';
import type { SupportCard } from '../../../shared/api/safety.js';
import { reviewMemberMessage } from '../safety-team/member-message-review.js';
import { otherParticipant } from './direct-queries.js';
import { conversationPolicy } from './policies.js';
import { presentConversationSummary, presentMessageForMember } from './presenters.js';
import { NOTIFICATIONS_LIVE } from '../../../shared/api/notifications.js';
import { notify } from '../notifications/notify.js';
import { markConversationNotificationsRead } from '../notifications/queries.js';
import * as queries from './queries.js';

export type ServiceDeps = Pick<Deps, 'db' | 'config' | 'live' | 'clock' | 'authLimiters'>;
type WriteContext = { countryCode: string | null };

/**
 * A conversation the member takes part in and may see; anyone else is told it does not exist (404, never 403:
 * ids are not confirmed). A direct conversation is hidden from a member who blocked the other, and from the
 * recipient of a declined request.
 */
export async function requireParticipant(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext, conversationId: string): Promise<queries.ConversationListRow> {
  const [row] = await queries.listConversationsFor(deps.db, deps.config.messageKeys, auth.user.id, { kind: 'one', id: conversationId });
  // The list query joins on the member's own participant row: a row back means they take part.
  if (!row || !conversationPolicy.canRead(true)) throw notFound('That conversation');
  if (row.conversation.kind === 'direct' && conversationPolicy.directView(row.conversation, auth.user.id, row.blockedByMe) === 'hidden') throw notFound('That conversation');
  return row;
}

/** Refuses a write in a direct conversation that is not open to this member now, saying why. */
export function assertDirectWritable(row: queries.ConversationListRow, auth: AuthContext): void {
  if (row.conversation.kind !== 'direct') return;
  const view = conversationPolicy.directView(row.conversation, auth.user.id, row.blockedByMe);
  if (row.blockedByMe) throw blockedByYou();
  if (row.blockedEitherWay || row.otherHandle === null) throw conversationClosed();
  if (view === 'request_sent') throw requestNotAccepted();
  if (view === 'request_received') throw requestNotAnswered();
  if (!conversationPolicy.directMayWrite(view, row.blockedEitherWay)) throw conversationClosed();
}

export async function listConversations(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext) {
  const rows = await queries.listConversationsFor(deps.db, deps.config.messageKeys, auth.user.id, { kind: 'inbox' });
  return { conversations: rows.map((row) => presentConversationSummary(row, auth.user.id)) };
}

export async function listRequests(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext) {
  const rows = await queries.listConversationsFor(deps.db, deps.config.messageKeys, auth.user.id, { kind: 'requests' });
  return { requests: rows.map((row) => presentConversationSummary(row, auth.user.id)) };
}

export async function unreadCount(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext) {
  const [count, requests] = await Promise.all([queries.countUnreadFor(deps.db, auth.user.id), queries.countRequestsFor(deps.db, auth.user.id)]);
  return { count, requests };
}

export async function getConversation(deps: Pick<Deps, 'db' | 'config'>, auth: AuthContext, conversationId: string, query: { cursor?: string | undefined; limit: number }): Promise<ConversationResponse> {
  const found = await requireParticipant(deps, auth, conversationId);
  const cursor = decodeCursor(query.cursor);
  const rows = await queries.listMessages(deps.db, deps.config.messageKeys, conversationId, cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const oldest = page[page.length - 1];
  return {
    conversation: presentConversationSummary(found, auth.user.id),
    messages: page.reverse().map((row) => presentMessageForMember(row, auth.user.id)),
    olderCursor: rows.length > query.limit && oldest ? encodeCursor({ t: oldest.sortKey, id: oldest.id }) : null,
  };
}

/** Read up to now. In a direct conversation where both turned read receipts on, the other member's open tabs hear it. */
export async function markConversationRead(deps: Pick<Deps, 'db' | 'clock' | 'live' | 'config'>, auth: AuthContext, conversationId: string) {
  const found = await requireParticipant(deps, auth, conversationId);
  const now = deps.clock.now();
  const events = await deps.db.transaction(async (tx) => {
    await queries.markRead(tx, conversationId, auth.user.id, now);
    // Its notifications are read with it, and the member's badge hears so.
    const badge = (await markConversationNotificationsRead(tx, auth.user.id, conversationId, now))
      ? [await deps.live.record(tx, userChannel(auth.user.id), NOTIFICATIONS_LIVE.changed, {})]
      : [];
    if (found.conversation.kind !== 'direct' || !found.receiptsOn || found.blockedEitherWay || found.conversation.requestState !== 'accepted') return badge;
    const other = await otherParticipant(tx, conversationId, auth.user.id);
    return other ? [...badge, await deps.live.record(tx, userChannel(other), DIRECT_LIVE.read, { conversationId, readAt: now.toISOString() })] : badge;
  });
  await deps.live.announce(events);
}

/** The support card of the message's newest assessment: a retried send gets the card the first one carried. */
async function supportFor(db: Database, messageId: string, context: WriteContext) {
  const [assessment] = await db
    .select()
    .from(riskAssessments)
    .where(and(eq(riskAssessments.contentType, 'message'), eq(riskAssessments.contentId, messageId)))
    .orderBy(desc(riskAssessments.createdAt))
    .limit(1);
  if (!assessment) return null;
  return buildSupportCard(db, { assessmentId: assessment.id, assessment: { level: assessment.level, categories: assessment.categories as RiskCategory[] }, countryCode: context.countryCode, held: false, team: null });
}

/**
 * The answer to a retried send: the message the first send wrote (it lands once). A retry is the SAME message: in
 * the same conversation (`conversationId`; null when the member has none with that recipient yet) with the same
 * words. A client id already used for anything else is refused (409 naming `clientId`): answering with the earlier
 * message would tell the writer that words nobody received were sent, and would drop them unread.
 */
export async function earlierSend(
  deps: Pick<Deps, 'db' | 'config'>,
  auth: AuthContext,
  input: SendMessageRequest,
  conversationId: string | null,
  context: WriteContext,
): Promise<(SendMessageResponse & { conversationId: string }) | null> {
  if (!input.clientId) return null;
  const row = await queries.findMessageByClientId(deps.db, deps.config.messageKeys, auth.user.id, input.clientId);
  if (!row) return null;
  if (row.conversationId !== conversationId || row.status !== 'visible' || row.body !== input.body) {
    throw conflict('client_id_reused', 'This message id was already used for a different message. Please send it again as a new message.', 'clientId');
  }
  return { conversationId: row.conversationId, message: presentMessageForMember(row, auth.user.id), support: await supportFor(deps.db, row.id, context) };
}

/** Refuses a direct message or request by a member who is suspended or banned (403 naming the sanction, as for posts). Never for the safety conversation. */
export async function assertMayMessage(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext): Promise<void> {
  // No group: a mute (given in one group) does not stop private messages; a ban or suspension does.
  const refusing = await refusingSanction(deps.db, auth.user.id, deps.clock.now());
  if (refusing) throw new SanctionError(refusing);
}

/**
 * A refusal of words written in crisis: the refusal stands (nothing reaches the other member), but the words were
 * kept for the safety team and an alert raised (keepForSafetyTeam), and the body carries the writer's support card
 * beside the usual error.
 */
export class RefusedButKept extends AppError {
  constructor(
    readonly refusal: AppError,
    readonly support: SupportCard | null,
  ) {
    super(refusal.status, refusal.code, refusal.message, refusal.field, refusal.headers);
  }

  override toBody() {
    return { ...this.refusal.toBody(), support: this.support };
  }
}

/**
 * Words written in crisis whose send was refused (consent, a block, a sanction, a reused client id): kept, held, in
 * the member's conversation with the safety team (never shown to anyone else, never delivered to the member they
 * wrote to, nothing in that conversation moves), with their assessment and alert, in one transaction. Staff read them
 * from the alert. Nothing written in crisis is lost (DESIGN.md, the safety pipeline).
 */
async function keepForSafetyTeam(deps: ServiceDeps, auth: AuthContext, body: string, assessment: WriteAssessment, context: WriteContext): Promise<SupportCard | null> {
  const now = deps.clock.now();
  const kept = await deps.db.transaction(async (tx) => {
    const conversation = await queries.ensureSafetyConversation(tx, auth.user.id, now);
    const message = await queries.insertMessage(tx, deps.config.messageKeys, { conversationId: conversation.id, senderId: auth.user.id, asTeam: false, signed: false, body, alertId: null, now, held: true });
    const recorded = await recordSafety(tx, deps, { contentType: 'message', contentId: message.id, authorId: auth.user.id, assessment, now });
    return { recorded, events: [recorded.alertEvent, recorded.reviewEvent].filter((event): event is LiveEvent => event !== null) };
  });
  await deps.live.announce(kept.events);
  const team = kept.recorded.alertId ? { online: !kept.recorded.nobodyOnDuty } : null;
  return buildSupportCard(deps.db, { assessmentId: kept.recorded.assessmentId, assessment, countryCode: context.countryCode, held: true, team });
}

/**
 * A send (or edit) decided AFTER the assessor: `decide` runs the refusals (a reused client id, a sanction, consent, blocks)
 * and either answers (a retry) or writes. When it refuses words that raise an alert, they are kept for the safety
 * team first and the refusal carries the support card (RefusedButKept).
 */
export async function assessedSend<T>(
  deps: ServiceDeps,
  auth: AuthContext,
  input: Pick<SendMessageRequest, 'body'>,
  context: WriteContext,
  decide: (assessment: WriteAssessment) => Promise<T>,
): Promise<T> {
  const assessment = await assessForWrite(deps.db, auth.user.id, input.body, deps.clock.now());
  try {
    return await decide(assessment);
  } catch (error) {
    const refused = error instanceof AppError && !(error instanceof RefusedButKept) && (error.status === 403 || error.status === 409);
    if (!refused || !raisesAlert(assessment)) throw error;
    throw new RefusedButKept(error, await keepForSafetyTeam(deps, auth, input.body, assessment, context));
  }
}

/**
 * Writes a message: risk-assessed like a post, in the same transaction (DESIGN.md "The safety pipeline"): a
 * crisis message raises its own alert, and the writer gets the support card in this response. `prepare` runs
 * first in the transaction (a direct request's conversation is made there) and returns the conversation.
 *
 * In a safety conversation the answer joins the alert the team reached out about, so whoever holds it sees the
 * answer live; once that alert is resolved, the message goes on the review list instead (`member_message`),
 * so what a member writes to the team always reaches a person. In a direct conversation the other member's
 * open sockets get the message, presented for them.
 */
export async function writeMessage(
  deps: ServiceDeps,
  auth: AuthContext,
  input: SendMessageRequest,
  context: WriteContext,
  prepare: (tx: Database) => Promise<{ conversation: queries.ConversationRow; newRequestTo: string | null }>,
  assessed?: WriteAssessment,
): Promise<SendMessageResponse & { conversationId: string }> {
  const now = deps.clock.now();
  const assessment = assessed ?? (await assessForWrite(deps.db, auth.user.id, input.body, now));
  // Assessed first: a message that would raise an alert is never counted or refused (nothing written in crisis is lost).
  if (!isAtLeast(assessment.level, 'high')) await deps.authLimiters.memberMessage(auth.user.id);
  let written;
  try {
    written = await deps.db.transaction(async (tx) => {
      const { conversation, newRequestTo } = await prepare(tx);
      const conversationId = conversation.id;
      const safetyConversation = conversation.kind === 'safety';
      const newest = safetyConversation ? await queries.newestAlertOf(tx, conversationId) : null;
      // The answer joins the alert the team reached out about while that alert is still in hand; a resolved one no longer covers it.
      const alertId = newest && newest.status !== 'resolved' ? newest.alertId : null;
      const message = await queries.insertMessage(tx, deps.config.messageKeys, { conversationId, senderId: auth.user.id, asTeam: false, signed: false, body: input.body, alertId, now, clientId: input.clientId });
      // What one writes, one has read.
      await queries.markRead(tx, conversationId, auth.user.id, now);
      const recorded = await recordSafety(tx, deps, { contentType: 'message', contentId: message.id, authorId: auth.user.id, assessment, now });
      const recordedEvents: LiveEvent[] = [];
      if (recorded.alertEvent) recordedEvents.push(recorded.alertEvent);
      if (recorded.reviewEvent) recordedEvents.push(recorded.reviewEvent);
      if (safetyConversation) {
        // No alert in hand, and the message raised neither an alert nor a review item of its own: it still reaches a person.
        if (!alertId && !recorded.alertEvent && !recorded.reviewEvent) {
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
      } else {
        // Ids only in the row (no words kept in live_events): the gateway presents the message for each reader at delivery.
        const payload = { conversationId, messageId: message.id };
        const other = newRequestTo ?? (await otherParticipant(tx, conversationId, auth.user.id));
        if (other && newRequestTo) {
          recordedEvents.push(await deps.live.record(tx, userChannel(other), DIRECT_LIVE.changed, { conversationId }));
          const told = await notify(tx, deps, { kind: 'message_request', recipientId: other, actorId: auth.user.id, conversationId });
          if (told) recordedEvents.push(told);
        } else if (other) {
          recordedEvents.push(await deps.live.record(tx, userChannel(other), DIRECT_LIVE.message, payload));
          const told = await notify(tx, deps, { kind: 'message', recipientId: other, actorId: auth.user.id, conversationId });
          if (told) recordedEvents.push(told);
        }
        recordedEvents.push(await deps.live.record(tx, userChannel(auth.user.id), DIRECT_LIVE.message, payload));
      }
      return { conversationId, messageId: message.id, safety: recorded, events: recordedEvents };
    });
  } catch (error) {
    // The same client id again (a retry that raced the first send): the first one is the answer.
    if (error instanceof queries.DuplicateSend) {
      const earlier = await queries.findMessageByClientId(deps.db, deps.config.messageKeys, auth.user.id, input.clientId ?? '');
      const answer = earlier ? await earlierSend(deps, auth, input, earlier.conversationId, context) : null;
      if (answer) return answer;
    }
    throw error;
  }
  const { messageId, safety, events } = written;
  await deps.live.announce(events);
  // A message is never held: only its two sides read it, and holding protects other members.
  // An alert raised with nobody on duty: the card says so honestly, as a post's does (posts/service.ts afterWrite).
  const team = safety.alertId ? { online: !safety.nobodyOnDuty } : null;
  const support = await buildSupportCard(deps.db, { assessmentId: safety.assessmentId, assessment, countryCode: context.countryCode, held: false, team });
  const row = await queries.findMessage(deps.db, deps.config.messageKeys, messageId);
  if (!row) throw notFound('That message');
  return { conversationId: written.conversationId, message: presentMessageForMember(row, auth.user.id), support };
}

/**
 * A member writes in a conversation they take part in (a retried send with the same client id lands once). Assessed
 * before any refusal: words written in crisis that are refused are kept for the safety team (assessedSend).
 */
export async function sendMessage(deps: ServiceDeps, auth: AuthContext, conversationId: string, input: SendMessageRequest, context: WriteContext): Promise<SendMessageResponse> {
  const found = await requireParticipant(deps, auth, conversationId);
  if (!conversationPolicy.canWrite(true)) throw notFound('That conversation');
  return assessedSend(deps, auth, input, context, async (assessment) => {
    const earlier = await earlierSend(deps, auth, input, conversationId, context);
    if (earlier) return { message: earlier.message, support: earlier.support };
    // The safety conversation is never refused: help stays one tap away, whatever the sanction.
    if (found.conversation.kind === 'direct') await assertMayMessage(deps, auth);
    assertDirectWritable(found, auth);
    const { message, support } = await writeMessage(deps, auth, input, context, async () => ({ conversation: found.conversation, newRequestTo: null }), assessment);
    return { message, support };
  });
}
