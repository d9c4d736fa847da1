/**
 * Every error a client can see comes from here, with a stable code and status.
 * The wire shape is always `{ "error": { "code", "message", "field"? } }`.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const badRequest = (message: string, field?: string, code = 'bad_request') =>
  new AppError(400, code, message, field);

export const invalidField = (field: string, message: string) => new AppError(400, 'invalid_field', message, field);

export const unauthenticated = (message = 'Please sign in to continue.') =>
  new AppError(401, 'unauthenticated', message);

export const invalidCredentials = () =>
  // One message for an unknown handle and a wrong password: errors never reveal whether a handle exists.
  new AppError(401, 'invalid_credentials', 'That handle and password do not match.');

export const forbidden = (message = 'You do not have permission to do that.') => new AppError(403, 'forbidden', message);

export const crossSiteRequest = () =>
  new AppError(403, 'cross_site_request', 'This request came from another site and was refused.');

export const notFound = (what = 'That') => new AppError(404, 'not_found', `${what} was not found.`);

export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);

export const unprocessable = (code: string, message: string, field?: string) =>
  new AppError(422, code, message, field);

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', `Too many attempts. Please wait ${retryAfterSeconds} seconds and try again.`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });

export const badUrl = () =>
  new AppError(400, 'bad_url', 'The address is not valid: part of it is not correctly percent-encoded.');

export const uriTooLong = () => new AppError(414, 'uri_too_long', 'Part of the address is too long.');

export const internalError = () => new AppError(500, 'internal', 'Something went wrong on our side.');

export const errorBodySchemaDescription = 'Every error: { error: { code, message, field? } }';

// Private messages (issue 15): why a message was not sent, said plainly.
/** A first message the sender may not send (their account, or the recipient's setting or a block: one sentence for both). */
export const messageRequestRefused = (code: string, message: string) => new AppError(403, code, message, 'handle');
/** The one who asked writes again before the recipient accepted (also after a decline: they are told no more). */
export const requestNotAccepted = () =>
  conflict('request_not_accepted', 'Your message request has not been accepted, so you cannot send more messages until it is.');
export const requestNotAnswered = () => conflict('request_not_answered', 'Accept this message request first to answer it.');
export const conversationClosed = () => new AppError(403, 'conversation_closed', 'You can’t send messages in this conversation.');
export const blockedByYou = () =>
  new AppError(403, 'blocked_by_you', 'You blocked this member. To write to them again, unblock them under Settings, Boundaries.');
