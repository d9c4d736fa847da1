import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { worryRequestSchema, worryResponseSchema } from '../../../shared/api/safety-review.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { raiseWorry } from './worry-service.js';

/** "I'm worried about this person", on every post and reply a member can read. */
export function registerWorryRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post('/api/safety/worries', {
    preValidation: signedIn,
    schema: {
      tags: ['safety'],
      summary: 'Ask the safety team to look at a post or reply you are worried about (the writer is never told who asked)',
      body: worryRequestSchema,
      response: { 200: worryResponseSchema },
    },
    handler: async (request) => raiseWorry(deps, requireAuth(request), request.body),
  });
}
