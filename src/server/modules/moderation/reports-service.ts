import { eq } from 'drizzle-orm';
import { REASON_SEVERITY, SAFETY_REPORT_REASONS } from '../../../shared/api/moderation.js';
import { REPORTS_PER_HOUR, type CreateReportRequest, type CreateReportResponse, type MyReportsResponse } from '../../../shared/api/moderation-reports.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { Deps } from '../../deps.js';
import { reports, safetyReviewItems, users } from '../../db/schema/index.js';
import { AppError, conflict } from '../../http/errors.js';
import { staffChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { decodeCursor, encodeCursor } from '../feeds/cursor.js';
import { raiseQueueItem } from './queue-items.js';
import { describeTargets, presentMyReport } from './reports-presenters.js';
import { countReportsSince, findOpenReport, listOwnReports } from './reports-queries.js';
import { resolveReportTarget } from './reports-targets.js';

type ReportDeps = Pick<Deps, 'db' | 'live' | 'clock'>;
const HOUR_MS = 3_600_000;

const SENT =
  'Thank you. The moderators will look at this, and you will be told the outcome on “My reports”. Nobody you reported will be told who reported them. If someone is in danger, use “I’m worried about this person” on their post, or “Get help now”.';

const alreadyReported = () =>
  conflict('already_reported', 'You have already reported this, and the moderators have it. You will see the outcome on “My reports”.', 'targetId');

function tooMany(retryAfterSeconds: number) {
  return new AppError(
    429,
    'report_limit',
    'Thank you for looking out for the community. You have sent a lot of reports in the last hour, so we cannot take more just now; please try again a little later. If someone is in danger, use “Get help now”.',
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** Whether an error (or what it wraps) is a unique violation of this index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
    if (current.code === '23505' && (current.constraint === constraint || String(current.message ?? '').includes(constraint))) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/**
 * A member's report: one transaction puts it in the queue (gathered on the
 * target's open item), stores the report, and for encouraging self-harm or
 * method details in content also raises a safety review item. The reported
 * member is told nothing, and hears no event: queue events on their own channel
 * (a reported moderator) are dropped before commit.
 */
export async function createReport(deps: ReportDeps, auth: AuthContext, input: CreateReportRequest): Promise<CreateReportResponse> {
  const target = await resolveReportTarget(deps.db, auth, input);
  const now = deps.clock.now();
  let created: { report: typeof reports.$inferSelect; events: LiveEvent[] };
  try {
    created = await deps.db.transaction(async (tx) => {
      // One reporter's reports are decided one at a time: the hourly limit and "once" hold under concurrent requests.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, auth.user.id)).for('update');
      if (await findOpenReport(tx, auth.user.id, target.type, target.id)) throw alreadyReported();
      const recent = await countReportsSince(tx, auth.user.id, new Date(now.getTime() - HOUR_MS));
      if (recent.n >= REPORTS_PER_HOUR) {
        const freeAt = (recent.oldest?.getTime() ?? now.getTime()) + HOUR_MS;
        throw tooMany(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)));
      }
      const raised = await raiseQueueItem(tx, deps.live, {
        kind: 'report',
        targetType: target.type,
        targetId: target.id,
        subjectId: target.subjectId,
        groupId: target.groupId,
        reason: input.reason,
        severity: REASON_SEVERITY[input.reason],
        now,
      });
      const [report] = await tx
        .insert(reports)
        .values({
          reporterId: auth.user.id,
          targetType: target.type,
          targetId: target.id,
          reason: input.reason,
          details: input.details ? input.details : null,
          itemId: raised.itemId,
          createdAt: now,
        })
        .returning();
      const events = [...raised.events];
      if (SAFETY_REPORT_REASONS.includes(input.reason) && target.type !== 'member') {
        const [item] = await tx
          .insert(safetyReviewItems)
          .values({
            kind: 'report',
            contentType: target.type,
            contentId: target.id,
            subjectId: target.subjectId,
            reporterId: auth.user.id,
            reporterWords: input.details ? input.details : null,
            createdAt: now,
          })
          .returning({ id: safetyReviewItems.id });
        events.push(await deps.live.record(tx, staffChannel, SAFETY_LIVE.reviewChanged, { itemId: item!.id }));
      }
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'moderation.report',
        targetType: 'report',
        targetId: report!.id,
        details: { itemId: raised.itemId, targetType: target.type, reason: input.reason },
      });
      return { report: report!, events };
    });
  } catch (error) {
    // Two requests racing past the check: the unique index is the backstop.
    if (isUniqueViolation(error, 'reports_open_once_key')) throw alreadyReported();
    throw error;
  }
  await deps.live.announce(created.events);
  const described = await describeTargets(deps.db, auth, [created.report]);
  return { report: presentMyReport(created.report, described.get(created.report.id)!), message: SENT };
}

export async function listMyReports(deps: Pick<Deps, 'db'>, auth: AuthContext, query: { cursor?: string | undefined; limit: number }): Promise<MyReportsResponse> {
  const cursor = decodeCursor(query.cursor);
  const rows = await listOwnReports(deps.db, auth.user.id, cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const described = await describeTargets(deps.db, auth, page.map((row) => row.report));
  const last = page.at(-1);
  return {
    reports: page.map((row) => presentMyReport(row.report, described.get(row.report.id)!)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.sortKey, id: last.report.id }) : null,
  };
}
