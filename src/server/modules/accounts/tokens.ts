import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: the session cookie's value. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens and recovery codes are high-entropy, so a keyed HMAC is enough at rest
 * (no slow hash needed), and it lets us look a session up by its hash.
 */
export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: easy to copy by hand

/** A recovery code like `k7dm-q2xp-9hta` (60 bits). */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  }
  return code;
}

/** What a member types back: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether a normalised code could be one of ours (12 characters of the alphabet): anything else is refused unread. */
export function isRecoveryCodeShape(normalised: string): boolean {
  return normalised.length === 12 && [...normalised].every((character) => CODE_ALPHABET.includes(character));
}

export const RECOVERY_CODE_COUNT = 10;
