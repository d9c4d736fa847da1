import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { APPEALABLE_ACTIONS } from '../../../shared/api/moderation.js';
import { ACTION_KIND_WORDS, reasonTemplateLabel, type MyModeration, type MyNotice, type SanctionView } from '../../../shared/api/moderation-actions.js';
import type { Database } from '../../db/index.js';
import type { Deps } from '../../deps.js';
import { appeals, moderationActions, moderationNotices, reports, sanctions } from '../../db/schema/index.js';
import type { AuthContext } from '../accounts/session-service.js';
import { actedBy, contentSummary, kindWords } from './actions-presenters.js';
import { findGroupById } from './actions-targets.js';
import { activeSanctions } from './sanctions.js';
import { markModerationRead } from '../notifications/queries.js';

type MeDeps = Pick<Deps, 'db' | 'clock'>;
type NoticeRow = typeof moderationNotices.$inferSelect;

const HOW_TO_APPEAL = 'If you think this was a mistake, you can appeal once: a moderator who did not take the action will decide.';
const APPEAL_DECIDED: Record<string, string> = {
  upheld: 'A moderator looked at your appeal and kept the decision.',
  overturned: 'A moderator looked at your appeal and undid the decision.',
};

async function groupOf(db: Database, groupId: string | null) {
  const group = groupId ? await findGroupById(db, groupId) : undefined;
  return group ? { slug: group.slug, name: group.name } : null;
}

async function findAppealOf(db: Database, actionId: string) {
  const [row] = await db.select().from(appeals).where(eq(appeals.actionId, actionId)).limit(1);
  return row;
}

async function actionNotice(db: Database, notice: NoticeRow, base: { id: string; read: boolean; createdAt: string }, viewerId: string): Promise<MyNotice | null> {
  const [action] = notice.actionId ? await db.select().from(moderationActions).where(eq(moderationActions.id, notice.actionId)).limit(1) : [];
  if (!action) return null;
  const content = await contentSummary(db, action);
  const appeal = await findAppealOf(db, action.id);
  const appealable = APPEALABLE_ACTIONS.includes(action.kind);
  const by = await actedBy(db, action, viewerId);
  return {
    kind: 'action',
    ...base,
    action: {
      id: action.id,
      kind: action.kind,
      kindWords: kindWords(action),
      by: by.charAt(0).toUpperCase() + by.slice(1),
      reasonLabel: reasonTemplateLabel(action.reasonTemplate),
      reason: action.reason,
      until: action.until?.toISOString() ?? null,
      // Only the member's own content: a notice is theirs, about what they wrote.
      content: content ? { type: content.type, postId: content.postId, title: content.title, excerpt: content.excerpt } : null,
      group: await groupOf(db, action.groupId),
    },
    appeal: {
      canAppeal: appealable && !appeal,
      howTo: appealable ? HOW_TO_APPEAL : 'Nothing to appeal here.',
      status: appeal?.status ?? null,
      decisionReason: appeal?.decisionReason ?? null,
    },
  };
}

async function presentNotice(db: Database, notice: NoticeRow, viewerId: string): Promise<MyNotice | null> {
  const base = { id: notice.id, read: notice.readAt !== null, createdAt: notice.createdAt.toISOString() };
  if (notice.kind === 'action') return actionNotice(db, notice, base, viewerId);
  if (notice.kind === 'appeal_decided') {
    const [row] = notice.appealId
      ? await db.select({ appeal: appeals, kind: moderationActions.kind }).from(appeals).innerJoin(moderationActions, eq(moderationActions.id, appeals.actionId)).where(eq(appeals.id, notice.appealId)).limit(1)
      : [];
    if (!row) return null;
    return {
      kind: 'appeal_decided',
      ...base,
      appeal: { id: row.appeal.id, status: row.appeal.status, decisionReason: row.appeal.decisionReason, actionKindWords: ACTION_KIND_WORDS[row.kind] },
      message: APPEAL_DECIDED[row.appeal.status] ?? 'Your appeal is waiting for a moderator.',
    };
  }
  // A report's outcome: the reporter's own report, in the outcome's plain words (never who was sanctioned).
  const [report] = notice.reportId ? await db.select().from(reports).where(eq(reports.id, notice.reportId)).limit(1) : [];
  if (!report) return null;
  return { kind: 'report_outcome', ...base, report: { id: report.id, targetType: report.targetType, outcome: report.outcome ?? 'A moderator looked at your report.' } };
}

export async function mySanctions(deps: MeDeps, userId: string): Promise<SanctionView[]> {
  const active = await activeSanctions(deps.db, userId, deps.clock.now());
  return Promise.all(
    active.map(async (sanction) => {
      const [row] = await deps.db.select({ actionId: sanctions.actionId }).from(sanctions).where(eq(sanctions.id, sanction.id)).limit(1);
      return {
        id: sanction.id,
        kind: sanction.kind,
        kindWords: ACTION_KIND_WORDS[sanction.kind],
        group: await groupOf(deps.db, sanction.groupId),
        reason: sanction.reason,
        until: sanction.until?.toISOString() ?? null,
        actionId: row!.actionId,
      };
    }),
  );
}

async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(moderationNotices)
    .where(and(eq(moderationNotices.userId, userId), isNull(moderationNotices.readAt)));
  return row?.n ?? 0;
}

/** `GET /api/me/moderation`: the member's notices, newest first, and the sanctions in force. */
export async function getMyModeration(deps: MeDeps, auth: AuthContext): Promise<MyModeration> {
  const rows = await deps.db
    .select()
    .from(moderationNotices)
    .where(eq(moderationNotices.userId, auth.user.id))
    .orderBy(desc(moderationNotices.createdAt), desc(moderationNotices.id))
    .limit(100);
  const notices = (await Promise.all(rows.map((row) => presentNotice(deps.db, row, auth.user.id)))).filter((notice) => notice !== null);
  return { notices, sanctions: await mySanctions(deps, auth.user.id), unread: await unreadCount(deps.db, auth.user.id) };
}

export async function getMyUnread(deps: MeDeps, auth: AuthContext) {
  const active = await activeSanctions(deps.db, auth.user.id, deps.clock.now());
  return { unread: await unreadCount(deps.db, auth.user.id), sanctioned: active.length > 0 };
}

export async function markMyNoticesRead(deps: MeDeps, auth: AuthContext): Promise<{ unread: number }> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(moderationNotices)
      .set({ readAt: now })
      .where(and(eq(moderationNotices.userId, auth.user.id), isNull(moderationNotices.readAt)));
    // Their notifications point at this page: read here, read there.
    await markModerationRead(tx, auth.user.id, now);
  });
  return { unread: 0 };
}
