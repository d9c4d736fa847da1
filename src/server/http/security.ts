import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { crossSiteRequest } from './errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers on every response, `no-store` on the API, and a same-origin
 * check on cookie-authenticated writes and WebSocket upgrades.
 */
export async function registerSecurity(app: FastifyInstance, publicUrl: URL): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: publicUrl.protocol === 'https:' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    const isUpgrade = request.headers.upgrade?.toLowerCase() === 'websocket';
    if ((UNSAFE_METHODS.has(request.method) || isUpgrade) && !isSameOrigin(request, publicUrl)) {
      throw crossSiteRequest();
    }
  });
}

/**
 * Browsers send `Origin` on every cross-origin request and on same-origin writes,
 * and `Sec-Fetch-Site` on all of them. A request with neither comes from a
 * program, not a browser a third-party page could drive, so it cannot be CSRF.
 */
export function isSameOrigin(request: FastifyRequest, publicUrl: URL): boolean {
  const origin = request.headers.origin;
  if (origin) {
    if (origin === publicUrl.origin) return true;
    const host = request.headers.host;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  const fetchSite = request.headers['sec-fetch-site'];
  return fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
}
