import type { z } from 'zod';
import {
  NOTIFICATION_KINDS,
  NOTIFICATIONS_LIVE,
  type NotificationSettings,
  type pushSubscriptionRequestSchema,
  type updateNotificationSettingsSchema,
} from '../../../shared/api/notifications.js';
import type { Deps } from '../../deps.js';
import { isKnownPushEndpoint } from '../../config/index.js';
import { invalidField, notFound } from '../../http/errors.js';
import { userChannel } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { decodeCursor, encodeCursor } from '../feeds/cursor.js';
import { presentNotification } from './presenters.js';
import * as queries from './queries.js';

type ServiceDeps = Pick<Deps, 'db' | 'clock' | 'live'>;

export async function listNotifications(deps: Pick<Deps, 'db'>, auth: AuthContext, query: { cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(query.cursor);
  const rows = await queries.listShown(deps.db, auth.user.id, cursor ? { at: new Date(cursor.t), id: cursor.id } : null, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    notifications: page.map(presentNotification),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.updatedAt.toISOString(), id: last.id }) : null,
    unread: await queries.countUnreadShown(deps.db, auth.user.id),
  };
}

export async function unread(deps: Pick<Deps, 'db'>, auth: AuthContext) {
  return { unread: await queries.countUnreadShown(deps.db, auth.user.id) };
}

/** Marks one read (404 for anyone else's: ids are not confirmed) and tells the member's other tabs. */
export async function markRead(deps: ServiceDeps, auth: AuthContext, notificationId: string) {
  const now = deps.clock.now();
  const event = await deps.db.transaction(async (tx) => {
    if (!(await queries.markRead(tx, auth.user.id, notificationId, now))) throw notFound('That notification');
    return deps.live.record(tx, userChannel(auth.user.id), NOTIFICATIONS_LIVE.changed, {});
  });
  await deps.live.announce([event]);
  return unread(deps, auth);
}

export async function markAllRead(deps: ServiceDeps, auth: AuthContext) {
  const now = deps.clock.now();
  const event = await deps.db.transaction(async (tx) => {
    await queries.markAllRead(tx, auth.user.id, now);
    return deps.live.record(tx, userChannel(auth.user.id), NOTIFICATIONS_LIVE.changed, {});
  });
  await deps.live.announce([event]);
  return unread(deps, auth);
}

export async function getSettings(deps: Pick<Deps, 'db'>, auth: AuthContext, vapidPublicKey: string): Promise<NotificationSettings> {
  const row = await queries.findSettings(deps.db, auth.user.id);
  const stored = row?.preferences ?? {};
  const preferences = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { inApp: stored[kind]?.inApp ?? true, push: stored[kind]?.push ?? true }])) as NotificationSettings['preferences'];
  // The team's outreach is always listed: a member is never cut off from the people checking on them.
  preferences.outreach.inApp = true;
  const quietHours = row?.quietStart && row.quietEnd && row.timeZone ? { start: row.quietStart, end: row.quietEnd, timeZone: row.timeZone } : null;
  return {
    preferences,
    quietHours,
    alwaysListed: ['outreach'],
    push: { publicKey: vapidPublicKey, subscriptions: await queries.countSubscriptions(deps.db, auth.user.id) },
  };
}

export async function updateSettings(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext, input: z.output<typeof updateNotificationSettingsSchema>, vapidPublicKey: string) {
  const current = await queries.findSettings(deps.db, auth.user.id);
  const preferences = { ...(current?.preferences ?? {}), ...(input.preferences ?? {}) };
  const quiet = input.quietHours === undefined ? (current?.quietStart ? { start: current.quietStart, end: current.quietEnd!, timeZone: current.timeZone! } : null) : input.quietHours;
  await queries.saveSettings(deps.db, {
    userId: auth.user.id,
    preferences,
    quietStart: quiet?.start ?? null,
    quietEnd: quiet?.end ?? null,
    timeZone: quiet?.timeZone ?? null,
    updatedAt: deps.clock.now(),
  });
  return getSettings(deps, auth, vapidPublicKey);
}

export async function subscribe(deps: Pick<Deps, 'db' | 'clock' | 'config'>, auth: AuthContext, input: z.output<typeof pushSubscriptionRequestSchema>) {
  // The server POSTs to every endpoint it keeps: only known push services, never an address of the member's choosing.
  if (!isKnownPushEndpoint(input.endpoint, deps.config.push.serviceHosts)) {
    throw invalidField('endpoint', 'This push endpoint is not on a known push service, so notifications cannot be sent to it.');
  }
  await queries.saveSubscription(deps.db, { userId: auth.user.id, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, now: deps.clock.now() });
}

export async function unsubscribe(deps: Pick<Deps, 'db'>, auth: AuthContext, endpoint: string) {
  await queries.deleteSubscription(deps.db, auth.user.id, endpoint);
}
