import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
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
  createdAt: Date;
  /** The sort key exactly as stored, for the next cursor. */
  sortKey: string;
}

/** Only visible messages are shown; other statuses exist for the private-messages issue (removal, holds). */
const visible = eq(messages.status, 'visible');

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

/** The one writer of messages: the body is sealed under the active key, bound to the id chosen here. */
export async function insertMessage(
  tx: Database,
  keys: MessageKeyring,
  input: { conversationId: string; senderId: string; asTeam: boolean; signed: boolean; body: string; alertId: string | null; now: Date },
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
    })
    .returning({ id: messages.id, createdAt: messages.createdAt });
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${input.now.toISOString()}::timestamptz)` })
    .where(eq(conversations.id, input.conversationId));
  return row!;
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

const PREVIEW_CHARS = 140;

/** The member's conversations (or the one asked for), the most recently active first, each with its unread count and newest message. */
export async function listConversationsFor(db: Database, keys: MessageKeyring, userId: string, onlyId?: string) {
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
    })
    .from(conversations)
    .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, userId)))
    .leftJoinLateral(newest, sql`true`)
    .where(onlyId ? eq(conversations.id, onlyId) : undefined)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(200);
  // Sealed bodies are opened here, so the preview is cut in code (by code points: never half a surrogate pair).
  return rows.map((row) => ({
    ...row,
    preview: row.preview ? Array.from(openMessageBody(keys, row.preview)).slice(0, PREVIEW_CHARS).join('') : null,
  }));
}

export async function countUnreadFor(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, messages.conversationId), eq(conversationParticipants.userId, userId)))
    .where(unreadCondition(userId));
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
  createdAt: messages.createdAt,
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
        visible,
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
