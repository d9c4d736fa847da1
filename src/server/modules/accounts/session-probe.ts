import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meSchema } from '../../../shared/api/accounts.js';
import { presentMe } from './presenters.js';

/**
 * "Who am I, if anyone?" for the web app's first request. Being signed out is a normal answer here (200 with
 * `user: null`), not an error: asking `/api/me` made every signed-out page log a 401 in the browser console.
 * `/api/me` keeps its 401 for API clients.
 */
export function registerSessionProbeRoute(root: FastifyInstance): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/auth/session', {
    schema: {
      tags: ['accounts'],
      summary: 'The signed-in member, or null when signed out',
      response: { 200: z.object({ user: meSchema.nullable() }) },
    },
    handler: async (request) => ({ user: request.auth ? presentMe(request.auth.user, request.auth.session) : null }),
  });
}
