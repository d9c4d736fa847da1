import { and, eq } from 'drizzle-orm';
import { conversationParticipants, conversations, groupMembers, groups } from '../../db/schema/index.js';
import { insertMessage } from '../conversations/queries.js';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

/** Steps the reports and queue tests share. */

export async function groupId(hearth: TestApp, slug: string): Promise<string> {
  const [row] = await hearth.deps.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug)).limit(1);
  return row!.id;
}

/** Makes an active member of the group its moderator (a group moderator, not a site role). */
export async function makeGroupModerator(hearth: TestApp, userId: string, slug: string): Promise<void> {
  await hearth.deps.db
    .update(groupMembers)
    .set({ role: 'moderator' })
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.groupId, await groupId(hearth, slug))));
}

/** A direct conversation between two members with one message from `from` (direct messages are not built yet). */
export async function directMessage(hearth: TestApp, from: string, to: string, body = 'Hello there.'): Promise<string> {
  const now = new Date();
  const [conversation] = await hearth.deps.db.insert(conversations).values({ kind: 'direct', createdAt: now, lastMessageAt: now }).returning({ id: conversations.id });
  await hearth.deps.db.insert(conversationParticipants).values([
    { conversationId: conversation!.id, userId: from, joinedAt: now },
    { conversationId: conversation!.id, userId: to, joinedAt: now },
  ]);
  const message = await insertMessage(hearth.deps.db, hearth.deps.config.messageKeys, { conversationId: conversation!.id, senderId: from, asTeam: false, signed: false, body, alertId: null, now });
  return message.id;
}

export const report = (client: TestClient, body: Record<string, unknown>) => client.post('/api/reports', body);
