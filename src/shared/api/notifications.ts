import { z } from 'zod';
import { isTimeZone } from '../regions.js';
import { text } from './text.js';

/**
 * Notifications (issue 15, part 4): what the in-app list, the badge, the
 * settings page and the push service worker share. A notification names its
 * actor by handle, or by the thread alias when the content is anonymous, and
 * never by an id.
 */
export const NOTIFICATION_KINDS = [
  'reply_to_post',
  'reply_to_reply',
  'reaction',
  'mention',
  'message_request',
  'message',
  'join_approved',
  'moderation',
  'outreach',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** Live events on the member's own channel: ids and counts only, never content. */
export const NOTIFICATIONS_LIVE = { changed: 'notifications.changed' } as const;

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Who a notification is about, as the recipient may see them. */
export const notificationActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), handle: z.string() }),
  z.object({ kind: z.literal('anonymous'), alias: z.string() }),
  z.object({ kind: z.literal('team'), name: z.string() }),
]);

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  read: z.boolean(),
  /** The latest activity: a reaction batch moves here when another person sends care. */
  at: z.string(),
  actor: notificationActorSchema.nullable(),
  /** Reactions: how many people sent care (batched into one notification per piece of content). */
  count: z.number().int().nullable(),
  postTitle: z.string().nullable(),
  groupName: z.string().nullable(),
  /** The page that opens it, inside the app. */
  link: z.string(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(NOTIFICATIONS_PAGE_SIZE),
});

export const notificationListResponseSchema = z.object({
  notifications: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});

export const unreadNotificationsResponseSchema = z.object({ unread: z.number().int() });

export const kindPreferenceSchema = z.object({ inApp: z.boolean(), push: z.boolean() });

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24-hour)');

export const quietHoursSchema = z
  .object({
    start: clockTime,
    end: clockTime,
    timeZone: text().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/London'),
  })
  .refine((value) => value.start !== value.end, { path: ['end'], message: 'must differ from the start' });

export const notificationSettingsSchema = z.object({
  preferences: z.record(notificationKindSchema, kindPreferenceSchema),
  quietHours: quietHoursSchema.nullable(),
  /** Safety outreach is always listed: a member is never cut off from the team reaching out. */
  alwaysListed: z.array(notificationKindSchema),
  push: z.object({ publicKey: z.string(), subscriptions: z.number().int() }),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const updateNotificationSettingsSchema = z.strictObject({
  preferences: z.partialRecord(notificationKindSchema, kindPreferenceSchema).optional(),
  quietHours: quietHoursSchema.nullable().optional(),
});

export const pushSubscriptionRequestSchema = z.strictObject({
  endpoint: z.url({ protocol: /^https$/ }).max(2000),
  keys: z.object({ p256dh: text().max(200), auth: text().max(100) }),
});

export const removePushSubscriptionSchema = z.strictObject({ endpoint: z.url().max(2000) });

/** What a lock screen shows: no content and no names, since others may see it. */
export const pushPayloadSchema = z.object({ title: z.string(), body: z.string(), url: z.string(), tag: z.string() });
