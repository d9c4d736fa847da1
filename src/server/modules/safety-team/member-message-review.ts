import { and, eq, isNull } from 'drizzle-orm';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { Database } from '../../db/index.js';
import { safetyReviewItems } from '../../db/schema/index.js';
import { staffChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';

export interface MemberMessageInput {
  messageId: string;
  memberId: string;
  /** The message's own assessment (its level shows on the review list). */
  assessmentId: string;
  /** The resolved alert the conversation was about, for context; null when there was none. */
  resolvedAlertId: string | null;
  now: Date;
}

/**
 * A member wrote to the safety team and no open alert covers it (their alert
 * was resolved, or there never was one): the message goes on the review list
 * (`member_message`), so it always reaches a person. One open item per member
 * is enough: a burst of messages adds nothing while one is waiting (the staff
 * conversation view shows them all). Call inside the transaction that stores
 * the message, AFTER `insertMessage`: its update of the conversation row
 * serialises two messages written at once, so the second one sees the first
 * one's item. Announce the event after the commit; null when nothing was added.
 */
export async function reviewMemberMessage(tx: Database, deps: { live: LiveHub }, input: MemberMessageInput): Promise<LiveEvent | null> {
  const [waiting] = await tx
    .select({ id: safetyReviewItems.id })
    .from(safetyReviewItems)
    .where(and(eq(safetyReviewItems.kind, 'member_message'), eq(safetyReviewItems.subjectId, input.memberId), isNull(safetyReviewItems.reviewedAt)))
    .limit(1);
  if (waiting) return null;
  const [item] = await tx
    .insert(safetyReviewItems)
    .values({
      kind: 'member_message',
      assessmentId: input.assessmentId,
      alertId: input.resolvedAlertId,
      contentType: 'message',
      contentId: input.messageId,
      subjectId: input.memberId,
      createdAt: input.now,
    })
    .returning({ id: safetyReviewItems.id });
  return deps.live.record(tx, staffChannel, SAFETY_LIVE.reviewChanged, { itemId: item!.id });
}
