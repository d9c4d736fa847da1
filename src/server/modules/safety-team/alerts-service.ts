import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AlertChange } from '../../../shared/api/safety-live.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { AlertDetail, AlertListItem, AlertListResponse, AlertResolveRequest } from '../../../shared/api/safety-alerts.js';
import type { SafetySettings } from '../../../shared/api/safety-settings.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import { anonymityReveals, safetyAlertActions, safetyAlerts, safetyAlertState, safetyReviewItems, users } from '../../db/schema/index.js';
import type { Deps } from '../../deps.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { staffChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import {
  countUnresolvedAlerts,
  findAlertContent,
  findAlertRow,
  findAssessment,
  findHandle,
  findSubjectHistory,
  anonymousContentInConversation,
  findConversationOfMessage,
  hasRevealed,
  listAlertActions,
  listResolvedSince,
  listUnresolvedAlerts,
  type AlertContent,
  type AlertRow,
} from './alerts-queries.js';
import { findSafetyConversation } from '../conversations/queries.js';
import { presentAlertDetail, presentAlertListItem } from './alerts-presenters.js';
import { safetyTeamPolicy } from './policy.js';
import { readSafetySettings } from './settings.js';

/**
 * The rules of the safety dashboard's alerts: claim, release, note, resolve,
 * and reading one alert (with the logged reveal of an anonymous author). The
 * alert-state contract: claim and resolve stop the escalation clock
 * (`next_step_at` null); release restarts it at greatest(deadline, now), so an
 * overdue alert escalates again at once from the step it had reached.
 */

type AlertDeps = Pick<Deps, 'db' | 'live' | 'clock' | 'config'>;
const RECENTLY_RESOLVED_MS = 24 * 60 * 60_000;
const REVEAL_REASON = 'safety alert';

export async function listAlerts(deps: AlertDeps): Promise<AlertListResponse> {
  const since = new Date(deps.clock.now().getTime() - RECENTLY_RESOLVED_MS);
  const [open, resolved] = await Promise.all([listUnresolvedAlerts(deps.db, deps.config.messageKeys), listResolvedSince(deps.db, deps.config.messageKeys, since)]);
  return { alerts: open.map(presentAlertListItem), recentlyResolved: resolved.map(presentAlertListItem) };
}

export const alertCounts = (deps: AlertDeps) => countUnresolvedAlerts(deps.db);

async function requireAlert(db: Database, keys: MessageKeyring, alertId: string): Promise<AlertRow> {
  const row = await findAlertRow(db, keys, alertId);
  if (!row) throw notFound('That alert');
  return row;
}

type AnonymousContent = { type: 'post' | 'reply'; id: string };

/**
 * The anonymous posts and replies that reading this alert's member would tie
 * to them (alerts-queries.ts states the rule): the alert's own content when it
 * is anonymous; for an alert on a message (`throughConversation`: or any view
 * of the member's safety conversation), every anonymous post or reply whose
 * alert has messages in that conversation.
 */
async function anonymousBehind(db: Database, row: AlertRow, source: AlertContent | undefined, throughConversation: boolean): Promise<AnonymousContent[]> {
  const own = source?.anonymous === true && (source.type === 'post' || source.type === 'reply') ? [{ type: source.type, id: source.id }] : [];
  let conversationId: string | undefined;
  if (source?.type === 'message') conversationId = await findConversationOfMessage(db, source.id);
  else if (throughConversation) conversationId = (await findSafetyConversation(db, row.subjectId))?.id;
  const tied = conversationId ? await anonymousContentInConversation(db, conversationId) : [];
  return [...own, ...tied.filter((content) => !own.some((mine) => mine.id === content.id))];
}

/** The content an alert is about, or for an alert without content the assessed content behind it. */
async function alertSource(db: Database, keys: MessageKeyring, row: AlertRow) {
  const assessment = row.assessmentId ? await findAssessment(db, row.assessmentId) : undefined;
  const content = await findAlertContent(db, keys, row.contentType, row.contentId);
  const source = content ?? (assessment ? await findAlertContent(db, keys, assessment.contentType, assessment.contentId) : undefined);
  return { assessment, content, source };
}

/** The logged reveal, once per staff member per alert, when reading it ties the member to anonymous content. True when it applies. */
async function revealIfAnonymous(deps: AlertDeps, staffId: string, row: AlertRow, anonymous: AnonymousContent[]): Promise<boolean> {
  if (anonymous.length === 0) return false;
  if (!(await hasRevealed(deps.db, row.id, staffId))) await revealForAlert(deps, staffId, { alertId: row.id, subjectId: row.subjectId, contents: anonymous });
  return true;
}

/**
 * One alert in full. When the content (or, for an alert without content, the
 * assessed content behind it) is anonymous, or it is a message in a
 * conversation tied to anonymous content, the author is revealed to this
 * staff member through the logged reveal, once per staff member per alert.
 */
export async function getAlertDetail(deps: AlertDeps, auth: AuthContext, alertId: string): Promise<AlertDetail> {
  const row = await requireAlert(deps.db, deps.config.messageKeys, alertId);
  const { assessment, content, source } = await alertSource(deps.db, deps.config.messageKeys, row);
  const revealed = await revealIfAnonymous(deps, auth.user.id, row, await anonymousBehind(deps.db, row, source, false));
  const handle = (await findHandle(deps.db, row.subjectId)) ?? 'unknown';
  const [history, actions] = await Promise.all([findSubjectHistory(deps.db, row.subjectId, alertId, revealed, auth.user.id), listAlertActions(deps.db, alertId)]);
  return presentAlertDetail({ row, content, assessment, author: { handle, revealed }, history, actions });
}

/**
 * Before the member's safety conversation is shown on an alert: its messages
 * carry the ids of every alert they belong to, so a conversation tied to
 * anonymous content is read through the logged reveal, like the alert itself.
 */
export async function revealForConversation(deps: AlertDeps, auth: AuthContext, alertId: string): Promise<void> {
  const row = await requireAlert(deps.db, deps.config.messageKeys, alertId);
  const { source } = await alertSource(deps.db, deps.config.messageKeys, row);
  await revealIfAnonymous(deps, auth.user.id, row, await anonymousBehind(deps.db, row, source, true));
}

/** The existing logged reveal (moderation/reveal.ts), with the reason "safety alert", and a line in the alert's timeline. */
async function revealForAlert(deps: AlertDeps, staffId: string, input: { alertId: string; subjectId: string; contents: AnonymousContent[] }) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Two polls at once from one staff member must not log two reveals: check again under a lock for this pair.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${input.alertId}:${staffId}`}))`);
    if (await hasRevealed(tx, input.alertId, staffId)) return;
    for (const content of input.contents) {
      await tx.insert(anonymityReveals).values({ staffId, contentType: content.type, contentId: content.id, revealedUserId: input.subjectId, reason: REVEAL_REASON, createdAt: now });
      await recordAudit(tx, { actorId: staffId, action: 'anonymity.revealed', targetType: content.type, targetId: content.id, details: { reason: REVEAL_REASON, alertId: input.alertId } });
    }
    await tx.insert(safetyAlertActions).values({ alertId: input.alertId, actorId: staffId, kind: 'revealed', details: { contentType: input.contents[0]!.type }, createdAt: now });
  });
}

interface ActionInput {
  alertId: string;
  actorId: string;
  kind: 'claimed' | 'released' | 'note' | 'resolved';
  change: AlertChange;
  body?: string | null;
  /** Also written to the audit log: never content or note text. */
  details?: Record<string, unknown>;
  now: Date;
}

/** The action row, the audit row and the staff live event of one alert action, in the caller's transaction. */
async function recordAlertAction(tx: Database, deps: Pick<Deps, 'live'>, input: ActionInput): Promise<LiveEvent> {
  const details = input.details ?? {};
  await tx.insert(safetyAlertActions).values({ alertId: input.alertId, actorId: input.actorId, kind: input.kind, body: input.body ?? null, details, createdAt: input.now });
  await recordAudit(tx, { actorId: input.actorId, action: `safety.alert_${input.kind}`, targetType: 'safety_alert', targetId: input.alertId, details });
  return deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId: input.alertId, change: input.change });
}

async function presentOne(deps: AlertDeps, alertId: string): Promise<AlertListItem> {
  return presentAlertListItem(await requireAlert(deps.db, deps.config.messageKeys, alertId));
}

export async function claimAlert(deps: AlertDeps, auth: AuthContext, alertId: string): Promise<AlertListItem> {
  const now = deps.clock.now();
  const events = await deps.db.transaction(async (tx) => {
    // Conditional: of two racing claims only one finds the alert still open.
    const claimed = await tx
      .update(safetyAlerts)
      .set({ status: 'claimed', claimedBy: auth.user.id, claimedAt: now })
      .where(and(eq(safetyAlerts.id, alertId), eq(safetyAlerts.status, 'open')))
      .returning({ id: safetyAlerts.id });
    if (claimed.length === 0) {
      const row = await requireAlert(tx, deps.config.messageKeys, alertId);
      if (row.status === 'resolved') throw conflict('already_resolved', 'This alert is already resolved.');
      const [holder] = await tx.select({ claimedBy: safetyAlerts.claimedBy }).from(safetyAlerts).where(eq(safetyAlerts.id, alertId));
      if (holder?.claimedBy === auth.user.id) return [];
      throw conflict('already_claimed', `@${row.claimedByHandle ?? 'someone'} has already claimed this alert.`);
    }
    await tx.update(safetyAlertState).set({ nextStepAt: null }).where(eq(safetyAlertState.alertId, alertId));
    return [await recordAlertAction(tx, deps, { alertId, actorId: auth.user.id, kind: 'claimed', change: 'claimed', now })];
  });
  await deps.live.announce(events);
  return presentOne(deps, alertId);
}

/**
 * Release: by its holder, an admin, or (so an alert is never stuck with
 * someone who has left) anyone on the team once the holder is no longer on it.
 */
export async function releaseAlert(deps: AlertDeps, auth: AuthContext, settings: SafetySettings, alertId: string): Promise<AlertListItem> {
  const now = deps.clock.now();
  const isAdmin = safetyTeamPolicy.isAdmin(auth.user.role);
  const events = await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)).for('update');
    if (!current) throw notFound('That alert');
    if (current.status === 'resolved') throw conflict('already_resolved', 'This alert is already resolved.');
    if (current.status === 'open') throw conflict('not_claimed', 'Nobody holds this alert, so there is nothing to release.');
    const isHolder = current.claimedBy === auth.user.id;
    if (!isHolder && !isAdmin && !(await holderOffTeam(tx, current.claimedBy, settings))) {
      throw forbidden('Only the person who claimed this alert, or an admin, can release it.');
    }
    const details = isHolder ? {} : { onBehalfOfHolder: true };
    return [await reopenClaimed(tx, deps, { alertId, deadlineAt: current.deadlineAt, actorId: auth.user.id, details, now })];
  });
  await deps.live.announce(events);
  return presentOne(deps, alertId);
}

async function holderOffTeam(tx: Database, holderId: string | null, settings: SafetySettings): Promise<boolean> {
  if (!holderId) return true;
  const [holder] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, holderId));
  return !holder || !safetyTeamPolicy.isOnTeam(holder, settings);
}

/** Claimed → open: the escalation clock runs again (an overdue alert escalates at once from the step it had reached). */
async function reopenClaimed(
  tx: Database,
  deps: Pick<Deps, 'live'>,
  input: { alertId: string; deadlineAt: Date; actorId: string; details: Record<string, unknown>; now: Date },
): Promise<LiveEvent> {
  await tx.update(safetyAlerts).set({ status: 'open', claimedBy: null, claimedAt: null }).where(eq(safetyAlerts.id, input.alertId));
  const nextStepAt = new Date(Math.max(input.deadlineAt.getTime(), input.now.getTime()));
  await tx.update(safetyAlertState).set({ nextStepAt }).where(eq(safetyAlertState.alertId, input.alertId));
  return recordAlertAction(tx, deps, { alertId: input.alertId, actorId: input.actorId, kind: 'released', change: 'released', details: input.details, now: input.now });
}

/**
 * After a role change or a change to the named team, in the same transaction:
 * every claimed alert whose holder is no longer on the team goes back to open
 * (released by `actorId`, the admin who made the change, reason
 * holder_left_team), so it escalates instead of sitting claimed forever. The
 * caller announces the returned events after commit.
 */
export async function releaseClaimsOffTeam(tx: Database, deps: Pick<Deps, 'live'>, input: { actorId: string; now: Date }): Promise<LiveEvent[]> {
  const settings = await readSafetySettings(tx);
  const claimed = await tx
    .select({ id: safetyAlerts.id, deadlineAt: safetyAlerts.deadlineAt, holderId: users.id, role: users.role })
    .from(safetyAlerts)
    .innerJoin(users, eq(users.id, safetyAlerts.claimedBy))
    .where(eq(safetyAlerts.status, 'claimed'))
    .for('update', { of: safetyAlerts });
  const events: LiveEvent[] = [];
  for (const alert of claimed) {
    if (safetyTeamPolicy.isOnTeam({ id: alert.holderId, role: alert.role }, settings)) continue;
    const details = { reason: 'holder_left_team' };
    events.push(await reopenClaimed(tx, deps, { alertId: alert.id, deadlineAt: alert.deadlineAt, actorId: input.actorId, details, now: input.now }));
  }
  return events;
}

export async function addAlertNote(deps: AlertDeps, auth: AuthContext, alertId: string, body: string): Promise<AlertListItem> {
  const now = deps.clock.now();
  const events = await deps.db.transaction(async (tx) => {
    const [current] = await tx.select({ id: safetyAlerts.id }).from(safetyAlerts).where(eq(safetyAlerts.id, alertId));
    if (!current) throw notFound('That alert');
    // The note's words live in the action row only; the audit row says a note was written.
    return [await recordAlertAction(tx, deps, { alertId, actorId: auth.user.id, kind: 'note', change: 'note', body, now })];
  });
  await deps.live.announce(events);
  return presentOne(deps, alertId);
}

export async function resolveAlert(deps: AlertDeps, auth: AuthContext, settings: SafetySettings, alertId: string, input: AlertResolveRequest): Promise<AlertListItem> {
  const now = deps.clock.now();
  const note = input.note && input.note.length > 0 ? input.note : null;
  const events = await deps.db.transaction(async (tx) => {
    const [resolved] = await tx
      .update(safetyAlerts)
      .set({ status: 'resolved', resolvedAt: now })
      .where(and(eq(safetyAlerts.id, alertId), inArray(safetyAlerts.status, ['open', 'claimed'])))
      .returning();
    if (!resolved) {
      await requireAlert(tx, deps.config.messageKeys, alertId);
      throw conflict('already_resolved', 'This alert is already resolved.');
    }
    await tx.update(safetyAlertState).set({ nextStepAt: null, outcome: input.outcome, outcomeNote: note, resolvedBy: auth.user.id }).where(eq(safetyAlertState.alertId, alertId));
    const recorded: LiveEvent[] = [];
    const details = { outcome: input.outcome, wasClaimedBy: resolved.claimedBy === auth.user.id ? 'self' : resolved.claimedBy ? 'another' : 'nobody' };
    recorded.push(await recordAlertAction(tx, deps, { alertId, actorId: auth.user.id, kind: 'resolved', change: 'resolved', body: note, details, now }));
    if (settings.secondLook && input.outcome === 'not_a_concern') {
      const event = await openSecondLook(tx, deps, resolved, now);
      if (event) recorded.push(event);
    }
    return recorded;
  });
  await deps.live.announce(events);
  return presentOne(deps, alertId);
}

/** One person closed it as not a concern: a second person reads it on the review list (no deadline). */
async function openSecondLook(tx: Database, deps: AlertDeps, alert: typeof safetyAlerts.$inferSelect, now: Date): Promise<LiveEvent | undefined> {
  let contentType = alert.contentType;
  let contentId = alert.contentId;
  if ((!contentType || !contentId) && alert.assessmentId) {
    const assessment = await findAssessment(tx, alert.assessmentId);
    contentType = assessment?.contentType ?? null;
    contentId = assessment?.contentId ?? null;
  }
  // An alert with nothing to read again (no content, no assessment) has no second look.
  if (!contentType || !contentId) return undefined;
  const [item] = await tx
    .insert(safetyReviewItems)
    .values({ kind: 'second_look', alertId: alert.id, assessmentId: alert.assessmentId, contentType, contentId, subjectId: alert.subjectId, createdAt: now })
    .returning({ id: safetyReviewItems.id });
  return deps.live.record(tx, staffChannel, SAFETY_LIVE.reviewChanged, { itemId: item!.id });
}
