import { and, desc, eq, gt } from 'drizzle-orm';
import type { Assessment, RiskLevel } from '../../../shared/risk.js';
import { isAtLeast } from '../../../shared/risk.js';
import type { Config } from '../../config/index.js';
import type { Database } from '../../db/index.js';
import { riskAssessments, safetyReviewItems } from '../../db/schema/index.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import { staffChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';
import { openAlert } from '../safety-team/open-alert.js';
import { assess, withHistory } from './assessor/index.js';
import { HISTORY_WINDOW_MS } from './assessor/history.js';

export type AssessedContentType = 'post' | 'reply' | 'message' | 'checkin';

/**
 * An assessment in the write path. `level` includes the author's history and
 * is for staff alerts, the writer's own support card and holding. `textLevel`
 * is what the words alone show: everything OTHER members see (the automatic
 * content warning, the automatic reply) follows it, so the same words get the
 * same public treatment whoever wrote them (with an anonymous post, a public
 * signal from the author's private history would narrow down who they are).
 */
export type WriteAssessment = Assessment & { textLevel: RiskLevel };

/** What the public additions to a post are decided from: the words alone (see WriteAssessment). */
export function publicSignal(assessment: WriteAssessment): Pick<Assessment, 'level' | 'categories'> {
  return { level: assessment.textLevel, categories: assessment.categories };
}

/**
 * The assessor in the write path. Layer 3 (the author's recent levels) needs a
 * query, so it runs only when the text itself shows at least `low`: most posts
 * cost one in-memory assessment and nothing else. The text is read once: the
 * history layer is applied to that reading (withHistory).
 */
export async function assessForWrite(db: Database, authorId: string, text: string, now = new Date()): Promise<WriteAssessment> {
  const first = assess(text, { now });
  const textLevel = first.level;
  if (!isAtLeast(first.level, 'low')) return { ...first, textLevel };
  const recent = await db
    .select({ level: riskAssessments.level, at: riskAssessments.createdAt })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.authorId, authorId), gt(riskAssessments.createdAt, new Date(now.getTime() - HISTORY_WINDOW_MS))))
    .orderBy(desc(riskAssessments.createdAt))
    .limit(20);
  return { ...withHistory(first, { now, recentLevels: recent }), textLevel };
}

/**
 * Samaritans guidelines: details of a method, or of an attempt under way, can
 * harm others who are vulnerable. Such content is held from other members
 * (never deleted, never hidden from its author or staff). Everything else stays
 * visible: no one is silenced for being in pain.
 */
export function shouldHold(assessment: Assessment): boolean {
  return isAtLeast(assessment.level, 'high') && assessment.categories.some((category) => category === 'suicide_method' || category === 'attempt');
}

/**
 * Words written in crisis about the writer themselves: `high` or above, not only worry for someone else. Exactly
 * what raises an alert (recordSafety), so content kept because of it is always in front of the safety team.
 */
export function raisesAlert(assessment: Pick<Assessment, 'level' | 'categories'>): boolean {
  const aboutOther = assessment.categories.length > 0 && assessment.categories.every((category) => category === 'concern_for_other');
  return isAtLeast(assessment.level, 'high') && !aboutOther;
}

export interface RecordedSafety {
  assessmentId: string;
  alertEvent: LiveEvent | null;
  alertId: string | null;
  /** The review list changed (an `elevated` item): announce after the commit, like `alertEvent`. */
  reviewEvent: LiveEvent | null;
  /** An alert was raised while nobody was on safety duty: the writer is told so honestly. */
  nobodyOnDuty: boolean;
}

/**
 * Stores the assessment and, at `high` and above, the alert: call INSIDE the
 * transaction that writes the content, so content, assessment and alert commit
 * together or not at all. Announce `alertEvent` after the commit.
 */
export async function recordSafety(
  tx: Database,
  deps: { config: Pick<Config, 'alertDeadlineMs'>; live: LiveHub },
  input: { contentType: AssessedContentType; contentId: string; authorId: string; assessment: Assessment; now: Date },
): Promise<RecordedSafety> {
  const { assessment } = input;
  const { now } = input;
  const [row] = await tx
    .insert(riskAssessments)
    .values({
      contentType: input.contentType,
      contentId: input.contentId,
      authorId: input.authorId,
      level: assessment.level,
      categories: assessment.categories,
      evidence: assessment.evidence,
      score: assessment.score,
      modelVersion: assessment.modelVersion,
      raisedByHistory: assessment.evidence.some((item) => item.signal.startsWith('history')),
      createdAt: now,
    })
    .returning({ id: riskAssessments.id });
  const assessmentId = row!.id;
  // Worry about someone else is answered with resources for helpers, not an alert about the writer.
  const aboutOther = assessment.categories.length > 0 && assessment.categories.every((category) => category === 'concern_for_other');
  if (aboutOther) return { assessmentId, alertEvent: null, alertId: null, reviewEvent: null, nobodyOnDuty: false };
  if (!isAtLeast(assessment.level, 'high')) {
    // `elevated` goes on the review list (no deadline): a person reads what the assessor was unsure about.
    let reviewEvent: LiveEvent | null = null;
    if (assessment.level === 'elevated') {
      const [item] = await tx
        .insert(safetyReviewItems)
        .values({ kind: 'elevated', assessmentId, contentType: input.contentType, contentId: input.contentId, subjectId: input.authorId, createdAt: now })
        .returning({ id: safetyReviewItems.id });
      reviewEvent = await deps.live.record(tx, staffChannel, SAFETY_LIVE.reviewChanged, { itemId: item!.id });
    }
    return { assessmentId, alertEvent: null, alertId: null, reviewEvent, nobodyOnDuty: false };
  }

  const opened = await openAlert(tx, deps, {
    reason: 'assessment',
    assessmentId,
    contentType: input.contentType,
    contentId: input.contentId,
    subjectId: input.authorId,
    level: assessment.level === 'imminent' ? 'imminent' : 'high',
    categories: assessment.categories,
    now,
  });
  return { assessmentId, alertEvent: opened.event, alertId: opened.alertId, reviewEvent: null, nobodyOnDuty: opened.nobodyOnDuty };
}
