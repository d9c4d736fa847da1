import { eq, sql } from 'drizzle-orm';
import type { AlertConversationResponse, OutreachRequest, OutreachResponse } from '../../../shared/api/conversations.js';
import { notify } from '../notifications/notify.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { Deps } from '../../deps.js';
import type { Database } from '../../db/index.js';
import { safetyAlertActions, safetyAlerts, safetyAlertState, users } from '../../db/schema/index.js';
import { conflict, notFound } from '../../http/errors.js';
import { staffChannel, userChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { presentMessageForStaff } from '../conversations/presenters.js';
import { revealForConversation } from './alerts-service.js';
import * as conversations from '../conversations/queries.js';

type OutreachDeps = Pick<Deps, 'db' | 'live' | 'clock' | 'config'>;

/** How many of the newest messages the alert shows (a safety conversation is short; older ones stay stored). */
const ALERT_CONVERSATION_LIMIT = 200;

async function findAlert(db: Database, alertId: string, lock: boolean) {
  const query = db
    .select({ id: safetyAlerts.id, status: safetyAlerts.status, subjectId: safetyAlerts.subjectId, claimedBy: safetyAlerts.claimedBy, holderHandle: users.handle })
    .from(safetyAlerts)
    .leftJoin(users, eq(users.id, safetyAlerts.claimedBy))
    .where(eq(safetyAlerts.id, alertId))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: safetyAlerts }) : await query;
  return row ?? null;
}

/**
 * Claims an open alert for `actorId` inside the caller's transaction, keeping
 * the alert-state contract: claimed, `next_step_at` null (nothing escalates
 * while someone holds it), an action row, an audit row and the staff event.
 * The UPDATE is conditional, so two racing claims cannot both win.
 */
async function claimForOutreach(tx: Database, deps: OutreachDeps, alertId: string, actorId: string, now: Date): Promise<LiveEvent | null> {
  const claimed = await tx
    .update(safetyAlerts)
    .set({ status: 'claimed', claimedBy: actorId, claimedAt: now })
    .where(sql`${safetyAlerts.id} = ${alertId} and ${safetyAlerts.status} = 'open'`)
    .returning({ id: safetyAlerts.id });
  if (claimed.length === 0) return null;
  await tx.update(safetyAlertState).set({ nextStepAt: null }).where(eq(safetyAlertState.alertId, alertId));
  await tx.insert(safetyAlertActions).values({ alertId, actorId, kind: 'claimed', details: { via: 'outreach' }, createdAt: now });
  await recordAudit(tx, { actorId, action: 'safety.alert_claimed', targetType: 'safety_alert', targetId: alertId, details: { via: 'outreach' } });
  return deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId, change: 'claimed' });
}

/**
 * The team reaches out to the member an alert is about, in the member's safety
 * conversation (created on first use). The person reaching out holds the
 * alert: an unclaimed alert is claimed for them in the same transaction; an
 * alert someone else holds is refused with who holds it. The member hears of
 * the message live on their own channel; the payload carries ids only.
 */
export async function sendOutreach(deps: OutreachDeps, auth: AuthContext, alertId: string, input: OutreachRequest): Promise<OutreachResponse> {
  const now = deps.clock.now();
  const signed = input.signed ?? false;
  const { messageId, claimed, events } = await deps.db.transaction(async (tx) => {
    const alert = await findAlert(tx, alertId, true);
    if (!alert) throw notFound('That alert');
    if (alert.status === 'resolved') throw conflict('alert_resolved', 'This alert is resolved, so no more outreach can be sent from it.');
    if (alert.status === 'claimed' && alert.claimedBy !== auth.user.id) {
      throw conflict('already_claimed', `@${alert.holderHandle ?? 'another team member'} holds this alert. Ask them, or wait until they release it.`);
    }
    const recorded: LiveEvent[] = [];
    const claimEvent = alert.status === 'open' ? await claimForOutreach(tx, deps, alertId, auth.user.id, now) : null;
    if (alert.status === 'open' && !claimEvent) throw conflict('already_claimed', 'Another team member has just claimed this alert.');
    if (claimEvent) recorded.push(claimEvent);

    const conversation = await conversations.ensureSafetyConversation(tx, alert.subjectId, now);
    const message = await conversations.insertMessage(tx, deps.config.messageKeys, { conversationId: conversation.id, senderId: auth.user.id, asTeam: true, signed, body: input.body, alertId, now });
    await tx
      .update(safetyAlertState)
      .set({ firstOutreachAt: sql`coalesce(${safetyAlertState.firstOutreachAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(safetyAlertState.alertId, alertId));
    await tx.insert(safetyAlertActions).values({ alertId, actorId: auth.user.id, kind: 'outreach', details: { messageId: message.id, signed }, createdAt: now });
    // Never the message text in the audit log.
    await recordAudit(tx, { actorId: auth.user.id, action: 'safety.alert_outreach', targetType: 'safety_alert', targetId: alertId, details: { messageId: message.id, signed } });
    recorded.push(await deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId, change: 'outreach' }));
    recorded.push(await deps.live.record(tx, userChannel(alert.subjectId), SAFETY_LIVE.conversationMessage, { conversationId: conversation.id, messageId: message.id }));
    // In the member's notifications too, pushed even in their quiet hours: the team reaching out is never held back.
    const notified = await notify(tx, deps, { kind: 'outreach', recipientId: alert.subjectId, conversationId: conversation.id });
    if (notified) recorded.push(notified);
    return { messageId: message.id, claimed: claimEvent !== null, events: recorded };
  });
  await deps.live.announce(events);
  const row = await conversations.findMessage(deps.db, deps.config.messageKeys, messageId);
  if (!row) throw notFound('That message');
  return { message: presentMessageForStaff(row), claimed };
}

/**
 * The member's safety conversation as the team sees it on an alert: every
 * message, who on the team sent each, newest last. Its messages name the
 * alerts they belong to, so a conversation tied to anonymous content is read
 * through the logged reveal, like the alert itself (alerts-service.ts).
 */
export async function alertConversation(deps: OutreachDeps, auth: AuthContext, alertId: string): Promise<AlertConversationResponse> {
  const alert = await findAlert(deps.db, alertId, false);
  if (!alert) throw notFound('That alert');
  await revealForConversation(deps, auth, alertId);
  const conversation = await conversations.findSafetyConversation(deps.db, alert.subjectId);
  if (!conversation) return { conversationId: null, messages: [] };
  const rows = await conversations.listRecentMessages(deps.db, deps.config.messageKeys, conversation.id, ALERT_CONVERSATION_LIMIT);
  return { conversationId: conversation.id, messages: rows.map(presentMessageForStaff) };
}
