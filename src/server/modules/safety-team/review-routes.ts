import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewDecisionRequestSchema, reviewDecisionResponseSchema, reviewListResponseSchema } from '../../../shared/api/safety-review.js';
import type { Deps } from '../../deps.js';
import { signedIn } from '../../http/authenticate.js';
import { requireSafetyTeam } from './policy.js';
import { decideReview, listReview } from './review-service.js';

const tags = ['safety team'];

/** The review list: what the assessor was unsure about, second looks, and members' worries; staff decide each once. */
export function registerReviewRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/safety/review', {
    preValidation: signedIn,
    schema: { tags, summary: 'The review list: open items oldest first, and recently reviewed ones (safety team)', response: { 200: reviewListResponseSchema } },
    handler: async (request) => {
      await requireSafetyTeam(deps.db, request);
      return listReview(deps);
    },
  });

  app.post('/api/safety/review/:itemId', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Decide a review item: fine, needs outreach (opens a claimed alert) or raise to an alert (safety team)',
      params: z.object({ itemId: z.uuid('must be a review item id') }),
      body: reviewDecisionRequestSchema,
      response: { 200: reviewDecisionResponseSchema },
    },
    handler: async (request) => {
      const { auth } = await requireSafetyTeam(deps.db, request);
      return { item: await decideReview(deps, auth, request.params.itemId, request.body) };
    },
  });
}
