import type { FastifyServerOptions } from 'fastify';

export interface LoggerChoices {
  /** Readable lines (pino-pretty) for a person at a terminal; JSON lines otherwise. */
  pretty?: boolean;
  /** Where JSON lines go instead of stdout (tests capture them). */
  stream?: { write(line: string): void };
}

/** What an unmatched request is logged as: its path may be anything a client typed. */
const UNMATCHED = '(no route)';

/**
 * Structured logs with the request id. Passwords, tokens, cookies and post
 * bodies are never logged: request bodies are not serialised at all, the
 * headers that carry secrets are redacted, and errors are logged by class,
 * code and stack frames only (see `describeError`).
 */
export function loggerOptions(level: string, choices: LoggerChoices = {}): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { id: string; method: string; routeOptions?: { url?: string | undefined } }) {
        // The route's pattern (`/api/groups/:slug/members/:userId`), never the URL: a path can carry
        // a member's id or handle, and a query string what a member searched for.
        return { id: request.id, method: request.method, url: request.routeOptions?.url ?? UNMATCHED };
      },
      // Any `log.x({ err })`, here or in a dependency, goes through the same filter: pino's
      // `message` and `stack` become the class and code, and the frames.
      err(error: Error) {
        const description = describeError(error);
        return {
          ...description,
          message: [description.type, description.code].filter(Boolean).join(' '),
          stack: (description.frames ?? []).join('\n'),
        };
      },
    },
    ...(choices.stream
      ? { stream: choices.stream }
      : choices.pretty
        ? { transport: { target: 'pino-pretty', options: PRETTY } }
        : {}),
  };
}

/** One short line per request for a person watching a terminal ("incoming request GET /api/feed"). */
const PRETTY = {
  translateTime: 'HH:MM:ss',
  ignore: 'pid,hostname,reqId,req,res,responseTime',
  singleLine: true,
  messageFormat:
    '{msg}{if req.method} {req.method} {req.url}{end}{if res.statusCode} {res.statusCode}{end}{if responseTime} in {responseTime} ms{end}',
};

export interface ErrorDescription {
  type: string;
  /** A SQLSTATE (`23505`), a Node code (`ECONNREFUSED`) or a Fastify code. */
  code?: string;
  /** PostgreSQL's names of what failed: schema, never data. */
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  frames?: string[];
  cause?: ErrorDescription;
}

const NAME = /^[A-Za-z0-9_.$-]{1,80}$/;

function nameField(error: Record<string, unknown>, key: string): string | undefined {
  const value = error[key];
  return typeof value === 'string' && NAME.test(value) ? value : undefined;
}

/**
 * What an operator needs to find a failure, without what a member wrote: the
 * error's class, its code and PostgreSQL's object names, the stack's frames
 * (the message line dropped) and the same for its cause. Never the message,
 * `detail`, `query` or `params`: a failed query's message is
 * "Failed query: … params: …", which holds post bodies and author ids.
 */
export function describeError(error: unknown, depth = 0): ErrorDescription {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields = error as unknown as Record<string, unknown>;
  const description: ErrorDescription = { type: error.constructor?.name || error.name };
  for (const key of ['code', 'constraint', 'table', 'column', 'routine'] as const) {
    const value = nameField(fields, key);
    if (value) description[key] = value;
  }
  // The stack starts with "Name: message" (which may span lines written by a member): keep
  // only what follows it, and only when it starts where expected.
  const head = error.message ? `${error.name}: ${error.message}` : error.name;
  const stack = error.stack ?? '';
  const frames = (stack.startsWith(head) ? stack.slice(head.length) : '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  if (frames.length > 0) description.frames = frames;
  if (error.cause !== undefined && depth < 3) description.cause = describeError(error.cause, depth + 1);
  return description;
}
