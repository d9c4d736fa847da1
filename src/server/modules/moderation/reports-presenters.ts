import { REPORT_REASON_LABELS } from '../../../shared/api/moderation.js';
import type { MyReport } from '../../../shared/api/moderation-reports.js';
import type { Database } from '../../db/index.js';
import type { AuthContext } from '../accounts/session-service.js';
import { blockExistsBetween } from '../boundaries/queries.js';
import { postPolicy } from '../posts/policies.js';
import { findThreadHead } from '../posts/queries.js';
import { targetFacts, type ReportRow } from './reports-queries.js';

interface Description {
  description: string;
  link: string | null;
}

/**
 * How the reporter's own reports describe their targets: only what the
 * reporter can see now, as the thread shows it to them (a post removed, held,
 * made private or hidden by a block since becomes neutral words).
 */
export async function describeTargets(db: Database, auth: AuthContext, rows: ReportRow[]): Promise<Map<string, Description>> {
  const facts = await targetFacts(db, auth.user.id, rows);
  const titles = new Map<string, string | null>();
  for (const postId of facts.postIds) {
    const head = await findThreadHead(db, postId, auth.user.id);
    const readable = head && postPolicy.canReadThread(head, auth) && head.post.status === 'visible';
    titles.set(postId, readable ? head.post.title : null);
  }
  const out = new Map<string, Description>();
  for (const row of rows) {
    out.set(row.id, await describe(db, auth, row, facts, titles));
  }
  return out;
}

async function describe(
  db: Database,
  auth: AuthContext,
  row: ReportRow,
  facts: Awaited<ReturnType<typeof targetFacts>>,
  titles: Map<string, string | null>,
): Promise<Description> {
  switch (row.targetType) {
    case 'post': {
      const title = titles.get(row.targetId);
      return title ? { description: `“${title}”`, link: `/posts/${row.targetId}` } : { description: 'A post that is no longer available', link: null };
    }
    case 'reply': {
      const reply = facts.replies.get(row.targetId);
      const title = reply ? titles.get(reply.postId) : null;
      if (!reply || !title || reply.status !== 'visible') return { description: 'A reply that is no longer available', link: null };
      if (postPolicy.hiddenByBlock({ blocked: true, anonymous: reply.anonymous }, auth) && (await blockExistsBetween(db, auth.user.id, reply.authorId))) {
        return { description: 'A reply that is no longer available', link: null };
      }
      return { description: `A reply in “${title}”`, link: `/posts/${reply.postId}?reply=${row.targetId}` };
    }
    case 'member': {
      const handle = facts.members.get(row.targetId);
      return handle ? { description: `@${handle}`, link: `/members/${handle}` } : { description: 'A member who has left', link: null };
    }
    case 'message': {
      const status = facts.messages.get(row.targetId);
      return status === 'visible' ? { description: 'A message in your conversations', link: null } : { description: 'A message that is no longer available', link: null };
    }
  }
}

export function presentMyReport(row: ReportRow, target: Description): MyReport {
  return {
    id: row.id,
    reason: row.reason,
    reasonLabel: REPORT_REASON_LABELS[row.reason],
    target: { type: row.targetType, ...target },
    details: row.details,
    status: row.status,
    outcome: row.outcome,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
