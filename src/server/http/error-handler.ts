import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, badRequest } from './errors.js';

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
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
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
    request.log.error({ err: error }, 'unhandled error');
    // No stack trace or internal message reaches a client.
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` } });
  });
}
