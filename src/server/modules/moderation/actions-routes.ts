import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actionParamsSchema,
  actionRequestSchema,
  actionResponseSchema,
  appealCreatedSchema,
  appealDecidedSchema,
  appealDecisionRequestSchema,
  appealListSchema,
  appealParamsSchema,
  appealRequestSchema,
  myModerationSchema,
  myModerationUnreadSchema,
} from '../../../shared/api/moderation-actions.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { createAppeal, decideAppeal, listAppeals } from './actions-appeals.js';
import { getMyModeration, getMyUnread, markMyNoticesRead } from './actions-me.js';
import { takeAction } from './actions-service.js';

/** Moderation actions with reasons, appeals, and what the member affected reads (issue 13). */
export function registerActionRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['moderation'];

  app.post('/api/moderation/actions', {
    preValidation: signedIn,
    schema: { tags, summary: 'Take a moderation action with a reason (the member is told; responses name no author)', body: actionRequestSchema, response: { 200: actionResponseSchema } },
    handler: async (request) => takeAction(deps, requireAuth(request), request.body),
  });

  app.post('/api/moderation/actions/:id/appeal', {
    preValidation: signedIn,
    schema: { tags, summary: 'Appeal an action taken on you or your content (once)', params: actionParamsSchema, body: appealRequestSchema, response: { 201: appealCreatedSchema } },
    handler: async (request, reply) => {
      reply.code(201);
      return createAppeal(deps, requireAuth(request), request.params.id, request.body.body);
    },
  });

  app.get('/api/moderation/appeals', {
    preValidation: signedIn,
    schema: { tags, summary: 'Appeals of actions in your groups (moderators), open first', response: { 200: appealListSchema } },
    handler: async (request) => listAppeals(deps, requireAuth(request)),
  });

  app.post('/api/moderation/appeals/:id/decision', {
    preValidation: signedIn,
    schema: { tags, summary: 'Decide an appeal (someone other than the one who acted); overturn undoes the action', params: appealParamsSchema, body: appealDecisionRequestSchema, response: { 200: appealDecidedSchema } },
    handler: async (request) => decideAppeal(deps, requireAuth(request), request.params.id, request.body),
  });

  app.get('/api/me/moderation', {
    preValidation: signedIn,
    schema: { tags, summary: 'What moderation did that concerns you: notices newest first, sanctions in force', response: { 200: myModerationSchema } },
    handler: async (request) => getMyModeration(deps, requireAuth(request)),
  });

  app.get('/api/me/moderation/unread', {
    preValidation: signedIn,
    schema: { tags, summary: 'How many moderation notices you have not read, and whether a sanction is in force', response: { 200: myModerationUnreadSchema } },
    handler: async (request) => getMyUnread(deps, requireAuth(request)),
  });

  app.post('/api/me/moderation/read', {
    preValidation: signedIn,
    schema: { tags, summary: 'Mark your moderation notices read', response: { 200: myModerationUnreadSchema.pick({ unread: true }) } },
    handler: async (request) => markMyNoticesRead(deps, requireAuth(request)),
  });
}
