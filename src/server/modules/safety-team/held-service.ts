import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { HeldContentResponse, HeldDecisionRequest } from '../../../shared/api/held-content.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { Assessment } from '../../../shared/risk.js';
import type { Database } from '../../db/index.js';
import { heldDecisions, posts, replies, riskAssessments, safetyAlertActions, safetyAlerts, users } from '../../db/schema/index.js';
import type { Deps } from '../../deps.js';
import { conflict, invalidField, notFound, unprocessable } from '../../http/errors.js';
import { staffChannel, userChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { recomputeThreadCounters } from '../posts/queries.js';
import { shouldHold } from '../safety/assessment-service.js';

type Decision = HeldDecisionRequest['decision'];
type ContentType = 'post' | 'reply';

/**
 * What the writer reads, written to safe-messaging guidelines: plain about what
 * happened and why, no blame, no lecture, and help still there.
 */
export function defaultMessage(decision: Decision, contentType: ContentType): string {
  const it = contentType === 'post' ? 'post' : 'reply';
  switch (decision) {
    case 'release':
      return `Someone from our safety team has read your ${it}, and it is now visible to the group again, with a content warning so others can choose when to read it. Thank you for sharing something so hard. If things feel heavy, help is still here for you, day or night.`;
    case 'keep':
      return `Someone from our safety team has read your ${it}. It stays visible only to you and to us for now, because some details in it could put others who are struggling at risk. You have not done anything wrong, and you can still reach us and the crisis lines at any time.`;
    case 'ask_edit':
      return `Someone from our safety team has read your ${it}. If you edit out the details of how, it can be shared with the group again: everything else you said can stay. You have not done anything wrong, and support is here whenever you need it.`;
  }
}

const KIND = { release: 'released', keep: 'kept', ask_edit: 'edit_requested' } as const;
const ACTION = { release: 'held_released', keep: 'held_kept', ask_edit: 'edit_requested' } as const;

async function findAlert(db: Database, alertId: string) {
  const [alert] = await db
    .select({ id: safetyAlerts.id, contentType: safetyAlerts.contentType, contentId: safetyAlerts.contentId })
    .from(safetyAlerts)
    .where(eq(safetyAlerts.id, alertId));
  if (!alert) throw notFound('That alert');
  return alert;
}

/** The content row, locked when `forUpdate` (a decision and an edit by the writer never interleave). */
/**
 * Holds the safety team may not lift: words written while the writer was suspended or muted there, or into a locked
 * thread, were kept only so the team could read them (posts/holds.ts). Releasing them would publish past the
 * sanction or the lock; keep them, or ask for an edit (which lifts no such hold).
 */
const RELEASE_REFUSED: Partial<Record<string, string>> = {
  sanction: 'It was written while the writer was suspended or muted here, and kept only so the safety team could read it: releasing it would publish past the sanction.',
  locked: 'It was written into a locked thread, and kept only so the safety team could read it: releasing it would publish past the lock.',
};
const releaseRefused = (content: { status: string; heldBy: string | null } | undefined) =>
  content?.status === 'held' ? (RELEASE_REFUSED[content.heldBy ?? ''] ?? null) : null;

async function findContent(db: Database, contentType: ContentType, contentId: string, forUpdate = false) {
  const table = contentType === 'post' ? posts : replies;
  const query = db
    .select({ id: table.id, status: table.status, heldBy: table.heldBy, authorId: table.authorId, postId: contentType === 'post' ? posts.id : replies.postId })
    .from(table)
    .where(eq(table.id, contentId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

function statusOf(status: string): 'held' | 'visible' | 'removed' {
  return status === 'held' ? 'held' : status === 'visible' ? 'visible' : 'removed';
}

export async function getHeldContent(deps: Pick<Deps, 'db'>, alertId: string): Promise<HeldContentResponse> {
  const alert = await findAlert(deps.db, alertId);
  const defaults = (type: ContentType) => ({ release: defaultMessage('release', type), keep: defaultMessage('keep', type), ask_edit: defaultMessage('ask_edit', type) });
  if ((alert.contentType !== 'post' && alert.contentType !== 'reply') || !alert.contentId) {
    return { contentType: null, contentId: null, status: null, decision: null, defaultMessages: defaults('post'), releaseRefused: null };
  }
  const content = await findContent(deps.db, alert.contentType, alert.contentId);
  const [decision] = await deps.db
    .select({ decision: heldDecisions.decision, contentWarning: heldDecisions.contentWarning, messageToWriter: heldDecisions.messageToWriter, createdAt: heldDecisions.createdAt, handle: users.handle })
    .from(heldDecisions)
    .leftJoin(users, eq(users.id, heldDecisions.decidedBy))
    .where(and(eq(heldDecisions.contentType, alert.contentType), eq(heldDecisions.contentId, alert.contentId)))
    .orderBy(desc(heldDecisions.createdAt), desc(heldDecisions.id))
    .limit(1);
  return {
    contentType: alert.contentType,
    contentId: alert.contentId,
    status: content ? statusOf(content.status) : null,
    decision: decision
      ? { decision: decision.decision, contentWarning: decision.contentWarning, messageToWriter: decision.messageToWriter, decidedAt: decision.createdAt.toISOString(), decidedBy: decision.handle }
      : null,
    defaultMessages: defaults(alert.contentType),
    releaseRefused: releaseRefused(content),
  };
}

/**
 * Replies the author wrote under their held post were held only to stay with
 * it (posts/service.ts createReply): released with the post, unless their own
 * words describe a method (their newest assessment would hold them anyway).
 */
async function releaseKeptReplies(tx: Database, postId: string): Promise<void> {
  // Only those the assessor keeps with the post: a reply held by a moderator, automod, a sanction or a lock stays held.
  const held = await tx
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.postId, postId), eq(replies.status, 'held'), or(eq(replies.heldBy, 'assessor'), isNull(replies.heldBy))));
  if (held.length === 0) return;
  const assessed = await tx
    .select({ contentId: riskAssessments.contentId, level: riskAssessments.level, categories: riskAssessments.categories })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.contentType, 'reply'), inArray(riskAssessments.contentId, held.map((row) => row.id))))
    .orderBy(desc(riskAssessments.createdAt), desc(riskAssessments.id));
  const newest = new Map<string, (typeof assessed)[number]>();
  for (const row of assessed) if (!newest.has(row.contentId)) newest.set(row.contentId, row);
  const release = held
    .map((row) => row.id)
    .filter((id) => {
      const assessment = newest.get(id);
      return !assessment || !shouldHold({ level: assessment.level, categories: assessment.categories } as Assessment);
    });
  if (release.length > 0) await tx.update(replies).set({ status: 'visible' }).where(inArray(replies.id, release));
}

/**
 * Staff decide about held content behind an alert. One transaction: the
 * content (locked), the decision the writer reads, the alert's history, the
 * audit row (no text), and the live events (staff: the alert changed; the
 * writer: a decision about their content, ids only), announced after commit.
 */
export async function decideHeldContent(
  deps: Pick<Deps, 'db' | 'live' | 'clock'>,
  auth: AuthContext,
  alertId: string,
  input: HeldDecisionRequest,
): Promise<HeldContentResponse> {
  const now = deps.clock.now();
  const { events, postId, released } = await deps.db.transaction(async (tx) => {
    const alert = await findAlert(tx, alertId);
    if ((alert.contentType !== 'post' && alert.contentType !== 'reply') || !alert.contentId) {
      throw unprocessable('no_held_content', 'This alert is not about a post or reply, so there is no held content to decide about.', 'decision');
    }
    const contentType = alert.contentType;
    const content = await findContent(tx, contentType, alert.contentId, true);
    if (!content) throw notFound(contentType === 'post' ? 'That post' : 'That reply');
    if (content.status !== 'held') {
      throw conflict('not_held', `This ${contentType} is not held any more (it was released or removed), so there is nothing to decide.`, 'decision');
    }
    const refused = input.decision === 'release' ? releaseRefused(content) : null;
    if (refused) throw conflict('release_refused', refused, 'decision');
    if (input.decision === 'release' && !input.contentWarning) {
      throw invalidField('contentWarning', '"contentWarning" is required to release held content: choose the warning other members see first.');
    }
    const warning = input.decision === 'release' ? input.contentWarning! : null;
    if (input.decision === 'release') {
      if (contentType === 'post') {
        await tx
          .update(posts)
          .set({ status: 'visible', contentWarning: warning!.text, contentWarningTopics: warning!.topics, autoContentWarning: false })
          .where(eq(posts.id, content.id));
        await releaseKeptReplies(tx, content.id);
      } else {
        // Everyone reads the reply behind the warning staff chose (an author's edit keeps it: posts/service.ts updateReply).
        await tx
          .update(replies)
          .set({ status: 'visible', contentWarning: warning!.text, contentWarningTopics: warning!.topics })
          .where(eq(replies.id, content.id));
      }
    }
    const messageToWriter = input.messageToWriter ?? defaultMessage(input.decision, contentType);
    await tx.insert(heldDecisions).values({
      contentType,
      contentId: content.id,
      decision: KIND[input.decision],
      contentWarning: warning?.text ?? null,
      messageToWriter,
      decidedBy: auth.user.id,
      createdAt: now,
    });
    await tx.insert(safetyAlertActions).values({
      alertId,
      actorId: auth.user.id,
      kind: ACTION[input.decision],
      details: { contentType, contentId: content.id, ...(warning ? { topics: warning.topics } : {}), customMessage: input.messageToWriter !== undefined },
      createdAt: now,
    });
    // Never the message or the warning's words in the audit log: ids and the decision only.
    await recordAudit(tx, { actorId: auth.user.id, action: 'safety.held_decision', targetType: 'safety_alert', targetId: alertId, details: { decision: KIND[input.decision], contentType, contentId: content.id } });
    const recorded: LiveEvent[] = [
      await deps.live.record(tx, staffChannel, SAFETY_LIVE.alertChanged, { alertId, change: 'held_decision' }),
      await deps.live.record(tx, userChannel(content.authorId), SAFETY_LIVE.heldDecision, { contentType, contentId: content.id, decision: KIND[input.decision] }),
    ];
    return { events: recorded, postId: content.postId, released: input.decision === 'release' };
  });
  // Released: the thread's counters follow what readers can now see (as when an edit releases a reply).
  if (released) await recomputeThreadCounters(deps.db, postId);
  await deps.live.announce(events);
  return getHeldContent(deps, alertId);
}

