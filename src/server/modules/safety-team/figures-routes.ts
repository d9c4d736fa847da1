import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessorResponseSchema, figuresQuerySchema, figuresResponseSchema } from '../../../shared/api/safety-figures.js';
import type { Deps } from '../../deps.js';
import { signedIn } from '../../http/authenticate.js';
import { activeAssessor } from '../safety/assessor/index.js';
import { assessorFigures, safetyFigures } from './figures-queries.js';
import { requireSafetyAdmin, requireSafetyTeam } from './policy.js';

const tags = ['safety'];

/** Figures for the safety team (time to claim, outcomes…) and, for admins, how the assessor is doing. */
export function registerFiguresRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/safety/figures', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Time to claim and to first outreach, alerts by level, outcomes and escalations over the last 7 or 30 days (safety team)',
      querystring: figuresQuerySchema,
      response: { 200: figuresResponseSchema },
    },
    handler: async (request) => {
      await requireSafetyTeam(deps.db, request);
      return safetyFigures(deps.db, deps.clock.now(), request.query.days === '30' ? 30 : 7);
    },
  });

  app.get('/api/safety/assessor', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'How the risk assessor is doing here: alerts by level and outcome, precision, misses found on the review list, the model version (admins)',
      response: { 200: assessorResponseSchema },
    },
    handler: async (request) => {
      requireSafetyAdmin(request);
      const modelVersion = activeAssessor().modelVersion;
      return { modelVersion, local: modelVersion.includes('+local.'), ...(await assessorFigures(deps.db)) };
    },
  });
}
