import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { APPEALABLE_ACTIONS } from '../../../shared/api/moderation.js';
import type { AppealView } from '../../../shared/api/moderation-actions.js';
import type { Database } from '../../db/index.js';
import type { Deps } from '../../deps.js';
import { appeals, moderationActions } from '../../db/schema/index.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import type { LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from './actions-permissions.js';
import { performAction, type ActionInput } from './actions-perform.js';
import { presentAppeal } from './actions-presenters.js';
import { requireActor } from './actions-service.js';
import { findGroupById, findSanctionOfAction } from './actions-targets.js';
import { addNotice } from './notices.js';
import { moderationPolicy } from './policy.js';

type AppealDeps = Pick<Deps, 'db' | 'live' | 'clock'>;
type ActionRow = typeof moderationActions.$inferSelect;

/** The member affected appeals an action once. Any other action, or anyone else's, is "not found". */
export async function createAppeal(deps: AppealDeps, auth: AuthContext, actionId: string, body: string) {
  const [action] = await deps.db.select().from(moderationActions).where(eq(moderationActions.id, actionId)).limit(1);
  if (!action || action.subjectId !== auth.user.id || !APPEALABLE_ACTIONS.includes(action.kind)) throw notFound('That action');
  const [row] = await deps.db
    .insert(appeals)
    .values({ actionId, userId: auth.user.id, body, createdAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning({ id: appeals.id, status: appeals.status, createdAt: appeals.createdAt });
  if (!row) throw conflict('already_appealed', 'You have already appealed this action. You will be told the decision on your Moderation notices page.');
  return {
    appeal: { id: row.id, status: row.status, createdAt: row.createdAt.toISOString() },
    message: 'Your appeal is sent. A moderator who did not take the action will decide, and you will be told here.',
  };
}

/** Which appeals a moderator sees: their groups' actions; site-wide sanctions only for global moderators. */
function appealScope(actor: Actor): SQL | undefined {
  if (actor.scope === 'all') return undefined;
  if (actor.scope.length === 0) return sql`false`;
  return and(inArray(moderationActions.groupId, [...actor.scope]), notInArray(moderationActions.kind, ['suspend', 'ban']));
}

export async function listAppeals(deps: AppealDeps, auth: AuthContext): Promise<{ appeals: AppealView[] }> {
  const actor = await requireActor(deps, auth);
  const rows = await deps.db
    .select({ appeal: appeals, action: moderationActions })
    .from(appeals)
    .innerJoin(moderationActions, eq(moderationActions.id, appeals.actionId))
    .where(appealScope(actor))
    .orderBy(desc(sql`${appeals.status} = 'open'`), asc(appeals.createdAt))
    .limit(200);
  return { appeals: await Promise.all(rows.map((row) => presentAppeal(deps.db, row.appeal, row.action, actor.id))) };
}

/** The action that undoes an overturned one, through the same action code. */
async function undoOf(db: Database, action: ActionRow, reason: string): Promise<ActionInput | null> {
  if (action.targetType === 'message') return null;
  const base = { target: { type: action.targetType, id: action.targetId }, reason: `Appeal granted, the action undone: ${reason}`.slice(0, 1000) };
  switch (action.kind) {
    case 'remove':
    case 'hide':
      return { kind: 'restore', ...base };
    case 'content_warning': {
      const before = (action.before ?? {}) as { contentWarning?: string | null; contentWarningTopics?: string[] };
      return { kind: 'content_warning', ...base, contentWarning: before.contentWarning ?? null, contentWarningTopics: before.contentWarningTopics ?? [] };
    }
    case 'lock':
      return { kind: 'unlock', ...base };
    case 'move': {
      const from = await findGroupById(db, String((action.before ?? {}).groupId ?? ''));
      return from ? { kind: 'move', ...base, toGroup: from.slug } : null;
    }
    case 'mute':
    case 'suspend':
    case 'ban': {
      const sanction = await findSanctionOfAction(db, action.id);
      return sanction ? { kind: 'lift', ...base, sanctionId: sanction.id } : null;
    }
    case 'warn':
      return { kind: 'lift', ...base, withdrawWarningId: action.id };
    default:
      return null;
  }
}

/** Runs the undo; one already undone by later events (restored since, ended) is no error. */
async function undo(tx: Database, deps: AppealDeps, actor: Actor, action: ActionRow, reason: string, now: Date): Promise<LiveEvent[]> {
  const input = await undoOf(tx, action, reason);
  if (!input) return [];
  try {
    return (await performAction(tx, { live: deps.live, now, actor }, input, { notify: false, resolveItems: false, fromAppeal: true })).events;
  } catch (error) {
    // These are refused before anything is written: the content or sanction is already as the overturn wants it.
    if (error instanceof AppError && (error.code === 'already_visible' || error.code === 'not_locked' || error.code === 'sanction_ended' || error.code === 'same_group')) return [];
    throw error;
  }
}

export async function decideAppeal(deps: AppealDeps, auth: AuthContext, appealId: string, input: { decision: 'uphold' | 'overturn'; reason: string }) {
  const actor = await requireActor(deps, auth);
  const now = deps.clock.now();
  const { events, view } = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ appeal: appeals, action: moderationActions })
      .from(appeals)
      .innerJoin(moderationActions, eq(moderationActions.id, appeals.actionId))
      .where(and(eq(appeals.id, appealId), appealScope(actor)))
      .for('update', { of: appeals })
      .limit(1);
    if (!row || !moderationPolicy.covers(actor.scope, row.action.groupId)) throw notFound('That appeal');
    if (row.appeal.status !== 'open') throw conflict('already_decided', 'This appeal has already been decided.');
    if (row.appeal.userId === actor.id) throw forbidden('You cannot decide your own appeal.');
    if (!moderationPolicy.canDecideAppeal(actor.id, row.action.actorId)) {
      throw forbidden('You took this action, so a different moderator decides its appeal: that keeps appeals fair.');
    }
    const events = input.decision === 'overturn' ? await undo(tx, deps, actor, row.action, input.reason, now) : [];
    const status = input.decision === 'overturn' ? 'overturned' : 'upheld';
    const [decided] = await tx
      .update(appeals)
      .set({ status, decidedBy: actor.id, decisionReason: input.reason, decidedAt: now })
      .where(eq(appeals.id, appealId))
      .returning();
    await recordAudit(tx, { actorId: actor.id, action: 'moderation.appeal_decided', targetType: 'appeal', targetId: appealId, details: { actionId: row.action.id, decision: status, reason: input.reason } });
    events.push(await addNotice(tx, deps.live, { userId: row.appeal.userId, kind: 'appeal_decided', appealId, now }));
    return { events, view: await presentAppeal(tx, decided!, row.action, actor.id) };
  });
  await deps.live.announce(events);
  const message = input.decision === 'overturn' ? 'Overturned: the action is undone and the member is told.' : 'Upheld: the member is told your reason.';
  return { appeal: view, message };
}
