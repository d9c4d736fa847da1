import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { openJoinedBody } from '../../crypto/message-body.js';
import { storedBodyColumns } from '../../crypto/message-columns.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import { messages, posts, replies, riskAssessments, safetyAlertState, safetyReviewItems, users } from '../../db/schema/index.js';
import { messageTiedToAnonymous } from './alerts-queries.js';

const reporter = alias(users, 'reporter');
const reviewer = alias(users, 'reviewer');
const subject = alias(users, 'subject');
const resolver = alias(users, 'resolver');
const replyPost = alias(posts, 'reply_post');

/** How far back a reporter's history of worry reports is counted for staff. */
export const REPORTER_HISTORY_DAYS = 30;
const OPEN_LIMIT = 200;
const RECENT_LIMIT = 30;

/**
 * One review item with what staff need to judge it: the words (a post's title
 * and opening, a reply's or message's opening), whether they were written under
 * a handle, the assessor's level, the second look's first resolver, and the
 * reporter of a worry.
 */
const itemFields = {
  item: safetyReviewItems,
  level: riskAssessments.level,
  subjectHandle: subject.handle,
  reporterHandle: reporter.handle,
  reviewerHandle: reviewer.handle,
  resolverHandle: resolver.handle,
  outcomeNote: safetyAlertState.outcomeNote,
  postTitle: posts.title,
  postExcerpt: posts.excerpt,
  postAnonymous: posts.anonymous,
  replyBody: replies.body,
  replyPostId: replies.postId,
  replyAnonymous: replies.anonymous,
  replyPostStatus: replyPost.status,
  messageStored: storedBodyColumns(),
  /** The message's conversation is tied to anonymous content (alerts-queries.ts): its member is not named on the list. */
  messageTiedToAnonymous,
};

function selectItems(db: Database) {
  return db
    .select(itemFields)
    .from(safetyReviewItems)
    .innerJoin(subject, eq(subject.id, safetyReviewItems.subjectId))
    .leftJoin(riskAssessments, eq(riskAssessments.id, safetyReviewItems.assessmentId))
    .leftJoin(reporter, eq(reporter.id, safetyReviewItems.reporterId))
    .leftJoin(reviewer, eq(reviewer.id, safetyReviewItems.reviewedBy))
    .leftJoin(safetyAlertState, eq(safetyAlertState.alertId, safetyReviewItems.alertId))
    .leftJoin(resolver, eq(resolver.id, safetyAlertState.resolvedBy))
    .leftJoin(posts, and(eq(safetyReviewItems.contentType, 'post'), eq(posts.id, safetyReviewItems.contentId)))
    .leftJoin(replies, and(eq(safetyReviewItems.contentType, 'reply'), eq(replies.id, safetyReviewItems.contentId)))
    .leftJoin(replyPost, eq(replyPost.id, replies.postId))
    .leftJoin(messages, and(eq(safetyReviewItems.contentType, 'message'), eq(messages.id, safetyReviewItems.contentId)));
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectItems>['where']>>[number];

/** A message's words are sealed at rest: opened here, through the one function. */
function opened(keys: MessageKeyring, rows: SelectedRow[]) {
  return rows.map(({ messageStored, ...row }) => ({ ...row, messageBody: openJoinedBody(keys, messageStored) }));
}

export type ReviewItemRow = ReturnType<typeof opened>[number];

/** Items nobody has reviewed yet, oldest first: nothing waits longer because newer things keep arriving. */
export async function listOpenItems(db: Database, keys: MessageKeyring) {
  return opened(keys, await selectItems(db).where(isNull(safetyReviewItems.reviewedAt)).orderBy(asc(safetyReviewItems.createdAt), asc(safetyReviewItems.id)).limit(OPEN_LIMIT));
}

/** The most recently reviewed items, newest first, for context. */
export async function listRecentlyReviewed(db: Database, keys: MessageKeyring) {
  return opened(keys, await selectItems(db).where(isNotNull(safetyReviewItems.reviewedAt)).orderBy(desc(safetyReviewItems.reviewedAt)).limit(RECENT_LIMIT));
}

export async function findItem(db: Database, keys: MessageKeyring, itemId: string): Promise<ReviewItemRow | undefined> {
  const [row] = opened(keys, await selectItems(db).where(eq(safetyReviewItems.id, itemId)).limit(1));
  return row;
}

/** Each reporter's worry reports in the last 30 days, and how many of those staff marked fine. */
export async function reporterHistories(db: Database, reporterIds: string[], now: Date): Promise<Map<string, { last30Days: number; markedFine: number }>> {
  if (reporterIds.length === 0) return new Map();
  const rows = await db
    .select({
      reporterId: safetyReviewItems.reporterId,
      total: sql<number>`count(*)::int`,
      fine: sql<number>`(count(*) filter (where ${safetyReviewItems.decision} = 'fine'))::int`,
    })
    .from(safetyReviewItems)
    .where(
      and(
        eq(safetyReviewItems.kind, 'worry'),
        inArray(safetyReviewItems.reporterId, [...new Set(reporterIds)]),
        gt(safetyReviewItems.createdAt, new Date(now.getTime() - REPORTER_HISTORY_DAYS * 86_400_000)),
      ),
    )
    .groupBy(safetyReviewItems.reporterId);
  return new Map(rows.map((row) => [row.reporterId!, { last30Days: row.total, markedFine: row.fine }]));
}

/**
 * Records the decision only if nobody has yet (a conditional UPDATE: two staff
 * deciding at once cannot both win). Undefined when it was already reviewed.
 */
export async function decideItem(
  tx: Database,
  itemId: string,
  decision: { decision: 'fine' | 'needs_outreach' | 'raise_to_alert'; note: string | null; reviewedBy: string; reviewedAt: Date },
): Promise<{ id: string } | undefined> {
  const [row] = await tx
    .update(safetyReviewItems)
    .set({ decision: decision.decision, decisionNote: decision.note, reviewedBy: decision.reviewedBy, reviewedAt: decision.reviewedAt })
    .where(and(eq(safetyReviewItems.id, itemId), isNull(safetyReviewItems.reviewedAt)))
    .returning({ id: safetyReviewItems.id });
  return row;
}

/** The alert a decision opened. */
export async function setRaisedAlert(tx: Database, itemId: string, alertId: string): Promise<void> {
  await tx.update(safetyReviewItems).set({ raisedAlertId: alertId }).where(eq(safetyReviewItems.id, itemId));
}
