import type { FastifyServerOptions } from 'fastify';

/**
 * Structured logs with the request id. Passwords, tokens, cookies and post
 * bodies are never logged: request bodies are not serialised at all, and the
 * headers that carry secrets are redacted.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { id: string; method: string; url: string; ip?: string }) {
        // Query strings can carry what a member searched for: log the path only.
        return { id: request.id, method: request.method, url: request.url.split('?')[0] };
      },
    },
  };
}
