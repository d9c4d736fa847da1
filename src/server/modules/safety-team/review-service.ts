import { eq } from 'drizzle-orm';
import type { ReviewDecision, ReviewItem, ReviewListResponse } from '../../../shared/api/safety-review.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { Deps } from '../../deps.js';
import { safetyAlertActions, safetyAlerts, safetyAlertState } from '../../db/schema/index.js';
import { AppError, conflict, invalidField, notFound } from '../../http/errors.js';
import { staffChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { openAlert } from './open-alert.js';
import { presentReviewItem } from './review-presenters.js';
import * as queries from './review-queries.js';

type ReviewDeps = Pick<Deps, 'db' | 'config' | 'live' | 'clock'>;

async function present(deps: Pick<Deps, 'db' | 'clock'>, rows: queries.ReviewItemRow[]): Promise<ReviewItem[]> {
  const reporterIds = rows.flatMap((row) => (row.item.reporterId ? [row.item.reporterId] : []));
  const histories = await queries.reporterHistories(deps.db, reporterIds, deps.clock.now());
  return rows.map((row) => presentReviewItem(row, histories));
}

/** The open review list (oldest first) and what was reviewed recently. */
export async function listReview(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<ReviewListResponse> {
  const [open, recent] = await Promise.all([queries.listOpenItems(deps.db, deps.config.messageKeys), queries.listRecentlyReviewed(deps.db, deps.config.messageKeys)]);
  return { open: await present(deps, open), recent: await present(deps, recent) };
}

/**
 * A person's decision on a review item. `fine` closes it. `raise_to_alert`
 * opens an alert (reason 'review', the deadline of the level chosen) for the
 * dashboard. `needs_outreach` opens a `high` alert already claimed by the
 * reviewer, so they can reach out from the dashboard at once (nothing is due
 * for the scheduler: next_step_at is null). An item is decided once (409 after),
 * and a worry by someone other than its reporter (403 own_report).
 */
export async function decideReview(
  deps: ReviewDeps,
  auth: AuthContext,
  itemId: string,
  input: { decision: ReviewDecision; note?: string | undefined; level?: 'high' | 'imminent' | undefined },
): Promise<ReviewItem> {
  if (input.level !== undefined && input.decision !== 'raise_to_alert') {
    throw invalidField('level', '"level" is only for raise_to_alert.');
  }
  const now = deps.clock.now();
  const note = input.note ? input.note : null;
  const events = await deps.db.transaction(async (tx) => {
    const existing = await queries.findItem(tx, deps.config.messageKeys, itemId);
    if (!existing) throw notFound('That review item');
    // Four eyes: whoever raised a worry does not decide it (nor reach out alone on it); someone else on the team does.
    if (existing.item.kind === 'worry' && existing.item.reporterId === auth.user.id) {
      throw new AppError(403, 'own_report', 'You raised this worry, so someone else on the team needs to decide it.');
    }
    const decided = await queries.decideItem(tx, itemId, { decision: input.decision, note, reviewedBy: auth.user.id, reviewedAt: now });
    if (!decided) throw conflict('already_reviewed', 'Someone on the team has already reviewed this item.');
    const recorded: LiveEvent[] = [];
    let alertId: string | null = null;
    if (input.decision !== 'fine') {
      const { item } = existing;
      const level = input.decision === 'raise_to_alert' ? (input.level ?? 'high') : 'high';
      const opened = await openAlert(tx, deps, {
        reason: 'review',
        assessmentId: item.assessmentId,
        contentType: item.contentType,
        contentId: item.contentId,
        subjectId: item.subjectId,
        level,
        now,
      });
      alertId = opened.alertId;
      recorded.push(opened.event);
      await queries.setRaisedAlert(tx, itemId, alertId);
      const fromReview = { from: 'review', reviewItemId: itemId };
      if (note) await tx.insert(safetyAlertActions).values({ alertId, actorId: auth.user.id, kind: 'note', body: note, details: fromReview, createdAt: now });
      if (input.decision === 'needs_outreach') {
        // Claimed by the reviewer: they reach out from the dashboard; the scheduler has nothing to do (common.md).
        await tx.update(safetyAlerts).set({ status: 'claimed', claimedBy: auth.user.id, claimedAt: now }).where(eq(safetyAlerts.id, alertId));
        await tx.update(safetyAlertState).set({ nextStepAt: null }).where(eq(safetyAlertState.alertId, alertId));
        await tx.insert(safetyAlertActions).values({ alertId, actorId: auth.user.id, kind: 'claimed', details: fromReview, createdAt: now });
        await recordAudit(tx, { actorId: auth.user.id, action: 'safety.alert_claimed', targetType: 'safety_alert', targetId: alertId, details: fromReview });
        recorded.push(await deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId, change: 'claimed' }));
      }
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'safety.review_decided',
      targetType: 'safety_review_item',
      targetId: itemId,
      details: { kind: existing.item.kind, decision: input.decision, raisedAlertId: alertId, withNote: note !== null },
    });
    recorded.push(await deps.live.record(tx, staffChannel, SAFETY_LIVE.reviewChanged, { itemId }));
    return recorded;
  });
  await deps.live.announce(events);
  const row = await queries.findItem(deps.db, deps.config.messageKeys, itemId);
  const [item] = await present(deps, [row!]);
  return item!;
}
