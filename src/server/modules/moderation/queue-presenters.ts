import type { AUTOMOD_RULE_KINDS} from '../../../shared/api/moderation.js';
import { REPORT_REASON_LABELS, type ReportReason } from '../../../shared/api/moderation.js';
import { severityWords, type QueueItem } from '../../../shared/api/moderation-queue.js';
import type { QueueRow } from './queue-queries.js';

const AUTOMOD_LABELS: Record<(typeof AUTOMOD_RULE_KINDS)[number], string> = {
  slurs: 'Automod: slurs or harassment',
  self_harm_encouragement: 'Automod: encouraging self-harm aimed at someone',
  link_limit: 'Automod: too many links from a new account',
  rate_limit: 'Automod: posting too fast',
  duplicate: 'Automod: the same words posted again',
};

export function reasonLabel(reason: string): string {
  if (reason in REPORT_REASON_LABELS) return REPORT_REASON_LABELS[reason as ReportReason];
  if (reason in AUTOMOD_LABELS) return AUTOMOD_LABELS[reason as keyof typeof AUTOMOD_LABELS];
  if (reason === 'approval') return 'A new member’s post waiting for approval';
  return reason;
}

const EXCERPT_LENGTH = 160;

function shorten(words: string): string {
  const flat = words.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** A short excerpt as staff see it; never an anonymous author (the words only). */
function excerptOf(row: QueueRow): string {
  switch (row.item.targetType) {
    case 'post':
      return row.post?.title ? shorten(`${row.post.title}: ${row.post.body ?? ''}`) : 'A post that no longer exists';
    case 'reply':
      return row.reply?.body ? shorten(row.reply.body) : 'A reply that no longer exists';
    case 'message':
      return row.message?.body ? shorten(row.message.body) : 'A message that no longer exists';
    case 'member':
      return row.memberHandle ? `@${row.memberHandle}` : 'A member who has left';
  }
}

export function presentQueueItem(row: QueueRow, counts: Map<string, number> | undefined): QueueItem {
  const { item } = row;
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    reasons: item.reasons.map((reason) => ({ reason, label: reasonLabel(reason), count: counts?.get(reason) ?? 0 })),
    severity: item.severity,
    severityLabel: severityWords(item.severity),
    target: { type: item.targetType, id: item.targetId, excerpt: excerptOf(row), group: row.group?.slug ? { slug: row.group.slug, name: row.group.name } : null },
    reportCount: row.reportCount,
    automodRule: row.automodRule ?? null,
    escalated: item.escalatedAt !== null,
    createdAt: item.createdAt.toISOString(),
    resolvedAt: item.resolvedAt?.toISOString() ?? null,
  };
}
