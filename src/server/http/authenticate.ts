import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { authenticate, type AuthContext } from '../modules/accounts/session-service.js';
import { unauthenticated } from './errors.js';
import { readSessionCookie } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** Resolves the session cookie (if any) to `request.auth` before any handler runs. */
export function registerAuthentication(app: FastifyInstance, deps: Pick<Deps, 'db' | 'config'>): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = readSessionCookie(request, deps.config);
    request.auth = token ? ((await authenticate(deps, token)) ?? null) : null;
  });
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

export function clientMeta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

/**
 * A route hook: signed-out requests get 401 before their body is validated, so a
 * stranger learns nothing about a route's shape.
 */
export async function signedIn(request: FastifyRequest): Promise<void> {
  requireAuth(request);
}
