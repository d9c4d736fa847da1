import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// dist/web from both src/server/http and dist/server/http.
export const webRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * Serves the built React app: hashed assets with a long cache, and `index.html`
 * for every other non-API path so client-side routes survive a reload.
 */
export async function registerWebApp(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(`${webRoot}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders(reply, path) {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
