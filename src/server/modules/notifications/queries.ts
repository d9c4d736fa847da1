import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { NotificationKind } from '../../../shared/api/notifications.js';
import { rowsOf, type Database } from '../../db/database.js';
import { notificationSettings, notifications, pushSubscriptions } from '../../db/schema/index.js';

/** Either member blocked the other (blocks are two-way). */
const blockedPair = (a: SQL, b: SQL) =>
  sql`exists (select 1 from blocks b where (b.blocker_id = ${a} and b.blocked_id = ${b}) or (b.blocker_id = ${b} and b.blocked_id = ${a}))`;

/** Reactions: the people in the batch who still have care on the content and share no block with the recipient. */
const reactorCount = sql`(select count(distinct x.user_id)::int from reactions x
  where x.content_type = (case when n.reply_id is null then 'post' else 'reply' end)::content_type
    and x.content_id = coalesce(n.reply_id, n.post_id)
    and x.user_id = any(n.actor_ids)
    and not ${blockedPair(sql`x.user_id`, sql`n.recipient_id`)})`;

/**
 * Whether notification `n` is shown to its recipient now: the ONE rule the list,
 * the badge and the push share, so nothing hidden is counted or pushed. Its post
 * and reply are visible and readable by them (a held, removed or private post
 * drops it, as does a post under the handle of someone they share a block with);
 * its actor shares no block with them unless the actor wrote anonymously (a block
 * hides only what is under a handle: posts/policies.ts hiddenByBlock); a reaction
 * batch still has someone in it; and they have not turned the kind off in the
 * app (the team's outreach is always listed).
 */
export const shownToRecipient = sql`
  (n.post_id is null or exists (
    select 1 from posts p join groups g on g.id = p.group_id
    where p.id = n.post_id and p.status = 'visible'
      and (g.visibility = 'public' or exists (select 1 from group_members gm where gm.group_id = g.id and gm.user_id = n.recipient_id and gm.status = 'active'))
      and (p.anonymous or p.author_id = n.recipient_id or not ${blockedPair(sql`p.author_id`, sql`n.recipient_id`)})))
  and (n.reply_id is null or exists (select 1 from replies r where r.id = n.reply_id and r.status = 'visible'))
  and (n.actor_id is null or n.actor_anonymous or not ${blockedPair(sql`n.actor_id`, sql`n.recipient_id`)})
  and (n.kind <> 'reaction' or ${reactorCount} > 0)
  and (n.kind = 'outreach' or coalesce((select (s.preferences -> (n.kind::text) ->> 'inApp')::boolean from notification_settings s where s.user_id = n.recipient_id), true))`;

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  readAt: Date | null;
  updatedAt: Date;
  actorAnonymous: boolean;
  actorHandle: string | null;
  actorAlias: string | null;
  reactors: number | null;
  postId: string | null;
  replyId: string | null;
  postTitle: string | null;
  groupSlug: string | null;
  groupName: string | null;
  conversationId: string | null;
}

interface RawRow {
  id: string;
  kind: NotificationKind;
  read_at: string | Date | null;
  updated_at: string | Date;
  actor_anonymous: boolean;
  actor_handle: string | null;
  actor_alias: string | null;
  reactors: number | null;
  post_id: string | null;
  reply_id: string | null;
  post_title: string | null;
  group_slug: string | null;
  group_name: string | null;
  conversation_id: string | null;
}

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/** A page of the member's shown notifications, newest activity first, after the keyset `(updatedAt, id)`. */
export async function listShown(db: Database, recipientId: string, after: { at: Date; id: string } | null, limit: number): Promise<NotificationRow[]> {
  const cursor = after ? sql`and (n.updated_at, n.id) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : sql``;
  const rows = rowsOf<RawRow>(
    await db.execute(sql`
      select n.id, n.kind, n.read_at, n.updated_at, n.actor_anonymous, n.post_id, n.reply_id, n.conversation_id,
        case when n.actor_anonymous then null else u.handle end as actor_handle,
        case when n.actor_anonymous then a.alias else null end as actor_alias,
        case when n.kind = 'reaction' then ${reactorCount} else null end as reactors,
        p.title as post_title, coalesce(g.slug, pg.slug) as group_slug, coalesce(g.name, pg.name) as group_name
      from notifications n
      left join users u on u.id = n.actor_id
      left join thread_aliases a on n.actor_anonymous and a.post_id = n.post_id and a.user_id = n.actor_id
      left join posts p on p.id = n.post_id
      left join groups pg on pg.id = p.group_id
      left join groups g on g.id = n.group_id
      where n.recipient_id = ${recipientId} ${cursor} and ${shownToRecipient}
      order by n.updated_at desc, n.id desc
      limit ${limit}`),
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    readAt: row.read_at === null ? null : toDate(row.read_at),
    updatedAt: toDate(row.updated_at),
    actorAnonymous: row.actor_anonymous,
    actorHandle: row.actor_handle,
    actorAlias: row.actor_alias,
    reactors: row.reactors === null ? null : Number(row.reactors),
    postId: row.post_id,
    replyId: row.reply_id,
    postTitle: row.post_title,
    groupSlug: row.group_slug,
    groupName: row.group_name,
    conversationId: row.conversation_id,
  }));
}

/** The badge: unread notifications the member is shown (hidden activity is never counted). */
export async function countUnreadShown(db: Database, recipientId: string): Promise<number> {
  const [row] = rowsOf<{ count: number | string }>(
    await db.execute(sql`select count(*)::int as count from notifications n where n.recipient_id = ${recipientId} and n.read_at is null and ${shownToRecipient}`),
  );
  return Number(row?.count ?? 0);
}

export async function isShown(db: Database, notificationId: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(await db.execute(sql`select n.id from notifications n where n.id = ${notificationId} and ${shownToRecipient}`));
  return rows.length > 0;
}

export async function markRead(db: Database, recipientId: string, notificationId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.recipientId, recipientId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Database, recipientId: string, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.recipientId, recipientId), sql`${notifications.readAt} is null`));
}

/** The member opened a conversation: its message, request and outreach notifications are read too. True if any were unread. */
export async function markConversationNotificationsRead(db: Database, recipientId: string, conversationId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.recipientId, recipientId), eq(notifications.conversationId, conversationId), sql`${notifications.readAt} is null`))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** The member read their moderation notices on the Moderation page: the notifications pointing there are read too. */
export async function markModerationRead(db: Database, recipientId: string, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.recipientId, recipientId), eq(notifications.kind, 'moderation'), sql`${notifications.readAt} is null`));
}

export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'pushState' | 'createdAt' | 'updatedAt' | 'readAt'>;

export async function insertNotification(db: Database, values: NewNotification, now: Date): Promise<string> {
  const [row] = await db
    .insert(notifications)
    .values({ ...values, pushState: 'pending', createdAt: now, updatedAt: now })
    .returning({ id: notifications.id });
  return row!.id;
}

/**
 * Adds a reactor to the one unread batch for this content, or starts one.
 * Returns the id and whether it is new (only a new batch is pushed: never one push per reaction).
 */
export async function addToReactionBatch(db: Database, values: { recipientId: string; actorId: string; postId: string; replyId: string | null }, now: Date): Promise<{ id: string; created: boolean }> {
  const batchKey = values.replyId ? `reply:${values.replyId}` : `post:${values.postId}`;
  const rows = rowsOf<{ id: string; created: boolean }>(
    await db.execute(sql`
      insert into notifications (recipient_id, kind, actor_ids, post_id, reply_id, batch_key, push_state, created_at, updated_at)
      values (${values.recipientId}, 'reaction', array[${values.actorId}::uuid], ${values.postId}, ${values.replyId}, ${batchKey}, 'pending', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
      on conflict (recipient_id, batch_key) where read_at is null and batch_key is not null do update
        set actor_ids = case when ${values.actorId}::uuid = any(notifications.actor_ids) then notifications.actor_ids else notifications.actor_ids || ${values.actorId}::uuid end,
            updated_at = case when ${values.actorId}::uuid = any(notifications.actor_ids) then notifications.updated_at else excluded.updated_at end
      returning id, (xmax = 0) as created`),
  );
  return { id: rows[0]!.id, created: Boolean(rows[0]!.created) };
}

/**
 * Direct messages gather like reactions: one unread notification per conversation, brought to the top by each new
 * message and pushed once (its push state is set when it is first written), so a conversation in full flow is one
 * line in the list and one buzz, not one per message.
 */
export async function addToMessageBatch(db: Database, values: { recipientId: string; actorId: string; conversationId: string }, now: Date): Promise<{ id: string; created: boolean }> {
  const batchKey = `conversation:${values.conversationId}`;
  const rows = rowsOf<{ id: string; created: boolean }>(
    await db.execute(sql`
      insert into notifications (recipient_id, kind, actor_id, actor_ids, conversation_id, batch_key, push_state, created_at, updated_at)
      values (${values.recipientId}, 'message', ${values.actorId}, array[${values.actorId}::uuid], ${values.conversationId}, ${batchKey}, 'pending', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
      on conflict (recipient_id, batch_key) where read_at is null and batch_key is not null do update
        set updated_at = excluded.updated_at
      returning id, (xmax = 0) as created`),
  );
  return { id: rows[0]!.id, created: Boolean(rows[0]!.created) };
}

export async function setPushState(db: Database, ids: string[], state: 'pending' | 'sent' | 'quiet' | 'off' | 'skipped'): Promise<void> {
  if (ids.length === 0) return;
  await db.update(notifications).set({ pushState: state }).where(inArray(notifications.id, ids));
}

export async function findSettings(db: Database, userId: string) {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  return row ?? null;
}

export async function saveSettings(db: Database, values: typeof notificationSettings.$inferInsert): Promise<void> {
  await db
    .insert(notificationSettings)
    .values(values)
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { preferences: values.preferences, quietStart: values.quietStart, quietEnd: values.quietEnd, timeZone: values.timeZone, updatedAt: values.updatedAt },
    });
}

export async function countSubscriptions(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return Number(row?.count ?? 0);
}

/** One endpoint is one browser: a new sign-in on it takes the subscription over. */
export async function saveSubscription(db: Database, values: { userId: string; endpoint: string; p256dh: string; auth: string; now: Date }): Promise<void> {
  await db
    .insert(pushSubscriptions)
    .values({ userId: values.userId, endpoint: values.endpoint, p256dh: values.p256dh, auth: values.auth, createdAt: values.now })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: values.userId, p256dh: values.p256dh, auth: values.auth, createdAt: values.now } });
}

export async function deleteSubscription(db: Database, userId: string, endpoint: string): Promise<void> {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
}

export async function deleteSubscriptionById(db: Database, id: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

export async function subscriptionsOf(db: Database, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, userIds));
}

export interface PendingPush {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  shown: boolean;
  link: { postId: string | null; replyId: string | null; conversationId: string | null; groupSlug: string | null };
  settings: { preferences: Record<string, { inApp: boolean; push: boolean }>; quietStart: string | null; quietEnd: string | null; timeZone: string | null } | null;
}

/** Claims pushes not yet decided (FOR UPDATE SKIP LOCKED: one node decides each), in the caller's transaction. */
export async function claimPendingPushes(db: Database, limit: number): Promise<PendingPush[]> {
  const rows = rowsOf<{
    id: string;
    recipient_id: string;
    kind: NotificationKind;
    shown: boolean;
    post_id: string | null;
    reply_id: string | null;
    conversation_id: string | null;
    group_slug: string | null;
    preferences: Record<string, { inApp: boolean; push: boolean }> | null;
    quiet_start: string | null;
    quiet_end: string | null;
    time_zone: string | null;
    has_settings: boolean;
  }>(
    await db.execute(sql`
      with claimed as (
        select n.id from notifications n where n.push_state = 'pending' order by n.updated_at limit ${limit} for update skip locked
      )
      select n.id, n.recipient_id, n.kind, n.post_id, n.reply_id, n.conversation_id, g.slug as group_slug,
        (${shownToRecipient}) as shown,
        s.preferences, s.quiet_start, s.quiet_end, s.time_zone, (s.user_id is not null) as has_settings
      from claimed c join notifications n on n.id = c.id
      left join groups g on g.id = n.group_id
      left join notification_settings s on s.user_id = n.recipient_id`),
  );
  return rows.map((row) => ({
    id: row.id,
    recipientId: row.recipient_id,
    kind: row.kind,
    shown: Boolean(row.shown),
    link: { postId: row.post_id, replyId: row.reply_id, conversationId: row.conversation_id, groupSlug: row.group_slug },
    settings: row.has_settings ? { preferences: row.preferences ?? {}, quietStart: row.quiet_start, quietEnd: row.quiet_end, timeZone: row.time_zone } : null,
  }));
}
