import type { AlertDetail, AlertListItem } from '../../../shared/api/safety-alerts.js';
import type { AlertContent, AlertRow, findAssessment, findSubjectHistory, listAlertActions } from './alerts-queries.js';

/**
 * The JSON of the safety dashboard's alerts. Staff only, and still no author
 * here: the author is added by the service, through the logged reveal when
 * the content was anonymous.
 */

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);

export function presentAlertListItem(row: AlertRow): AlertListItem {
  return {
    id: row.id,
    level: row.level,
    reason: row.reason,
    categories: row.categories ?? [],
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    claimedBy: row.claimedByHandle ? { handle: row.claimedByHandle } : null,
    escalationStep: row.escalationStep,
    group: row.groupName && row.groupSlug ? { name: row.groupName, slug: row.groupSlug } : null,
    contentType: row.contentType,
    excerpt: row.excerpt,
    resolvedAt: iso(row.resolvedAt),
    outcome: row.outcome,
  };
}

type Assessment = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;
type History = Awaited<ReturnType<typeof findSubjectHistory>>;
type Actions = Awaited<ReturnType<typeof listAlertActions>>;

export function presentAlertDetail(input: {
  row: AlertRow;
  content: AlertContent | undefined;
  assessment: Assessment | undefined;
  author: AlertDetail['author'];
  history: History;
  actions: Actions;
}): AlertDetail {
  const { row, content, assessment } = input;
  const evidenceMatchesText =
    content !== undefined &&
    assessment !== undefined &&
    assessment.contentType === content.type &&
    assessment.contentId === content.id &&
    (content.editedAt === null || content.editedAt.getTime() <= assessment.createdAt.getTime()) &&
    assessment.evidence.every((span) => span.end <= content.assessedText.length && span.start < span.end);
  return {
    alert: {
      ...presentAlertListItem(row),
      contentId: row.contentId,
      claimedAt: iso(row.claimedAt),
      outcomeNote: row.outcomeNote,
      resolvedBy: row.resolvedByHandle ? { handle: row.resolvedByHandle } : null,
    },
    content: content
      ? {
          type: content.type,
          id: content.id,
          postId: content.postId,
          title: content.title,
          body: content.body,
          assessedText: content.assessedText,
          status: content.status,
          anonymous: content.anonymous,
          createdAt: content.createdAt.toISOString(),
          evidenceMatchesText,
        }
      : null,
    assessment: assessment
      ? {
          level: assessment.level,
          categories: assessment.categories,
          evidence: assessment.evidence,
          score: assessment.score,
          modelVersion: assessment.modelVersion,
          raisedByHistory: assessment.raisedByHistory,
        }
      : null,
    author: input.author,
    history: {
      posts: input.history.posts.map((post) => ({ ...post, createdAt: post.createdAt.toISOString() })),
      replies: input.history.replies.map((reply) => ({ ...reply, createdAt: reply.createdAt.toISOString() })),
      checkins: input.history.checkins.map((checkin) => ({ ...checkin, createdAt: checkin.createdAt.toISOString() })),
      earlierAlerts: input.history.earlierAlerts.map((alert) => ({ ...alert, createdAt: alert.createdAt.toISOString() })),
    },
    timeline: input.actions.map((action) => ({
      id: action.id,
      kind: action.kind,
      actor: action.actorHandle ? { handle: action.actorHandle } : null,
      body: action.body,
      details: action.details,
      createdAt: action.createdAt.toISOString(),
    })),
    escalation: {
      step: row.escalationStep,
      nextStepAt: iso(row.nextStepAt),
      escalatedAt: iso(row.escalatedAt),
      raisedWithNobodyOnDuty: row.raisedWithNobodyOnDuty ?? false,
    },
  };
}
