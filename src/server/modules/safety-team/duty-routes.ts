import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dutyRequestSchema, dutyResponseSchema } from '../../../shared/api/safety-review.js';
import type { Deps } from '../../deps.js';
import { signedIn } from '../../http/authenticate.js';
import { readDuty, setDuty } from './duty-service.js';
import { requireSafetyTeam } from './policy.js';

const tags = ['safety team'];

/** Safety duty: who is on now, and switching one's own duty on (optionally until a time) or off. */
export function registerDutyRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/safety/duty', {
    preValidation: signedIn,
    schema: { tags, summary: 'Who is on safety duty now (safety team)', response: { 200: dutyResponseSchema } },
    handler: async (request) => {
      const { auth, settings } = await requireSafetyTeam(deps.db, request);
      return readDuty(deps, auth, settings);
    },
  });

  app.put('/api/safety/duty', {
    preValidation: signedIn,
    schema: { tags, summary: 'Switch your safety duty on (optionally until a time) or off (safety team)', body: dutyRequestSchema, response: { 200: dutyResponseSchema } },
    handler: async (request) => {
      const { auth, settings } = await requireSafetyTeam(deps.db, request);
      return setDuty(deps, auth, settings, request.body);
    },
  });
}
