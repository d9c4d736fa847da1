import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/database.js';
import type { Database } from '../../db/index.js';
import { conversationParticipants, conversations, messageSettings } from '../../db/schema/index.js';
import type { MessageSettings } from '../../../shared/api/direct-messages.js';
import type { ConversationRow } from './queries.js';

/** Two members' one direct conversation is keyed by their ids, smaller first. */
export const pairKeyOf = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export async function findDirectConversation(db: Database, a: string, b: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.kind, 'direct'), eq(conversations.pairKey, pairKeyOf(a, b))))
    .limit(1);
  return row ?? null;
}

/** A new request from `senderId` to `recipientId`, with both as participants; null when one was made meanwhile (the caller reads it). */
export async function insertDirectRequest(tx: Database, senderId: string, recipientId: string, now: Date): Promise<ConversationRow | null> {
  const [row] = await tx
    .insert(conversations)
    .values({ kind: 'direct', requestedBy: senderId, requestState: 'pending', pairKey: pairKeyOf(senderId, recipientId), createdAt: now, lastMessageAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await tx.insert(conversationParticipants).values([
    { conversationId: row.id, userId: senderId, joinedAt: now },
    { conversationId: row.id, userId: recipientId, joinedAt: now },
  ]);
  return row;
}

export async function setRequestState(tx: Database, conversationId: string, state: 'accepted' | 'declined'): Promise<void> {
  await tx.update(conversations).set({ requestState: state }).where(eq(conversations.id, conversationId));
}

/** The other member of a direct conversation. */
export async function otherParticipant(db: Database, conversationId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(and(eq(conversationParticipants.conversationId, conversationId), sql`${conversationParticipants.userId} <> ${userId}::uuid`))
    .limit(1);
  return row?.userId ?? null;
}

/**
 * What deciding a request needs, in one query: the sender's visible posts or replies under their handle
 * (anonymous ones never count, so nothing here depends on what a handle wrote anonymously), a block either way,
 * the recipient's setting, and whether they share a group: both active members of one where the recipient has
 * shown themselves, a visible post or reply there under their handle. Membership the recipient never showed under
 * their handle (only anonymous writing, or only reading) counts for nothing: otherwise joining groups one by one
 * would tell anyone which groups a handle is in, and narrow down who wrote a small group's anonymous posts.
 */
export async function requestFacts(db: Database, senderId: string, recipientId: string) {
  const result = await db.execute(sql`
    select
      (exists (select 1 from posts p where p.author_id = ${senderId}::uuid and not p.anonymous and p.status = 'visible')
        or exists (select 1 from replies r where r.author_id = ${senderId}::uuid and not r.anonymous and r.status = 'visible')) as shown_content,
      exists (select 1 from blocks b where (b.blocker_id = ${senderId}::uuid and b.blocked_id = ${recipientId}::uuid)
        or (b.blocker_id = ${recipientId}::uuid and b.blocked_id = ${senderId}::uuid)) as blocked,
      (select ms.requests_from::text from message_settings ms where ms.user_id = ${recipientId}::uuid) as requests_from,
      exists (select 1 from group_members a join group_members b on b.group_id = a.group_id
        where a.user_id = ${senderId}::uuid and a.status = 'active' and b.user_id = ${recipientId}::uuid and b.status = 'active'
          and (exists (select 1 from posts p where p.group_id = b.group_id and p.author_id = b.user_id and not p.anonymous and p.status = 'visible')
            or exists (select 1 from replies r join posts rp on rp.id = r.post_id
                        where rp.group_id = b.group_id and r.author_id = b.user_id and not r.anonymous and r.status = 'visible'))) as share_group
  `);
  const row = rowsOf<{ shown_content: boolean; blocked: boolean; requests_from: string | null; share_group: boolean }>(result)[0]!;
  return {
    shownContent: row.shown_content,
    blocked: row.blocked,
    requestsFrom: (row.requests_from ?? 'shared_group') as MessageSettings['requestsFrom'],
    shareGroup: row.share_group,
  };
}

/** Whether a block stands between these two members, either way. */
export async function blockedBetween(db: Database, a: string, b: string): Promise<boolean> {
  const result = await db.execute(sql`
    select exists (select 1 from blocks where (blocker_id = ${a}::uuid and blocked_id = ${b}::uuid) or (blocker_id = ${b}::uuid and blocked_id = ${a}::uuid)) as blocked`);
  return rowsOf<{ blocked: boolean }>(result)[0]?.blocked === true;
}

export const DEFAULT_MESSAGE_SETTINGS: MessageSettings = { requestsFrom: 'shared_group', readReceipts: false, typingIndicators: false };

export async function findMessageSettings(db: Database, userId: string): Promise<MessageSettings> {
  const [row] = await db.select().from(messageSettings).where(eq(messageSettings.userId, userId)).limit(1);
  return row ? { requestsFrom: row.requestsFrom, readReceipts: row.readReceipts, typingIndicators: row.typingIndicators } : DEFAULT_MESSAGE_SETTINGS;
}

export async function saveMessageSettings(db: Database, userId: string, values: Partial<MessageSettings>): Promise<MessageSettings> {
  const current = await findMessageSettings(db, userId);
  const next = { ...current, ...values };
  await db.insert(messageSettings).values({ userId, ...next }).onConflictDoUpdate({ target: messageSettings.userId, set: next });
  return next;
}

/**
 * Of these direct conversations, the ones where a block now stands between `userId` and the other member:
 * their live events are not delivered (a block may land between an event's record and its push).
 */
export async function conversationsBlockedFor(db: Database, userId: string, conversationIds: string[]): Promise<Set<string>> {
  if (conversationIds.length === 0) return new Set();
  const result = await db.execute(sql`
    select cp.conversation_id as id from conversation_participants cp
    where cp.conversation_id in (${sql.join(conversationIds.map((id) => sql`${id}::uuid`), sql`, `)})
      and cp.user_id <> ${userId}::uuid
      and exists (select 1 from blocks b where (b.blocker_id = ${userId}::uuid and b.blocked_id = cp.user_id) or (b.blocked_id = ${userId}::uuid and b.blocker_id = cp.user_id))`);
  return new Set(rowsOf<{ id: string }>(result).map((row) => row.id));
}
