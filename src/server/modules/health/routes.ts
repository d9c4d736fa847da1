import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';

/** `/healthz`: the process is up. `/readyz`: it can reach its database (for load balancers). */
export function registerHealthRoutes(app: FastifyInstance, deps: Pick<Deps, 'database'>): void {
  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      await deps.database.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', error: { code: 'database_unreachable', message: 'The database cannot be reached.' } });
    }
  });
}
