import { ANONYMOUS_AUTHOR_NOTE, type ModerationScopeResponse, type QueueItemDetailResponse, type QueueResponse } from '../../../shared/api/moderation-queue.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { moderationScope } from './moderator-scope.js';
import { moderationPolicy } from './policy.js';
import { itemAutomodRule, itemContent, itemReports, memberHistory } from './queue-detail.js';
import { presentQueueItem } from './queue-presenters.js';
import { decodeQueueCursor, encodeQueueCursor, findQueueItem, groupIdBySlug, groupsByIds, listQueue, reasonCounts } from './queue-queries.js';

type QueueDeps = Pick<Deps, 'db' | 'clock' | 'config'>;
const PAGE = 25;

const moderatesNothing = () => forbidden('The moderation queue is for moderators. If something worries you, you can report it from its “More” menu.');

export async function getScope(deps: QueueDeps, auth: AuthContext): Promise<ModerationScopeResponse> {
  const scope = await moderationScope(deps.db, auth.user, deps.clock.now());
  const moderates = scope === 'all' || scope.length > 0;
  return { moderates, global: scope === 'all', groups: moderates ? await groupsByIds(deps.db, scope) : [] };
}

/** The viewer's queue: their groups' items (a group moderator) or all (global moderators, admins). */
export async function getQueue(deps: QueueDeps, auth: AuthContext, query: { status: 'open' | 'resolved'; group?: string | undefined; cursor?: string | undefined }): Promise<QueueResponse> {
  const scope = await moderationScope(deps.db, auth.user, deps.clock.now());
  if (scope !== 'all' && scope.length === 0) throw moderatesNothing();
  let groupId: string | undefined;
  if (query.group !== undefined) {
    groupId = await groupIdBySlug(deps.db, query.group);
    // A group outside the viewer's scope reads as unknown: the same answer as a missing one.
    if (!groupId || !moderationPolicy.covers(scope, groupId)) throw new AppError(404, 'not_found', 'That group is not one you moderate.', 'group');
  }
  const escalatedFirst = scope === 'all';
  const rows = await listQueue(deps.db, deps.config.messageKeys, {
    viewerId: auth.user.id,
    scope,
    status: query.status,
    groupId,
    escalatedFirst,
    cursor: decodeQueueCursor(query.cursor),
    limit: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const counts = await reasonCounts(deps.db, page.map((row) => row.item.id));
  const last = page.at(-1);
  const nextCursor =
    rows.length > PAGE && last
      ? encodeQueueCursor({ s: last.item.severity, e: Number(last.escRank), t: (query.status === 'open' ? last.createdKey : last.resolvedKey) ?? last.createdKey, id: last.item.id })
      : null;
  return { items: page.map((row) => presentQueueItem(row, counts.get(row.item.id))), nextCursor };
}

/**
 * One item in full, for a moderator who covers it; anything else (another
 * group's item, one about the viewer, a missing one) is the same 404.
 */
export async function getQueueItem(deps: QueueDeps, auth: AuthContext, itemId: string): Promise<QueueItemDetailResponse> {
  const scope = await moderationScope(deps.db, auth.user, deps.clock.now());
  if (scope !== 'all' && scope.length === 0) throw moderatesNothing();
  const row = await findQueueItem(deps.db, deps.config.messageKeys, itemId, auth.user.id, scope, scope === 'all');
  if (!row) throw notFound('That queue item');
  const [counts, content, reports, automodRule] = await Promise.all([
    reasonCounts(deps.db, [row.item.id]),
    itemContent(deps.db, deps.config.messageKeys, row, auth.user.id),
    itemReports(deps.db, row.item.id),
    itemAutomodRule(deps.db, row.item.automodRuleId),
  ]);
  const anonymous = content.anonymous;
  const history = anonymous || !row.item.subjectId ? null : await memberHistory(deps.db, row.item.subjectId, row.item.id, scope, deps.clock.now());
  return {
    item: presentQueueItem(row, counts.get(row.item.id)),
    content,
    reports,
    automodRule,
    history,
    historyNote: anonymous ? ANONYMOUS_AUTHOR_NOTE : null,
  };
}
