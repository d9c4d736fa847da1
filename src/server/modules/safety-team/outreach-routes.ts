import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  alertConversationResponseSchema,
  alertParamsSchema,
  outreachRequestSchema,
  outreachResponseSchema,
  outreachTemplatesResponseSchema,
} from '../../../shared/api/conversations.js';
import type { Deps } from '../../deps.js';
import { signedIn } from '../../http/authenticate.js';
import { OUTREACH_TEMPLATES } from './outreach-templates.js';
import { alertConversation, sendOutreach } from './outreach-service.js';
import { requireSafetyTeam } from './policy.js';

const tags = ['safety team'];

/** Outreach from an alert to the member it is about (team only). */
export function registerOutreachRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/safety/outreach-templates', {
    preValidation: signedIn,
    schema: { tags, summary: 'First messages written to safe-messaging guidelines, to edit before sending', response: { 200: outreachTemplatesResponseSchema } },
    handler: async (request) => {
      await requireSafetyTeam(deps.db, request);
      return { templates: [...OUTREACH_TEMPLATES] };
    },
  });

  app.post('/api/safety/alerts/:id/outreach', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Write to the member an alert is about, as the Hearth safety team (claims an unclaimed alert)',
      params: alertParamsSchema,
      body: outreachRequestSchema,
      response: { 201: outreachResponseSchema },
    },
    handler: async (request, reply) => {
      const { auth } = await requireSafetyTeam(deps.db, request);
      return reply.code(201).send(await sendOutreach(deps, auth, request.params.id, request.body));
    },
  });

  app.get('/api/safety/alerts/:id/conversation', {
    preValidation: signedIn,
    schema: { tags, summary: 'The member’s conversation with the team, on an alert', params: alertParamsSchema, response: { 200: alertConversationResponseSchema } },
    handler: async (request) => {
      const { auth } = await requireSafetyTeam(deps.db, request);
      return alertConversation(deps, auth, request.params.id);
    },
  });
}
