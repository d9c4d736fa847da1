import type { SupportCard } from '../../shared/api/safety.js';
/**
 * The one way the web app talks to the API: same-origin JSON with the session
 * cookie, and every error turned into an ApiError carrying the server's
 * `{ error: { code, message, field? } }` so a form can show it beside its field.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Words written in crisis whose send was refused were kept for the safety team: the writer's support card. */
    readonly support?: SupportCard,
  ) {
    super(message);
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

const OFFLINE_MESSAGE = 'We could not reach Hearth. Please check your connection and try again.';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
  support?: unknown;
}

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const support = (body as ErrorBody).support;
    const card = support !== null && typeof support === 'object' ? (support as SupportCard) : undefined;
    return new ApiError(status, error.code, error.message, typeof error.field === 'string' ? error.field : undefined, card);
  }
  if (status === 429)
    return new ApiError(status, 'rate_limited', 'Too many attempts. Please wait a minute and try again.');
  return new ApiError(
    status,
    status >= 500 ? 'internal' : 'bad_request',
    'Something went wrong on our side. Please try again in a moment.',
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only with a body: the server refuses an empty body labelled as JSON.
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'offline', OFFLINE_MESSAGE);
  }

  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) throw errorFrom(response.status, parsed);
  return parsed as T;
}

/**
 * A server message that names its field (`"handle": must be at least 3 characters`)
 * reads better beside the field as "Handle must be at least 3 characters."
 */
export function messageForField(message: string, label: string): string {
  const named = /^"[^"]+":?\s*(.*)$/s.exec(message);
  const rest = named ? named[1]! : message;
  if (!named) return message;
  const sentence = `${label} ${rest}`.trim();
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
