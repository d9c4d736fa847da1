import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { HeldDecisionView } from '../../../shared/api/community.js';
import type { SupportCard } from '../../../shared/api/safety.js';
import { isAtLeast, type Assessment, type RiskLevel } from '../../../shared/risk.js';
import type { Database } from '../../db/index.js';
import { heldDecisions, riskAssessments, safetyAlerts, safetyAlertState } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import { buildSupportCard } from '../safety/support-card.js';
import { isAnyoneOnDuty } from './duty-queries.js';
import { readSafetySettings } from './settings.js';

/**
 * The writer's side of their own content (issue 11 item 4): the support card
 * that stays with a post or reply until they fold it away, and what the safety
 * team decided about it when it was held. Everything here is for the author's
 * own view only: a card or a decision on content tells whoever sees it that it
 * was flagged, so callers attach these to the author's view and to nobody else's.
 */

export interface WriterItem {
  contentType: 'post' | 'reply';
  contentId: string;
  status: string;
}

export interface WriterExtras {
  supportCard?: SupportCard;
  heldDecision?: HeldDecisionView;
}

const key = (contentType: string, contentId: string) => `${contentType}:${contentId}`;

/**
 * The durable cards and held decisions of `items`, all written by `authorId`
 * (the caller checked that the viewer is their author). The card is rebuilt
 * from the newest assessment of each item (an edit is assessed anew), when it
 * is `elevated` or above and not folded; its hotlines are for the writer's
 * country now. `team` is recomputed: an alert still open while nobody is on
 * duty says so honestly.
 */
export async function loadWriterExtras(
  db: Database,
  authorId: string,
  items: WriterItem[],
  context: { countryCode: string | null; now: Date },
): Promise<Map<string, WriterExtras>> {
  const extras = new Map<string, WriterExtras>();
  if (items.length === 0) return extras;
  const ids = items.map((item) => item.contentId);
  const assessments = await db
    .select({
      id: riskAssessments.id,
      contentType: riskAssessments.contentType,
      contentId: riskAssessments.contentId,
      level: riskAssessments.level,
      categories: riskAssessments.categories,
      foldedAt: riskAssessments.cardFoldedAt,
      alertStatus: safetyAlerts.status,
    })
    .from(riskAssessments)
    .leftJoin(safetyAlerts, eq(safetyAlerts.assessmentId, riskAssessments.id))
    .where(and(eq(riskAssessments.authorId, authorId), inArray(riskAssessments.contentId, ids)))
    .orderBy(desc(riskAssessments.createdAt), desc(riskAssessments.id));
  const newest = new Map<string, (typeof assessments)[number]>();
  for (const row of assessments) if (!newest.has(key(row.contentType, row.contentId))) newest.set(key(row.contentType, row.contentId), row);

  let onDuty: boolean | undefined;
  const anyoneOnDuty = async () => (onDuty ??= await isAnyoneOnDuty(db, await readSafetySettings(db), context.now));
  for (const item of items) {
    const assessment = newest.get(key(item.contentType, item.contentId));
    if (!assessment || assessment.foldedAt || !isAtLeast(assessment.level as RiskLevel, 'elevated')) continue;
    // A claimed or resolved alert had a person; an open one is honest about whether anyone is on duty now.
    const team = assessment.alertStatus ? { online: assessment.alertStatus !== 'open' || (await anyoneOnDuty()) } : null;
    const card = await buildSupportCard(db, {
      assessmentId: assessment.id,
      assessment: { level: assessment.level as RiskLevel, categories: assessment.categories as Assessment['categories'] },
      countryCode: context.countryCode,
      held: item.status === 'held',
      team,
    });
    if (card) extras.set(key(item.contentType, item.contentId), { supportCard: card });
  }

  const decisions = await db
    .select()
    .from(heldDecisions)
    .where(inArray(heldDecisions.contentId, ids))
    .orderBy(desc(heldDecisions.createdAt), desc(heldDecisions.id));
  const seen = new Set<string>();
  for (const row of decisions) {
    const k = key(row.contentType, row.contentId);
    if (seen.has(k)) continue;
    seen.add(k);
    if (!items.some((item) => key(item.contentType, item.contentId) === k)) continue;
    extras.set(k, { ...extras.get(k), heldDecision: { decision: row.decision, message: row.messageToWriter, decidedAt: row.createdAt.toISOString() } });
  }
  return extras;
}

export const extrasKey = key;

/** Whether an alert was raised with nobody on duty (the create response's card says so at once). */
export async function raisedWithNobodyOnDuty(db: Database, alertId: string): Promise<boolean> {
  const [row] = await db.select({ value: safetyAlertState.raisedWithNobodyOnDuty }).from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId));
  return row?.value ?? false;
}

/**
 * The writer folds their card away, on every device. Only the writer: anyone
 * else (and an unknown id) gets the same 404, so the route never tells whether
 * someone's content was assessed. Folding twice is fine.
 */
export async function foldSupportCard(db: Database, authorId: string, assessmentId: string, now: Date): Promise<void> {
  const [row] = await db
    .select({ id: riskAssessments.id, foldedAt: riskAssessments.cardFoldedAt })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.id, assessmentId), eq(riskAssessments.authorId, authorId)));
  if (!row) throw notFound('That support card');
  await db
    .update(riskAssessments)
    .set({ cardFoldedAt: now })
    .where(and(eq(riskAssessments.id, assessmentId), isNull(riskAssessments.cardFoldedAt)));
}
