import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS } from '../../../shared/api/notifications.js';
import { users } from './accounts.js';
import { groups, posts, replies } from './community.js';
import { conversations } from './conversations.js';
import { moderationNotices } from './moderation.js';

export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);
/**
 * A notification's push, decided after the write commits: `pending` until the
 * dispatcher looks; then `sent`, `quiet` (held back by quiet hours), `off` (the
 * member's preference, or no subscription) or `skipped` (not visible to them then).
 */
export const notificationPushState = pgEnum('notification_push_state', ['pending', 'sent', 'quiet', 'off', 'skipped']);

/**
 * A member's notifications: each is a row before anything is pushed. What a
 * row points at (post, reply, group, conversation, moderation notice) decides
 * whether the member is shown it when the list is read, so content that is
 * later held or removed, or an actor later blocked, drops out of the list and
 * the counts at once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    /** Who caused it (for blocks); never presented. Null for the team, moderators and reaction batches. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The actor wrote anonymously: shown under the thread alias, and a block does not hide it (see posts/policies.ts). */
    actorAnonymous: boolean('actor_anonymous').notNull().default(false),
    /** Reactions: everyone who sent care to this piece of content while the notification was unread. */
    actorIds: uuid('actor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    replyId: uuid('reply_id').references(() => replies.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    noticeId: uuid('notice_id').references(() => moderationNotices.id, { onDelete: 'cascade' }),
    /** Reactions: `post:<id>` or `reply:<id>`, so one unread notification gathers them. */
    batchKey: text('batch_key'),
    pushState: notificationPushState('push_state').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The latest activity (a reaction batch moves up when someone else sends care): the list's order. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    index('notifications_recipient_idx').on(table.recipientId, table.updatedAt, table.id),
    uniqueIndex('notifications_unread_batch_key')
      .on(table.recipientId, table.batchKey)
      .where(sql`${table.readAt} is null and ${table.batchKey} is not null`),
    index('notifications_push_pending_idx').on(table.updatedAt).where(sql`${table.pushState} = 'pending'`),
    index('notifications_reply_idx').on(table.replyId),
  ],
);

/** A member's notification settings: per-kind choices (absent: on) and quiet hours in their own time zone. */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** `{ [kind]: { inApp, push } }`; a kind not named is on for both. */
  preferences: jsonb('preferences').$type<Record<string, { inApp: boolean; push: boolean }>>().notNull().default({}),
  /** Quiet hours, as wall-clock times ("22:00" to "07:00") in `timeZone`; null: none. */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  timeZone: text('time_zone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A browser's push subscription (Web Push): deleted when the push service answers 404 or 410. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('push_subscriptions_endpoint_key').on(table.endpoint), index('push_subscriptions_user_idx').on(table.userId)],
);
