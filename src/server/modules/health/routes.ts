import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { embeddedReadiness } from './embedded.js';

/**
 * `/healthz`: the process is up. `/readyz`: it can serve requests (for load balancers).
 *
 * Without its database a node cannot serve anything: 503. Without Redis it still
 * can, degraded: writes commit, crisis posts get their support card, rate limits
 * fall back to this node's memory, and live fan-out to other nodes resumes (with
 * replay from the durable rows) when Redis returns. So a Redis outage answers 200
 * with `status: "degraded"`: every node shares the one Redis, and a 503 would make
 * the load balancer drop them all, turning away a person in crisis to protect a
 * notification channel. Monitoring should alert on "degraded".
 *
 * On the embedded database it also says how long calls queue for PGlite's one connection and, past the line
 * (db/embedded-load.ts), that the community has outgrown it and how to switch to PostgreSQL. Still 200: the
 * node serves, slowly, and it is the only one.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: Pick<Deps, 'database' | 'redis'>): void {
  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      await deps.database.ping();
    } catch {
      return reply.code(503).send({ status: 'unavailable', error: { code: 'database_unreachable', message: 'The database cannot be reached.' } });
    }
    const embedded = embeddedReadiness(deps.database);
    if (deps.redis && !deps.redis.connected()) {
      return {
        status: 'degraded',
        checks: { database: 'ok', redis: 'unreachable' },
        message: 'Redis cannot be reached: live events reach other nodes late (they are replayed when it returns), and rate limits are counted per node.',
      };
    }
    return { status: 'ready', ...(embedded ? { embedded } : {}) };
  });
}
