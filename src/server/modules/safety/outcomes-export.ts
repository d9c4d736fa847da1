/**
 * The learning loop's data (DESIGN.md principle 5): what the safety team
 * decided about content the assessor flagged, as labelled examples for
 * `hearth risk train --outcomes`. One JSON line per piece of content:
 *   { text, level, source, modelVersion, outcome, at }
 * with the level the staff decision implies. Never an author id or handle:
 * the text is the content as it stands now (an edit the writer made counts).
 */
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { riskLevelSchema, type RiskLevel } from '../../../shared/risk.js';
import { openMessageBody } from '../../crypto/message-body.js';
import { storedBodyColumns } from '../../crypto/message-columns.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import { messages, posts, replies, riskAssessments, safetyAlerts, safetyAlertState, safetyReviewItems } from '../../db/schema/index.js';

export const outcomeLineSchema = z.object({
  text: z.string().min(1),
  level: riskLevelSchema,
  source: z.enum(['alert', 'review']),
  modelVersion: z.string().nullable(),
  outcome: z.string(),
  at: z.string(),
});
export type OutcomeLine = z.infer<typeof outcomeLineSchema>;

type AlertOutcome = 'real_concern' | 'not_a_concern' | 'referred_to_emergency_services' | 'other';
type ReviewDecision = 'fine' | 'needs_outreach' | 'raise_to_alert';

/**
 * The level a resolved alert's outcome implies; null: not a label (`other`
 * says nothing about the text).
 * - `not_a_concern` → low, not none: the assessor read distress in it, and the
 *   team judged it below an alert, not free of pain. Teaching the model that
 *   sad writing is neutral would under-rate the next sad post; low is the
 *   level that changes what happens (no alert) without erasing the distress.
 * - `real_concern` → the alert's level: the team confirmed it.
 * - `referred_to_emergency_services` → imminent: a life was judged in danger now.
 */
export function levelFromAlertOutcome(outcome: AlertOutcome, alertLevel: RiskLevel): RiskLevel | null {
  switch (outcome) {
    case 'not_a_concern':
      return 'low';
    case 'real_concern':
      return alertLevel;
    case 'referred_to_emergency_services':
      return 'imminent';
    case 'other':
      return null;
  }
}

/**
 * The level a review decision implies; null: not a label.
 * - `raise_to_alert` → high: the assessor under-rated it (a miss).
 * - `needs_outreach` → elevated: worth a person's word, not an alert.
 * - `fine` on an item the assessor rated `elevated` → low: over-rated. A
 *   `fine` on a worry report, a moderation report or a second look says
 *   nothing new about the text's level (a worry is about a person; a second look repeats the alert's
 *   own outcome), so it is left out.
 */
export function levelFromReviewDecision(decision: ReviewDecision, kind: 'elevated' | 'second_look' | 'worry' | 'member_message' | 'report'): RiskLevel | null {
  switch (decision) {
    case 'raise_to_alert':
      return 'high';
    case 'needs_outreach':
      return 'elevated';
    case 'fine':
      return kind === 'elevated' ? 'low' : null;
  }
}

type ContentType = 'post' | 'reply' | 'message' | 'checkin';
interface Labelled {
  contentType: ContentType;
  contentId: string;
  level: RiskLevel;
  source: 'alert' | 'review';
  modelVersion: string | null;
  outcome: string;
  at: Date;
}

/**
 * The current text of each piece of content, by `type:id`. Content its writer
 * removed is left out (they took it back; it is not ours to learn from), and
 * check-ins have no stored text here yet.
 */
async function currentTexts(db: Database, keys: MessageKeyring, items: readonly Labelled[]): Promise<Map<string, string>> {
  const ids = (type: ContentType) => [...new Set(items.filter((item) => item.contentType === type).map((item) => item.contentId))];
  const out = new Map<string, string>();
  const postIds = ids('post');
  if (postIds.length > 0) {
    const rows = await db
      .select({ id: posts.id, title: posts.title, body: posts.body })
      .from(posts)
      .where(and(inArray(posts.id, postIds), ne(posts.status, 'removed_by_author')));
    for (const row of rows) out.set(`post:${row.id}`, `${row.title}\n\n${row.body}`);
  }
  const replyIds = ids('reply');
  if (replyIds.length > 0) {
    const rows = await db
      .select({ id: replies.id, body: replies.body })
      .from(replies)
      .where(and(inArray(replies.id, replyIds), ne(replies.status, 'removed_by_author')));
    for (const row of rows) out.set(`reply:${row.id}`, row.body);
  }
  const messageIds = ids('message');
  if (messageIds.length > 0) {
    const rows = await db
      .select(storedBodyColumns())
      .from(messages)
      .where(and(inArray(messages.id, messageIds), ne(messages.status, 'removed_by_author')));
    for (const row of rows) out.set(`message:${row.id}`, openMessageBody(keys, row));
  }
  return out;
}

/**
 * Every staff judgment that is a label, one line per piece of content (the
 * latest judgment wins when an alert and a review item name the same
 * content), oldest first.
 */
export async function collectOutcomes(db: Database, keys: MessageKeyring): Promise<OutcomeLine[]> {
  const alerts = await db
    .select({
      contentType: safetyAlerts.contentType,
      contentId: safetyAlerts.contentId,
      level: safetyAlerts.level,
      outcome: safetyAlertState.outcome,
      resolvedAt: safetyAlerts.resolvedAt,
      modelVersion: riskAssessments.modelVersion,
    })
    .from(safetyAlerts)
    .innerJoin(safetyAlertState, eq(safetyAlertState.alertId, safetyAlerts.id))
    .leftJoin(riskAssessments, eq(riskAssessments.id, safetyAlerts.assessmentId))
    .where(and(eq(safetyAlerts.status, 'resolved'), isNotNull(safetyAlertState.outcome), isNotNull(safetyAlerts.contentId)));
  const reviews = await db
    .select({
      kind: safetyReviewItems.kind,
      contentType: safetyReviewItems.contentType,
      contentId: safetyReviewItems.contentId,
      decision: safetyReviewItems.decision,
      reviewedAt: safetyReviewItems.reviewedAt,
      modelVersion: riskAssessments.modelVersion,
    })
    .from(safetyReviewItems)
    .leftJoin(riskAssessments, eq(riskAssessments.id, safetyReviewItems.assessmentId))
    .where(isNotNull(safetyReviewItems.decision));

  const labelled: Labelled[] = [];
  for (const alert of alerts) {
    if (!alert.outcome || !alert.contentType || !alert.contentId) continue;
    const level = levelFromAlertOutcome(alert.outcome, alert.level);
    if (level === null) continue;
    labelled.push({
      contentType: alert.contentType,
      contentId: alert.contentId,
      level,
      source: 'alert',
      modelVersion: alert.modelVersion,
      outcome: alert.outcome,
      at: alert.resolvedAt ?? new Date(0),
    });
  }
  for (const review of reviews) {
    if (!review.decision) continue;
    const level = levelFromReviewDecision(review.decision, review.kind);
    if (level === null) continue;
    labelled.push({
      contentType: review.contentType,
      contentId: review.contentId,
      level,
      source: 'review',
      modelVersion: review.modelVersion,
      outcome: review.decision,
      at: review.reviewedAt ?? new Date(0),
    });
  }

  const latest = new Map<string, Labelled>();
  for (const item of labelled) {
    const key = `${item.contentType}:${item.contentId}`;
    const previous = latest.get(key);
    if (!previous || previous.at.getTime() <= item.at.getTime()) latest.set(key, item);
  }
  const texts = await currentTexts(db, keys, [...latest.values()]);
  const lines: OutcomeLine[] = [];
  for (const [key, item] of latest) {
    const text = texts.get(key);
    if (text === undefined || text.trim() === '') continue;
    lines.push({ text, level: item.level, source: item.source, modelVersion: item.modelVersion, outcome: item.outcome, at: item.at.toISOString() });
  }
  return lines.sort((a, b) => a.at.localeCompare(b.at) || a.text.localeCompare(b.text));
}
