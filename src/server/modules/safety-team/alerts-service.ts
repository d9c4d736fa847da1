import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AlertChange } from '../../../shared/api/safety-live.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { AlertDetail, AlertListItem, AlertListResponse, AlertResolveRequest } from '../../../shared/api/safety-alerts.js';
import type { SafetySettings } from '../../../shared/api/safety-settings.js';
import type { Database } from '../../db/index.js';
import { anonymityReveals, safetyAlertActions, safetyAlerts, safetyAlertState, safetyReviewItems } from '../../db/schema/index.js';
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
  hasRevealed,
  listAlertActions,
  listResolvedSince,
  listUnresolvedAlerts,
  type AlertRow,
} from './alerts-queries.js';
import { presentAlertDetail, presentAlertListItem } from './alerts-presenters.js';
import { safetyTeamPolicy } from './policy.js';

/**
 * The rules of the safety dashboard's alerts: claim, release, note, resolve,
 * and reading one alert (with the logged reveal of an anonymous author). The
 * alert-state contract: claim and resolve stop the escalation clock
 * (`next_step_at` null); release restarts it at greatest(deadline, now), so an
 * overdue alert escalates again at once from the step it had reached.
 */

type AlertDeps = Pick<Deps, 'db' | 'live' | 'clock'>;
const RECENTLY_RESOLVED_MS = 24 * 60 * 60_000;
const REVEAL_REASON = 'safety alert';

export async function listAlerts(deps: AlertDeps): Promise<AlertListResponse> {
  const since = new Date(deps.clock.now().getTime() - RECENTLY_RESOLVED_MS);
  const [open, resolved] = await Promise.all([listUnresolvedAlerts(deps.db), listResolvedSince(deps.db, since)]);
  return { alerts: open.map(presentAlertListItem), recentlyResolved: resolved.map(presentAlertListItem) };
}

export const alertCounts = (deps: AlertDeps) => countUnresolvedAlerts(deps.db);

async function requireAlert(db: Database, alertId: string): Promise<AlertRow> {
  const row = await findAlertRow(db, alertId);
  if (!row) throw notFound('That alert');
  return row;
}

/**
 * One alert in full. When the content (or, for an alert without content, the
 * assessed content behind it) is anonymous, the author is revealed to this
 * staff member through the logged reveal, once per staff member per alert.
 */
export async function getAlertDetail(deps: AlertDeps, auth: AuthContext, alertId: string): Promise<AlertDetail> {
  const row = await requireAlert(deps.db, alertId);
  const assessment = row.assessmentId ? await findAssessment(deps.db, row.assessmentId) : undefined;
  const content = await findAlertContent(deps.db, row.contentType, row.contentId);
  const source = content ?? (assessment ? await findAlertContent(deps.db, assessment.contentType, assessment.contentId) : undefined);
  const anonymous = source?.anonymous === true && (source.type === 'post' || source.type === 'reply');
  if (anonymous && !(await hasRevealed(deps.db, alertId, auth.user.id))) {
    await revealForAlert(deps, auth.user.id, { alertId, subjectId: row.subjectId, contentType: source.type as 'post' | 'reply', contentId: source.id });
  }
  const handle = (await findHandle(deps.db, row.subjectId)) ?? 'unknown';
  const [history, actions] = await Promise.all([findSubjectHistory(deps.db, row.subjectId, alertId, anonymous), listAlertActions(deps.db, alertId)]);
  return presentAlertDetail({ row, content, assessment, author: { handle, revealed: anonymous }, history, actions });
}

/** The existing logged reveal (moderation/reveal.ts), with the reason "safety alert", and a line in the alert's timeline. */
async function revealForAlert(deps: AlertDeps, staffId: string, input: { alertId: string; subjectId: string; contentType: 'post' | 'reply'; contentId: string }) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Two polls at once from one staff member must not log two reveals: check again under a lock for this pair.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${input.alertId}:${staffId}`}))`);
    if (await hasRevealed(tx, input.alertId, staffId)) return;
    await tx.insert(anonymityReveals).values({ staffId, contentType: input.contentType, contentId: input.contentId, revealedUserId: input.subjectId, reason: REVEAL_REASON, createdAt: now });
    await recordAudit(tx, { actorId: staffId, action: 'anonymity.revealed', targetType: input.contentType, targetId: input.contentId, details: { reason: REVEAL_REASON, alertId: input.alertId } });
    await tx.insert(safetyAlertActions).values({ alertId: input.alertId, actorId: staffId, kind: 'revealed', details: { contentType: input.contentType }, createdAt: now });
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
async function recordAlertAction(tx: Database, deps: AlertDeps, input: ActionInput): Promise<LiveEvent> {
  const details = input.details ?? {};
  await tx.insert(safetyAlertActions).values({ alertId: input.alertId, actorId: input.actorId, kind: input.kind, body: input.body ?? null, details, createdAt: input.now });
  await recordAudit(tx, { actorId: input.actorId, action: `safety.alert_${input.kind}`, targetType: 'safety_alert', targetId: input.alertId, details });
  return deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId: input.alertId, change: input.change });
}

async function presentOne(deps: AlertDeps, alertId: string): Promise<AlertListItem> {
  return presentAlertListItem(await requireAlert(deps.db, alertId));
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
      const row = await requireAlert(tx, alertId);
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

export async function releaseAlert(deps: AlertDeps, auth: AuthContext, alertId: string): Promise<AlertListItem> {
  const now = deps.clock.now();
  const isAdmin = safetyTeamPolicy.isAdmin(auth.user.role);
  const events = await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)).for('update');
    if (!current) throw notFound('That alert');
    if (current.status === 'resolved') throw conflict('already_resolved', 'This alert is already resolved.');
    if (current.status === 'open') throw conflict('not_claimed', 'Nobody holds this alert, so there is nothing to release.');
    if (current.claimedBy !== auth.user.id && !isAdmin) throw forbidden('Only the person who claimed this alert, or an admin, can release it.');
    await tx.update(safetyAlerts).set({ status: 'open', claimedBy: null, claimedAt: null }).where(eq(safetyAlerts.id, alertId));
    // The escalation clock runs again; an overdue alert escalates at once from the step it had reached.
    const nextStepAt = new Date(Math.max(current.deadlineAt.getTime(), now.getTime()));
    await tx.update(safetyAlertState).set({ nextStepAt }).where(eq(safetyAlertState.alertId, alertId));
    const details = current.claimedBy !== auth.user.id ? { onBehalfOfHolder: true } : {};
    return [await recordAlertAction(tx, deps, { alertId, actorId: auth.user.id, kind: 'released', change: 'released', details, now })];
  });
  await deps.live.announce(events);
  return presentOne(deps, alertId);
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
      await requireAlert(tx, alertId);
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
