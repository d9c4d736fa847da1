import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { rateLimited, unprocessable } from '../../http/errors.js';
import { GateFullError, HashGate, type HashPriority } from './hash-gate.js';

/**
 * argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane): strong
 * enough at rest, cheap enough that sign-in stays fast on a 2-core server.
 * Source: OWASP Password Storage Cheat Sheet.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// 49,000 common passwords from zxcvbn-ts's maintained list (frequency-ranked leaks).
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()),
);

export function commonPasswordCount(): number {
  return COMMON_PASSWORDS.size;
}

/** Refuses passwords that are on the common list or are the handle itself. */
export function assertAcceptablePassword(password: string, handle: string, field = 'password'): void {
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) {
    throw unprocessable('common_password', 'This password is on a list of commonly used passwords. Please choose another.', field);
  }
  if (lowered === handle.toLowerCase()) {
    throw unprocessable('password_is_handle', 'Your password must not be your handle.', field);
  }
}

// Two at once on a 2-core server, one of them at most for signed-in re-checks; a line of 64 is ~1 s of work.
const gate = new HashGate(2, 1, 64);

async function throughGate<T>(priority: HashPriority, work: () => Promise<T>): Promise<T> {
  try {
    return await gate.run(priority, work);
  } catch (error) {
    // A full line: ask the client to come back shortly rather than queue without bound.
    if (error instanceof GateFullError) throw rateLimited(1);
    throw error;
  }
}

export function hashPassword(password: string): Promise<string> {
  return throughGate('urgent', () => argon2.hash(password, HASH_OPTIONS));
}

/** `background` for re-checks of a signed-in member's password, which must not crowd out sign-in. */
export async function verifyPassword(hash: string, password: string, priority: HashPriority = 'urgent'): Promise<boolean> {
  return throughGate(priority, async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

// Verified against when the handle does not exist, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  // A failed first hash (a full gate answers 429) is forgotten, or every later unknown handle would get it too.
  dummyHash ??= hashPassword('hearth-timing-equaliser').catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  await verifyPassword(await dummyHash, password);
}
