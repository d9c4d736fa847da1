import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import { conversationParamsSchema } from '../../../shared/api/conversations.js';
import {
  deleteMessageResponseSchema,
  editMessageRequestSchema,
  editMessageResponseSchema,
  messageParamsSchema,
  messageSettingsResponseSchema,
  messageStatusResponseSchema,
  requestListResponseSchema,
  startConversationRequestSchema,
  startConversationResponseSchema,
  updateMessageSettingsRequestSchema,
  withMemberParamsSchema,
} from '../../../shared/api/direct-messages.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { countryFromAcceptLanguage } from '../safety/hotlines/store.js';
import type { AuthContext } from '../accounts/session-service.js';
import * as direct from './direct-service.js';
import { listRequests } from './service.js';

const tags = ['conversations'];

/** Private messages between members: requests, edits and deletes, and the member's message settings. */
export function registerDirectMessageRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const countryOf = (auth: AuthContext, acceptLanguage: string | undefined) => ({ countryCode: auth.user.country ?? countryFromAcceptLanguage(acceptLanguage) ?? null });

  app.get('/api/conversations/requests', {
    preValidation: signedIn,
    schema: { tags, summary: 'Message requests waiting for your answer', response: { 200: requestListResponseSchema } },
    handler: async (request) => listRequests(deps, requireAuth(request)),
  });

  app.get('/api/conversations/with/:handle', {
    preValidation: signedIn,
    schema: { tags, summary: 'Whether you may message this member now (and why not), and your conversation if any', params: withMemberParamsSchema, response: { 200: messageStatusResponseSchema } },
    handler: async (request) => direct.messageStatus(deps, requireAuth(request), request.params.handle),
  });

  app.post('/api/conversations/with/:handle/messages', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Message a member: a request the first time (risk-assessed like a post; a retried clientId lands once)',
      params: withMemberParamsSchema,
      body: startConversationRequestSchema,
      response: { 201: startConversationResponseSchema },
    },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      return reply.code(201).send(await direct.messageMember(deps, auth, request.params.handle, request.body, countryOf(auth, request.headers['accept-language'])));
    },
  });

  for (const [action, run, summary] of [
    ['accept', direct.acceptRequest, 'Accept a message request'],
    ['decline', direct.declineRequest, 'Decline a message request (the sender is told only that it was not accepted)'],
    ['block', direct.blockFromConversation, 'Block the other member of a conversation (stops everything from them at once)'],
  ] as const) {
    app.post(`/api/conversations/:id/${action}`, {
      preValidation: signedIn,
      schema: { tags, summary, params: conversationParamsSchema, response: { 200: okResponseSchema } },
      handler: async (request) => {
        await run(deps, requireAuth(request), request.params.id);
        return { ok: true as const };
      },
    });
  }

  app.patch('/api/conversations/:id/messages/:messageId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Edit your message (risk-assessed like a new one)', params: messageParamsSchema, body: editMessageRequestSchema, response: { 200: editMessageResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      return direct.editMessage(deps, auth, request.params.id, request.params.messageId, request.body.body, countryOf(auth, request.headers['accept-language']));
    },
  });

  app.delete('/api/conversations/:id/messages/:messageId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Delete your message for both of you', params: messageParamsSchema, response: { 200: deleteMessageResponseSchema } },
    handler: async (request) => direct.deleteMessage(deps, requireAuth(request), request.params.id, request.params.messageId),
  });

  app.get('/api/me/message-settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'Who may send you message requests; read receipts and typing indicators', response: { 200: messageSettingsResponseSchema } },
    handler: async (request) => direct.getMessageSettings(deps, requireAuth(request)),
  });

  app.patch('/api/me/message-settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'Change your message settings', body: updateMessageSettingsRequestSchema, response: { 200: messageSettingsResponseSchema } },
    handler: async (request) => direct.updateMessageSettings(deps, requireAuth(request), request.body),
  });
}
