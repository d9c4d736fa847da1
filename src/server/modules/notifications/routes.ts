import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import {
  notificationListQuerySchema,
  notificationListResponseSchema,
  notificationSettingsSchema,
  pushSubscriptionRequestSchema,
  removePushSubscriptionSchema,
  unreadNotificationsResponseSchema,
  updateNotificationSettingsSchema,
} from '../../../shared/api/notifications.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import * as service from './service.js';

const tags = ['notifications'];
const paramsSchema = z.object({ id: z.uuid('must be a notification id') });

/** A member's notifications, their settings and their browsers' push subscriptions: their own only. */
export function registerNotificationRoutes(root: FastifyInstance, deps: Deps, vapidPublicKey: string): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/notifications', {
    preValidation: signedIn,
    schema: { tags, summary: 'Your notifications, newest first (paged), with the unread count', querystring: notificationListQuerySchema, response: { 200: notificationListResponseSchema } },
    handler: async (request) => service.listNotifications(deps, requireAuth(request), request.query),
  });

  app.get('/api/notifications/unread', {
    preValidation: signedIn,
    schema: { tags, summary: 'How many notifications you have not read (the badge)', response: { 200: unreadNotificationsResponseSchema } },
    handler: async (request) => service.unread(deps, requireAuth(request)),
  });

  app.post('/api/notifications/read-all', {
    preValidation: signedIn,
    schema: { tags, summary: 'Mark every notification read', response: { 200: unreadNotificationsResponseSchema } },
    handler: async (request) => service.markAllRead(deps, requireAuth(request)),
  });

  app.post('/api/notifications/:id/read', {
    preValidation: signedIn,
    schema: { tags, summary: 'Mark one notification read', params: paramsSchema, response: { 200: unreadNotificationsResponseSchema } },
    handler: async (request) => service.markRead(deps, requireAuth(request), request.params.id),
  });

  app.get('/api/notifications/settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'Your notification choices per kind, quiet hours and push', response: { 200: notificationSettingsSchema } },
    handler: async (request) => service.getSettings(deps, requireAuth(request), vapidPublicKey),
  });

  app.patch('/api/notifications/settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'Change notification choices or quiet hours', body: updateNotificationSettingsSchema, response: { 200: notificationSettingsSchema } },
    handler: async (request) => service.updateSettings(deps, requireAuth(request), request.body, vapidPublicKey),
  });

  app.post('/api/notifications/push-subscriptions', {
    preValidation: signedIn,
    schema: { tags, summary: 'Turn on push in this browser (its Web Push subscription)', body: pushSubscriptionRequestSchema, response: { 200: okResponseSchema } },
    handler: async (request) => {
      await service.subscribe(deps, requireAuth(request), request.body);
      return { ok: true as const };
    },
  });

  app.post('/api/notifications/push-subscriptions/remove', {
    preValidation: signedIn,
    schema: { tags, summary: 'Turn off push in this browser', body: removePushSubscriptionSchema, response: { 200: okResponseSchema } },
    handler: async (request) => {
      await service.unsubscribe(deps, requireAuth(request), request.body.endpoint);
      return { ok: true as const };
    },
  });
}
