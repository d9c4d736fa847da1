import { and, asc, desc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { openJoinedBody, openMessageBody } from '../../crypto/message-body.js';
import { storedBodyColumns } from '../../crypto/message-columns.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import { rowsOf, type Database } from '../../db/index.js';
import {
  groups,
  messages,
  posts,
  replies,
  riskAssessments,
  safetyAlertActions,
  safetyAlerts,
  safetyAlertState,
  users,
} from '../../db/schema/index.js';

/**
 * The database side of the safety dashboard's alerts. Staff only: every
 * caller has passed `requireSafetyTeam`. Rows leave through alerts-presenters.
 */

const claimer = alias(users, 'claimer');
const resolver = alias(users, 'resolver');
const alertPost = alias(posts, 'alert_post');
const alertReply = alias(replies, 'alert_reply');
const replyPost = alias(posts, 'reply_post');
const EXCERPT_CHARS = 160;

const listColumns = {
  id: safetyAlerts.id,
  level: safetyAlerts.level,
  reason: safetyAlerts.reason,
  status: safetyAlerts.status,
  createdAt: safetyAlerts.createdAt,
  deadlineAt: safetyAlerts.deadlineAt,
  claimedAt: safetyAlerts.claimedAt,
  resolvedAt: safetyAlerts.resolvedAt,
  contentType: safetyAlerts.contentType,
  contentId: safetyAlerts.contentId,
  assessmentId: safetyAlerts.assessmentId,
  subjectId: safetyAlerts.subjectId,
  categories: riskAssessments.categories,
  claimedByHandle: claimer.handle,
  resolvedByHandle: resolver.handle,
  escalationStep: sql<number>`coalesce(${safetyAlertState.escalationStep}, 0)`.mapWith(Number),
  nextStepAt: safetyAlertState.nextStepAt,
  escalatedAt: safetyAlertState.escalatedAt,
  raisedWithNobodyOnDuty: safetyAlertState.raisedWithNobodyOnDuty,
  outcome: safetyAlertState.outcome,
  outcomeNote: safetyAlertState.outcomeNote,
  groupName: groups.name,
  groupSlug: groups.slug,
  excerpt: sql<string | null>`coalesce(
    nullif(${alertPost.excerpt}, ''),
    left(${alertPost.body}, ${sql.raw(String(EXCERPT_CHARS))}),
    left(${alertReply.body}, ${sql.raw(String(EXCERPT_CHARS))})
  )`,
  /** A message's words are sealed at rest: opened in code (`opened`), never cut in SQL. */
  messageStored: storedBodyColumns(),
};

type SelectedAlert = Awaited<ReturnType<typeof selectAlerts>>[number];

function opened(keys: MessageKeyring, rows: SelectedAlert[]) {
  return rows.map(({ messageStored, ...row }) => {
    const message = openJoinedBody(keys, messageStored);
    return { ...row, excerpt: row.excerpt ?? (message === null ? null : Array.from(message).slice(0, EXCERPT_CHARS).join('')) };
  });
}

export type AlertRow = ReturnType<typeof opened>[number];

function selectAlerts(db: Database, where: SQL | undefined) {
  return db
    .select(listColumns)
    .from(safetyAlerts)
    .leftJoin(safetyAlertState, eq(safetyAlertState.alertId, safetyAlerts.id))
    .leftJoin(riskAssessments, eq(riskAssessments.id, safetyAlerts.assessmentId))
    .leftJoin(claimer, eq(claimer.id, safetyAlerts.claimedBy))
    .leftJoin(resolver, eq(resolver.id, safetyAlertState.resolvedBy))
    .leftJoin(alertPost, and(eq(safetyAlerts.contentType, 'post'), eq(alertPost.id, safetyAlerts.contentId)))
    .leftJoin(alertReply, and(eq(safetyAlerts.contentType, 'reply'), eq(alertReply.id, safetyAlerts.contentId)))
    .leftJoin(replyPost, eq(replyPost.id, alertReply.postId))
    .leftJoin(messages, and(eq(safetyAlerts.contentType, 'message'), eq(messages.id, safetyAlerts.contentId)))
    .leftJoin(groups, eq(groups.id, sql`coalesce(${alertPost.groupId}, ${replyPost.groupId})`))
    .where(where);
}

const levelFirst = sql`case ${safetyAlerts.level} when 'imminent' then 0 when 'high' then 1 else 2 end`;

/** Open and claimed alerts: imminent first, then the longest waiting first. */
export async function listUnresolvedAlerts(db: Database, keys: MessageKeyring) {
  return opened(keys, await selectAlerts(db, inArray(safetyAlerts.status, ['open', 'claimed'])).orderBy(levelFirst, asc(safetyAlerts.createdAt), asc(safetyAlerts.id)).limit(500));
}

/** Resolved since `since`, newest first. */
export async function listResolvedSince(db: Database, keys: MessageKeyring, since: Date) {
  return opened(keys, await selectAlerts(db, and(eq(safetyAlerts.status, 'resolved'), gt(safetyAlerts.resolvedAt, since))).orderBy(desc(safetyAlerts.resolvedAt)).limit(100));
}

export async function findAlertRow(db: Database, keys: MessageKeyring, alertId: string): Promise<AlertRow | undefined> {
  const [row] = opened(keys, await selectAlerts(db, eq(safetyAlerts.id, alertId)).limit(1));
  return row;
}

export async function countUnresolvedAlerts(db: Database): Promise<{ open: number; unclaimed: number; imminent: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*)`.mapWith(Number),
      unclaimed: sql<number>`count(*) filter (where ${safetyAlerts.status} = 'open')`.mapWith(Number),
      imminent: sql<number>`count(*) filter (where ${safetyAlerts.level} = 'imminent')`.mapWith(Number),
    })
    .from(safetyAlerts)
    .where(inArray(safetyAlerts.status, ['open', 'claimed']));
  return row ?? { open: 0, unclaimed: 0, imminent: 0 };
}

export async function findAssessment(db: Database, assessmentId: string) {
  const [row] = await db.select().from(riskAssessments).where(eq(riskAssessments.id, assessmentId)).limit(1);
  return row;
}

export interface AlertContent {
  type: 'post' | 'reply' | 'message';
  id: string;
  postId: string | null;
  title: string | null;
  body: string;
  assessedText: string;
  status: string;
  anonymous: boolean;
  authorId: string | null;
  createdAt: Date;
  editedAt: Date | null;
}

/** The content an alert is about, as its author wrote it (held or not). */
export async function findAlertContent(db: Database, keys: MessageKeyring, type: string | null, id: string | null): Promise<AlertContent | undefined> {
  if (!type || !id) return undefined;
  if (type === 'post') {
    const [row] = await db.select().from(posts).where(eq(posts.id, id)).limit(1);
    if (!row) return undefined;
    // The assessor read the title and body together (posts/service.ts): evidence offsets point into this.
    return { type, id, postId: row.id, title: row.title, body: row.body, assessedText: `${row.title}\n\n${row.body}`, status: row.status, anonymous: row.anonymous, authorId: row.authorId, createdAt: row.createdAt, editedAt: row.editedAt };
  }
  if (type === 'reply') {
    const [row] = await db.select().from(replies).where(eq(replies.id, id)).limit(1);
    if (!row) return undefined;
    return { type, id, postId: row.postId, title: null, body: row.body, assessedText: row.body, status: row.status, anonymous: row.anonymous, authorId: row.authorId, createdAt: row.createdAt, editedAt: row.editedAt };
  }
  if (type === 'message') {
    const [row] = await db
      .select({ ...storedBodyColumns(), status: messages.status, senderId: messages.senderId, createdAt: messages.createdAt, editedAt: messages.editedAt })
      .from(messages)
      .where(eq(messages.id, id))
      .limit(1);
    if (!row) return undefined;
    const body = openMessageBody(keys, row);
    return { type, id, postId: null, title: null, body, assessedText: body, status: row.status, anonymous: false, authorId: row.senderId, createdAt: row.createdAt, editedAt: row.editedAt };
  }
  return undefined;
}

export async function findHandle(db: Database, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ handle: users.handle }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.handle;
}

/*
 * Anonymity on the dashboard. The rule (each piece is SQL over a table alias):
 * - An alert is ON ANONYMOUS CONTENT when what it is about (its content, or for
 *   an alert without content the assessed content behind it) is an anonymous
 *   post or reply.
 * - A conversation is TIED TO ANONYMOUS CONTENT when it holds a message that
 *   belongs to such an alert (the team's outreach about it, or the member's
 *   answer). A member has one safety conversation, so its messages, their
 *   alert ids and the alerts on message content all lead back to the member.
 * - An alert is BEHIND THE REVEAL when it is on anonymous content, or it is on
 *   a message whose conversation is tied to anonymous content. Staff learn
 *   the member of such an alert only through the logged reveal (reason
 *   "safety alert"), and it is left out of other alerts' history until they have.
 */
const sourceType = (a: string) => `coalesce(${a}.content_type::text, (select sra.content_type::text from risk_assessments sra where sra.id = ${a}.assessment_id))`;
const sourceId = (a: string) => `coalesce(${a}.content_id, (select sra.content_id from risk_assessments sra where sra.id = ${a}.assessment_id))`;
const onAnonymousContent = (a: string) =>
  `((${sourceType(a)} = 'post' and exists (select 1 from posts ap where ap.id = ${sourceId(a)} and ap.anonymous))` +
  ` or (${sourceType(a)} = 'reply' and exists (select 1 from replies ar where ar.id = ${sourceId(a)} and ar.anonymous)))`;
const conversationTiedToAnonymous = (conversationId: string) =>
  `exists (select 1 from messages tm join safety_alerts ta on ta.id = tm.alert_id where tm.conversation_id = ${conversationId} and ${onAnonymousContent('ta')})`;
const behindReveal = (a: string) =>
  `(${onAnonymousContent(a)} or (${sourceType(a)} = 'message' and exists (select 1 from messages am where am.id = ${sourceId(a)} and ${conversationTiedToAnonymous('am.conversation_id')})))`;

/** For the review list: a message in a conversation tied to anonymous content (its member is not named there). */
export const messageTiedToAnonymous = sql<boolean>`coalesce(${sql.raw(conversationTiedToAnonymous('messages.conversation_id'))}, false)`;

/** The anonymous posts and replies whose alerts have messages in this conversation (what a reveal through it discloses). */
export async function anonymousContentInConversation(db: Database, conversationId: string): Promise<{ type: 'post' | 'reply'; id: string }[]> {
  const result = await db.execute(
    sql`select distinct ${sql.raw(sourceType('ta'))} as type, ${sql.raw(sourceId('ta'))} as id from messages tm join safety_alerts ta on ta.id = tm.alert_id
        where tm.conversation_id = ${conversationId} and ${sql.raw(onAnonymousContent('ta'))}`,
  );
  return rowsOf<{ type: 'post' | 'reply'; id: string }>(result).map((row) => ({ type: row.type, id: row.id }));
}

export async function findConversationOfMessage(db: Database, messageId: string): Promise<string | undefined> {
  const [row] = await db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.id, messageId)).limit(1);
  return row?.conversationId;
}

const HISTORY_LIMIT = 10;

/**
 * The member's recent writing and earlier alerts, for the alert's context.
 * `withAnonymous`: only after a logged reveal of this alert. Without it, an
 * earlier alert behind the reveal is listed only when this staff member has
 * opened it through the logged reveal (or revealed its content) themselves.
 */
export async function findSubjectHistory(db: Database, subjectId: string, alertId: string, withAnonymous: boolean, staffId: string) {
  const openly = (column: typeof posts.anonymous | typeof replies.anonymous) => (withAnonymous ? undefined : eq(column, false));
  const earlierVisible = withAnonymous
    ? undefined
    : sql`(not ${sql.raw(behindReveal('safety_alerts'))}
        or exists (select 1 from safety_alert_actions rv where rv.alert_id = ${safetyAlerts.id} and rv.actor_id = ${staffId} and rv.kind = 'revealed')
        or exists (select 1 from anonymity_reveals ar2 where ar2.staff_id = ${staffId} and ar2.content_id = ${sql.raw(sourceId('safety_alerts'))}))`;
  const [recentPosts, recentReplies, checkins, earlierAlerts] = await Promise.all([
    db
      .select({ id: posts.id, title: posts.title, excerpt: posts.excerpt, status: posts.status, anonymous: posts.anonymous, createdAt: posts.createdAt })
      .from(posts)
      .where(and(eq(posts.authorId, subjectId), openly(posts.anonymous)))
      .orderBy(desc(posts.createdAt))
      .limit(HISTORY_LIMIT),
    db
      .select({ id: replies.id, postId: replies.postId, excerpt: sql<string>`left(${replies.body}, ${sql.raw(String(EXCERPT_CHARS))})`, status: replies.status, anonymous: replies.anonymous, createdAt: replies.createdAt })
      .from(replies)
      .where(and(eq(replies.authorId, subjectId), openly(replies.anonymous)))
      .orderBy(desc(replies.createdAt))
      .limit(HISTORY_LIMIT),
    db
      .select({ id: riskAssessments.id, level: riskAssessments.level, createdAt: riskAssessments.createdAt })
      .from(riskAssessments)
      .where(and(eq(riskAssessments.authorId, subjectId), eq(riskAssessments.contentType, 'checkin')))
      .orderBy(desc(riskAssessments.createdAt))
      .limit(HISTORY_LIMIT),
    db
      .select({ id: safetyAlerts.id, level: safetyAlerts.level, status: safetyAlerts.status, outcome: safetyAlertState.outcome, createdAt: safetyAlerts.createdAt })
      .from(safetyAlerts)
      .leftJoin(safetyAlertState, eq(safetyAlertState.alertId, safetyAlerts.id))
      .where(and(eq(safetyAlerts.subjectId, subjectId), ne(safetyAlerts.id, alertId), earlierVisible))
      .orderBy(desc(safetyAlerts.createdAt))
      .limit(HISTORY_LIMIT),
  ]);
  return { posts: recentPosts, replies: recentReplies, checkins, earlierAlerts };
}

const actor = alias(users, 'actor');

export function listAlertActions(db: Database, alertId: string) {
  return db
    .select({ id: safetyAlertActions.id, kind: safetyAlertActions.kind, actorHandle: actor.handle, body: safetyAlertActions.body, details: safetyAlertActions.details, createdAt: safetyAlertActions.createdAt })
    .from(safetyAlertActions)
    .leftJoin(actor, eq(actor.id, safetyAlertActions.actorId))
    .where(eq(safetyAlertActions.alertId, alertId))
    .orderBy(asc(safetyAlertActions.createdAt), asc(safetyAlertActions.id));
}

export async function hasRevealed(db: Database, alertId: string, staffId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: safetyAlertActions.id })
    .from(safetyAlertActions)
    .where(and(eq(safetyAlertActions.alertId, alertId), eq(safetyAlertActions.actorId, staffId), eq(safetyAlertActions.kind, 'revealed')))
    .limit(1);
  return row !== undefined;
}
