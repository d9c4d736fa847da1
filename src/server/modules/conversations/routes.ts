import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import {
  conversationListResponseSchema,
  conversationParamsSchema,
  conversationQuerySchema,
  conversationResponseSchema,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
  unreadResponseSchema,
} from '../../../shared/api/conversations.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { countryFromAcceptLanguage } from '../safety/hotlines/store.js';
import * as service from './service.js';

const tags = ['conversations'];

/** A member's own conversations (today: with the Hearth safety team). Only participants can read or write one. */
export function registerConversationRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/conversations', {
    preValidation: signedIn,
    schema: { tags, summary: 'Your conversations, with unread counts', response: { 200: conversationListResponseSchema } },
    handler: async (request) => service.listConversations(deps, requireAuth(request)),
  });

  app.get('/api/conversations/unread', {
    preValidation: signedIn,
    schema: { tags, summary: 'How many messages you have not read (the header badge)', response: { 200: unreadResponseSchema } },
    handler: async (request) => service.unreadCount(deps, requireAuth(request)),
  });

  app.get('/api/conversations/:id', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'A conversation: its newest messages (older ones by cursor)',
      params: conversationParamsSchema,
      querystring: conversationQuerySchema,
      response: { 200: conversationResponseSchema },
    },
    handler: async (request) => service.getConversation(deps, requireAuth(request), request.params.id, request.query),
  });

  app.post('/api/conversations/:id/read', {
    preValidation: signedIn,
    schema: { tags, summary: 'Mark a conversation read', params: conversationParamsSchema, response: { 200: okResponseSchema } },
    handler: async (request) => {
      await service.markConversationRead(deps, requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/conversations/:id/messages', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Write in a conversation (risk-assessed like a post: the support card comes back when needed)',
      params: conversationParamsSchema,
      body: sendMessageRequestSchema,
      response: { 201: sendMessageResponseSchema },
    },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const countryCode = auth.user.country ?? countryFromAcceptLanguage(request.headers['accept-language']) ?? null;
      return reply.code(201).send(await service.sendMessage(deps, auth, request.params.id, request.body, { countryCode }));
    },
  });
}
