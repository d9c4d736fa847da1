import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  moderationScopeResponseSchema,
  queueItemDetailResponseSchema,
  queueItemParamsSchema,
  queueQuerySchema,
  queueResponseSchema,
} from '../../../shared/api/moderation-queue.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { getQueue, getQueueItem, getScope } from './queue-service.js';

/** The moderators' queue: what the viewer moderates, the list, one item in full. */
export function registerQueueRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/moderation/scope', {
    preValidation: signedIn,
    schema: {
      tags: ['moderation'],
      summary: 'What you moderate: nothing, some groups, or everything (global moderators and admins)',
      response: { 200: moderationScopeResponseSchema },
    },
    handler: async (request) => getScope(deps, requireAuth(request)),
  });
  app.get('/api/moderation/queue', {
    preValidation: signedIn,
    schema: {
      tags: ['moderation'],
      summary: 'The moderation queue you may see: worst first, then oldest (resolved: newest first)',
      querystring: queueQuerySchema,
      response: { 200: queueResponseSchema },
    },
    handler: async (request) => getQueue(deps, requireAuth(request), request.query),
  });
  app.get('/api/moderation/items/:id', {
    preValidation: signedIn,
    schema: {
      tags: ['moderation'],
      summary: 'One queue item in full: the content, each report, the automod rule and the member’s history',
      params: queueItemParamsSchema,
      response: { 200: queueItemDetailResponseSchema },
    },
    handler: async (request) => getQueueItem(deps, requireAuth(request), request.params.id),
  });
}
