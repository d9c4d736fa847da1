import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, badRequest, badUrl, internalError, uriTooLong } from './errors.js';
import { describeError } from './logging.js';

/** One item of `error.validation` as fastify-type-provider-zod builds it from a zod issue. */
interface ValidationItem {
  keyword: string;
  instancePath: string;
  message: string;
  params: { keys?: readonly string[]; expected?: string; input?: unknown };
}

/** `/profile/bio` → `profile.bio`; an unknown key names itself. */
function fieldOf(item: ValidationItem): string | undefined {
  const path = item.instancePath.split('/').filter(Boolean);
  if (item.keyword === 'unrecognized_keys' && item.params.keys?.[0]) path.push(item.params.keys[0]);
  return path.length > 0 ? path.join('.') : undefined;
}

function messageOf(item: ValidationItem, field: string | undefined, context: string): string {
  // A rule about the whole body (e.g. "send at least one setting") says what it wants itself.
  if (!field && item.keyword === 'custom') return item.message;
  if (!field) return `The request ${context} is missing or has the wrong shape.`;
  if (item.keyword === 'unrecognized_keys') return `Unknown field "${field}".`;
  if (item.keyword === 'invalid_type' && /received undefined/.test(item.message)) return `"${field}" is required.`;
  return `"${field}": ${item.message}`;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).headers(error.headers).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const item = error.validation[0] as unknown as ValidationItem;
      const field = fieldOf(item);
      const context = error.validationContext ?? 'body';
      return reply.code(400).send(badRequest(messageOf(item, field, context), field, 'invalid_field').toBody());
    }
    if (isResponseSerializationError(error)) {
      // Paths and codes only: a zod issue can carry the value that failed, which may be content.
      const issues = error.cause.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
      request.log.error({ route: routeOf(request), issues }, 'response did not match its schema');
      return reply.code(500).send(internalError().toBody());
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own 4xx: malformed JSON, body too large, unsupported media type...
      const code =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'malformed_json'
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'body_too_large'
            : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
              ? 'unsupported_media_type'
              : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
                ? 'empty_body'
                : 'bad_request';
      const message = code === 'malformed_json' ? 'The request body is not valid JSON.' : error.message;
      return reply.code(status).send({ error: { code, message } });
    }
    // The class, the SQLSTATE and the stack's frames, never the message: a failed query's
    // message holds its SQL parameters (post bodies, an anonymous author's id).
    request.log.error({ route: routeOf(request), error: describeError(error) }, 'unhandled error');
    // No stack trace or internal message reaches a client.
    return reply.code(500).send(internalError().toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` } });
  });
}

/** The route's pattern (`/api/posts/:postId`), never the URL: a path can carry a search or a handle. */
function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
}

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors`):
 * bad percent-encoding, an over-long path parameter. They answer in Hearth's format too.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const appError = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? uriTooLong() : error.code === 'FST_ERR_BAD_URL' ? badUrl() : badRequest('The request could not be read.');
  // The router answers before any hook runs, so the headers every API response carries are set here.
  void reply.code(appError.status).headers({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).send(appError.toBody());
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (Fastify's `clientErrorHandler`):
 * a request line or headers over Node's limit (an over-long query string), a malformed request.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request’s address or headers are too long.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'bad_request', 'The request could not be read.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
