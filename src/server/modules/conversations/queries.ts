import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { openMessageBody, sealMessageBody } from '../../crypto/message-body.js';
import { storedBodyColumns } from '../../crypto/message-columns.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import { conversationParticipants, conversations, messages, safetyAlerts, users } from '../../db/schema/index.js';
import { sortKeyText, type Cursor } from '../feeds/cursor.js';

export type ConversationRow = typeof conversations.$inferSelect;

export interface MessageRow {
  id: string;
  conversationId: string;
  senderId: string | null;
  /** The sender's handle: for staff views and signed team messages only (presenters decide). */
  senderHandle: string | null;
  asTeam: boolean;
  signed: boolean;
  body: string;
  alertId: string | null;
  status: 'visible' | 'held' | 'removed_by_author' | 'removed_by_staff';
  createdAt: Date;
  editedAt: Date | null;
  /** The sort key exactly as stored, for the next cursor. */
  sortKey: string;
}

/** Only visible messages are previewed and counted; a message its author deleted is listed as "Message deleted" (no body kept). */
const visible = eq(messages.status, 'visible');
const listed = inArray(messages.status, ['visible', 'removed_by_author']);

/** The member's safety conversation (one per member), or null before the team first writes. */
export async function findSafetyConversation(db: Database, memberId: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.kind, 'safety'), eq(conversations.memberId, memberId)))
    .limit(1);
  return row ?? null;
}

/**
 * The member's safety conversation, created on first use with the member as its
 * participant. Safe under a race: the unique index allows one per member.
 */
export async function ensureSafetyConversation(tx: Database, memberId: string, now: Date): Promise<ConversationRow> {
  await tx.insert(conversations).values({ kind: 'safety', memberId, createdAt: now, lastMessageAt: now }).onConflictDoNothing();
  const conversation = await findSafetyConversation(tx, memberId);
  if (!conversation) throw new Error('safety conversation missing after insert');
  await tx.insert(conversationParticipants).values({ conversationId: conversation.id, userId: memberId, joinedAt: now }).onConflictDoNothing();
  return conversation;
}

/**
 * The one writer of messages: the body is sealed under the active key, bound to the id chosen here. With a
 * `clientId` this sender already used, nothing is written and DuplicateSend is thrown: the caller answers with the
 * message already sent (an idempotent retry).
 */
export async function insertMessage(
  tx: Database,
  keys: MessageKeyring,
  input: { conversationId: string; senderId: string; asTeam: boolean; signed: boolean; body: string; alertId: string | null; now: Date; clientId?: string | undefined; held?: boolean },
): Promise<{ id: string; createdAt: Date }> {
  const id = randomUUID();
  const [row] = await tx
    .insert(messages)
    .values({
      id,
      ...sealMessageBody(keys, id, input.body),
      conversationId: input.conversationId,
      senderId: input.senderId,
      asTeam: input.asTeam,
      signed: input.signed,
      alertId: input.alertId,
      createdAt: input.now,
      clientId: input.clientId ?? null,
      // Held: kept for the safety team only (words written in crisis whose send was refused); listed to nobody.
      status: input.held ? 'held' : 'visible',
    })
    .onConflictDoNothing({ target: [messages.senderId, messages.clientId] })
    .returning({ id: messages.id, createdAt: messages.createdAt });
  if (!row) throw new DuplicateSend();
  // A held message moves nothing in the conversation (no order, no time).
  if (input.held) return row;
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${input.now.toISOString()}::timestamptz)` })
    .where(eq(conversations.id, input.conversationId));
  return row;
}

/** Thrown inside a send's transaction when its client id was used already: the transaction rolls back and the first send is answered. */
export class DuplicateSend extends Error {
  override name = 'DuplicateSend';
}

/** The message this sender sent with this client id, if any. */
export async function findMessageByClientId(db: Database, keys: MessageKeyring, senderId: string, clientId: string): Promise<MessageRow | null> {
  const [row] = await db
    .select(messageColumns)
    .from(messages)
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(and(eq(messages.senderId, senderId), eq(messages.clientId, clientId)))
    .limit(1);
  return row ? opened(keys, row) : null;
}

/** Its sender's edit: the new words (sealed as any body), and when. */
export async function updateMessageBody(tx: Database, keys: MessageKeyring, messageId: string, body: string, now: Date): Promise<void> {
  await tx
    .update(messages)
    .set({ ...sealMessageBody(keys, messageId, body), editedAt: now })
    .where(eq(messages.id, messageId));
}

/** Its sender deleted it: for both people, and the row keeps no words (an empty body, sealed like any other). */
export async function removeMessageByAuthor(tx: Database, keys: MessageKeyring, messageId: string): Promise<void> {
  // Words an alert still open or a review item not yet read points at stay sealed for staff (members see the message
  // deleted: presenters never show a deleted message's body); otherwise nothing is kept.
  const staffNeedIt = sql`(
    exists (select 1 from safety_alerts a where a.status <> 'resolved'
              and ((a.content_type = 'message' and a.content_id = ${messageId}::uuid) or a.id = ${messages.alertId}))
    or exists (select 1 from safety_review_items i where i.reviewed_at is null and i.content_type = 'message' and i.content_id = ${messageId}::uuid))`;
  await tx.update(messages).set({ status: 'removed_by_author' }).where(eq(messages.id, messageId));
  await tx
    .update(messages)
    .set(sealMessageBody(keys, messageId, ''))
    .where(and(eq(messages.id, messageId), sql`not ${staffNeedIt}`));
}

/** The conversation if `userId` takes part in it (null otherwise: the caller answers 404). */
export async function findConversationFor(db: Database, conversationId: string, userId: string) {
  const [row] = await db
    .select({ conversation: conversations, lastReadAt: conversationParticipants.lastReadAt })
    .from(conversations)
    .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, userId)))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return row ?? null;
}

/** Messages another participant sent after the member last read: the unread count. */
function unreadCondition(userId: string) {
  return sql`${messages.status} = 'visible'
    and ${messages.senderId} is distinct from ${userId}::uuid
    and (${conversationParticipants.lastReadAt} is null or ${messages.createdAt} > ${conversationParticipants.lastReadAt})`;
}

/** The other member of a direct conversation (null in a safety conversation: the team is not a participant). */
const otherOf = (userId: string) =>
  sql`(select op.user_id from ${conversationParticipants} op where op.conversation_id = ${conversations.id} and op.user_id <> ${userId}::uuid limit 1)`;
const blockedByMe = (userId: string) => sql`exists (select 1 from blocks b where b.blocker_id = ${userId}::uuid and b.blocked_id = ${otherOf(userId)})`;
const blockedEitherWay = (userId: string) =>
  sql`exists (select 1 from blocks b where (b.blocker_id = ${userId}::uuid and b.blocked_id = ${otherOf(userId)}) or (b.blocked_id = ${userId}::uuid and b.blocker_id = ${otherOf(userId)}))`;
const bothOpted = (userId: string, column: 'read_receipts' | 'typing_indicators') =>
  sql`(coalesce((select ms.${sql.raw(column)} from message_settings ms where ms.user_id = ${userId}::uuid), false)
    and coalesce((select ms.${sql.raw(column)} from message_settings ms where ms.user_id = ${otherOf(userId)}), false))`;

/**
 * Which of a member's conversations a list shows. The inbox: the safety conversation, direct conversations
 * accepted or asked for by the member, never one with a member they blocked. Requests: direct conversations
 * another member asked for and that wait for an answer, with no block either way (a block makes a request vanish).
 */
export type ConversationScope = { kind: 'inbox' } | { kind: 'requests' } | { kind: 'one'; id: string };

function scopeCondition(userId: string, scope: ConversationScope) {
  if (scope.kind === 'one') return eq(conversations.id, scope.id);
  if (scope.kind === 'inbox') {
    return sql`(${conversations.kind} = 'safety' or ((${conversations.requestState} = 'accepted' or ${conversations.requestedBy} = ${userId}::uuid) and not ${blockedByMe(userId)}))`;
  }
  return sql`(${conversations.kind} = 'direct' and ${conversations.requestState} = 'pending' and ${conversations.requestedBy} is distinct from ${userId}::uuid and not ${blockedEitherWay(userId)})`;
}

const PREVIEW_CHARS = 140;

/** The member's conversations in a list (or the one asked for), the most recently active first, each with its unread count, newest message and other side. */
export async function listConversationsFor(db: Database, keys: MessageKeyring, userId: string, scope: ConversationScope = { kind: 'inbox' }) {
  // The newest visible message of each conversation, by its index (a LATERAL join: one probe per conversation).
  const newest = db
    .select(storedBodyColumns())
    .from(messages)
    .where(and(eq(messages.conversationId, conversations.id), visible))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1)
    .as('newest_message');
  const rows = await db
    .select({
      conversation: conversations,
      unread: sql<number>`(select count(*)::int from ${messages} where ${messages.conversationId} = ${conversations.id} and ${unreadCondition(userId)})`,
      preview: { id: newest.id, bodySealed: newest.bodySealed, keyId: newest.keyId, legacyBody: newest.legacyBody },
      otherHandle: sql<string | null>`(select u.handle from users u where u.id = ${otherOf(userId)})`,
      otherLastReadAt: sql<string | null>`(select to_char(op.last_read_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from ${conversationParticipants} op where op.conversation_id = ${conversations.id} and op.user_id <> ${userId}::uuid limit 1)`,
      blockedByMe: sql<boolean>`${blockedByMe(userId)}`,
      blockedEitherWay: sql<boolean>`${blockedEitherWay(userId)}`,
      receiptsOn: sql<boolean>`${bothOpted(userId, 'read_receipts')}`,
      typingOn: sql<boolean>`${bothOpted(userId, 'typing_indicators')}`,
    })
    .from(conversations)
    .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, userId)))
    .leftJoinLateral(newest, sql`true`)
    .where(scopeCondition(userId, scope))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(200);
  // Sealed bodies are opened here, so the preview is cut in code (by code points: never half a surrogate pair).
  return rows.map((row) => ({
    ...row,
    preview: row.preview ? Array.from(openMessageBody(keys, row.preview)).slice(0, PREVIEW_CHARS).join('') : null,
  }));
}
export type ConversationListRow = Awaited<ReturnType<typeof listConversationsFor>>[number];

/** Unread messages in the inbox (requests are counted apart and never make the badge move). */
export async function countUnreadFor(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, messages.conversationId), eq(conversationParticipants.userId, userId)))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(unreadCondition(userId), scopeCondition(userId, { kind: 'inbox' })));
  return row?.count ?? 0;
}

/** Message requests waiting for this member's answer. */
export async function countRequestsFor(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(conversations)
    .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, userId)))
    .where(scopeCondition(userId, { kind: 'requests' }));
  return row?.count ?? 0;
}

const messageColumns = {
  id: messages.id,
  conversationId: messages.conversationId,
  senderId: messages.senderId,
  senderHandle: users.handle,
  asTeam: messages.asTeam,
  signed: messages.signed,
  stored: storedBodyColumns(),
  alertId: messages.alertId,
  status: messages.status,
  createdAt: messages.createdAt,
  editedAt: messages.editedAt,
  sortKey: sortKeyText(messages.createdAt),
};

function opened(keys: MessageKeyring, { stored, ...row }: { stored: Parameters<typeof openMessageBody>[1] } & Omit<MessageRow, 'body'>): MessageRow {
  return { ...row, body: openMessageBody(keys, stored) };
}

/** One page of a conversation, newest first, older than `cursor` when given (the caller reverses it for display). */
export async function listMessages(db: Database, keys: MessageKeyring, conversationId: string, cursor: Cursor | undefined, limit: number): Promise<MessageRow[]> {
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(
      and(
        eq(messages.conversationId, conversationId),
        listed,
        cursor ? sql`(${messages.createdAt}, ${messages.id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
  return rows.map((row) => opened(keys, row));
}

export async function findMessage(db: Database, keys: MessageKeyring, messageId: string): Promise<MessageRow | null> {
  const [row] = await db.select(messageColumns).from(messages).leftJoin(users, eq(users.id, messages.senderId)).where(eq(messages.id, messageId)).limit(1);
  return row ? opened(keys, row) : null;
}

/** These messages (for presenting live events at delivery). */
export async function findMessages(db: Database, keys: MessageKeyring, messageIds: string[]): Promise<MessageRow[]> {
  if (messageIds.length === 0) return [];
  const rows = await db.select(messageColumns).from(messages).leftJoin(users, eq(users.id, messages.senderId)).where(inArray(messages.id, messageIds));
  return rows.map((row) => opened(keys, row));
}

/** The last `limit` messages of a conversation, oldest first (the safety team's view on an alert). */
export async function listRecentMessages(db: Database, keys: MessageKeyring, conversationId: string, limit: number): Promise<MessageRow[]> {
  return (await listMessages(db, keys, conversationId, undefined, limit)).reverse();
}

/** Everything up to the newest message counts as read (a clock that stands still still clears it). */
export async function markRead(db: Database, conversationId: string, userId: string, now: Date): Promise<void> {
  await db
    .update(conversationParticipants)
    .set({
      lastReadAt: sql`greatest(${now.toISOString()}::timestamptz, (select max(${messages.createdAt}) from ${messages} where ${messages.conversationId} = ${conversationId}::uuid), ${conversationParticipants.lastReadAt})`,
    })
    .where(and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, userId)));
}

/**
 * The alert the conversation is about now: the one its newest alert-linked
 * message belongs to, with its status (a resolved alert no longer covers what
 * the member writes next).
 */
export async function newestAlertOf(db: Database, conversationId: string): Promise<{ alertId: string; status: 'open' | 'claimed' | 'resolved' } | null> {
  const [row] = await db
    .select({ alertId: safetyAlerts.id, status: safetyAlerts.status })
    .from(messages)
    .innerJoin(safetyAlerts, eq(safetyAlerts.id, messages.alertId))
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return row ?? null;
}
