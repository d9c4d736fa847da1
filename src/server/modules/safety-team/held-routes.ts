import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { heldContentResponseSchema, heldDecisionRequestSchema } from '../../../shared/api/held-content.js';
import { foldSupportCardResponseSchema } from '../../../shared/api/safety.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { decideHeldContent, getHeldContent } from './held-service.js';
import { requireSafetyTeam } from './policy.js';
import { foldSupportCard } from './writer-card.js';

const alertParams = z.object({ id: z.uuid('must be an alert id') });

/**
 * The writer's side of the safety pipeline (issue 11 item 4): staff decide
 * about held content behind an alert; the writer folds their durable support card.
 */
export function registerHeldContentRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/safety/alerts/:id/held-content', {
    preValidation: signedIn,
    schema: { tags: ['safety'], summary: 'The held post or reply behind an alert, and the decision about it (safety team)', params: alertParams, response: { 200: heldContentResponseSchema } },
    handler: async (request) => {
      await requireSafetyTeam(deps.db, request);
      return getHeldContent(deps, request.params.id);
    },
  });

  app.post('/api/safety/alerts/:id/held-content', {
    preValidation: signedIn,
    schema: {
      tags: ['safety'],
      summary: 'Release held content with a content warning, keep it held, or ask the writer to edit (safety team)',
      params: alertParams,
      body: heldDecisionRequestSchema,
      response: { 200: heldContentResponseSchema },
    },
    handler: async (request) => {
      const { auth } = await requireSafetyTeam(deps.db, request);
      return decideHeldContent(deps, auth, request.params.id, request.body);
    },
  });

  app.post('/api/safety/support-cards/:assessmentId/fold', {
    preValidation: signedIn,
    schema: {
      tags: ['safety'],
      summary: 'Fold away the support card of your own post or reply (on every device)',
      params: z.object({ assessmentId: z.uuid('must be a support card id') }),
      response: { 200: foldSupportCardResponseSchema },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      await foldSupportCard(deps.db, auth.user.id, request.params.assessmentId, deps.clock.now());
      return { folded: true as const };
    },
  });
}
