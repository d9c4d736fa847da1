import type { ReviewItem } from '../../../shared/api/safety-review.js';
import type { ReviewItemRow } from './review-queries.js';

const EXCERPT_CHARS = 280;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** The content as staff read it on the list: the words, where to read them in full, and a handle only when written under one. */
function presentContent(row: ReviewItemRow): ReviewItem['content'] {
  const { item } = row;
  const base = { type: item.contentType, id: item.contentId };
  if (item.contentType === 'post' && row.postTitle !== null) {
    const excerpt = shorten(row.postExcerpt ? `${row.postTitle}: ${row.postExcerpt}` : row.postTitle);
    return { ...base, excerpt, link: `/posts/${item.contentId}`, authorHandle: row.postAnonymous ? null : row.subjectHandle };
  }
  if (item.contentType === 'reply' && row.replyBody !== null) {
    return { ...base, excerpt: shorten(row.replyBody), link: row.replyPostId ? `/posts/${row.replyPostId}?reply=${item.contentId}` : null, authorHandle: row.replyAnonymous ? null : row.subjectHandle };
  }
  if (item.contentType === 'message' && row.messageBody !== null) {
    // A message to the safety team is private to the member and the team: the member is named, unless its
    // conversation is tied to anonymous content (then only the logged reveal on an alert names them).
    return { ...base, excerpt: shorten(row.messageBody), link: null, authorHandle: row.messageTiedToAnonymous ? null : row.subjectHandle };
  }
  return { ...base, excerpt: null, link: null, authorHandle: null };
}

/** A review item for the safety team (staff only: the reporter of a worry is never shown to anyone else). */
export function presentReviewItem(row: ReviewItemRow, histories: Map<string, { last30Days: number; markedFine: number }>): ReviewItem {
  const { item } = row;
  return {
    id: item.id,
    kind: item.kind,
    createdAt: item.createdAt.toISOString(),
    content: presentContent(row),
    level: row.level ?? null,
    secondLook: item.kind === 'second_look' && item.alertId ? { alertId: item.alertId, resolvedByHandle: row.resolverHandle ?? null, outcomeNote: row.outcomeNote ?? null } : null,
    worry:
      item.kind === 'worry'
        ? {
            words: item.reporterWords,
            reporterHandle: row.reporterHandle ?? null,
            history: (item.reporterId ? histories.get(item.reporterId) : undefined) ?? { last30Days: 0, markedFine: 0 },
          }
        : null,
    decision: item.decision,
    decisionNote: item.decisionNote,
    reviewedByHandle: row.reviewerHandle ?? null,
    reviewedAt: item.reviewedAt?.toISOString() ?? null,
    raisedAlertId: item.raisedAlertId,
  };
}
