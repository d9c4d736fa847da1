import type { MessageKeyring } from './message-keys.js';
import { openText, sealText } from './sealed-text.js';

/**
 * The one way message bodies go into and come out of the `messages` table.
 * A body is sealed under the keyring's active key and bound to its row id
 * (`message:<id>`), so it cannot be moved to another row. Every reader selects
 * `storedBodyColumns` and calls `openMessageBody`.
 */

/** What a reader selects for a body: the sealed bytes with their key id, or an earlier version's plaintext until it is sealed. */
export interface StoredBody {
  id: string;
  bodySealed: Uint8Array | null;
  keyId: string | null;
  /** Plaintext written by a version before encryption at rest (the sweep seals it). */
  legacyBody: string | null;
}

export interface SealedBody {
  bodySealed: Buffer;
  keyId: string;
  body: null;
}

const context = (messageId: string) => `message:${messageId}`;

/** The columns to insert or update: the caller chose the row's id (`randomUUID()`) before sealing. */
export function sealMessageBody(keys: MessageKeyring, messageId: string, text: string): SealedBody {
  const key = keys.active;
  return { bodySealed: sealText(key, context(messageId), text), keyId: key.id, body: null };
}

/** The words of a stored body. Throws (never falls back) when the key is missing or the bytes do not authenticate. */
export function openMessageBody(keys: MessageKeyring, stored: StoredBody): string {
  if (stored.bodySealed !== null && stored.keyId !== null) return openText(keys.get(stored.keyId), context(stored.id), stored.bodySealed);
  if (stored.legacyBody !== null) return stored.legacyBody;
  throw new Error(`message ${stored.id} has no body`);
}

/** A LEFT JOINed message's stored body (null when the row has no message), opened: for list queries that show a message's words. */
export function openJoinedBody(keys: MessageKeyring, stored: StoredBody | null): string | null {
  return stored ? openMessageBody(keys, stored) : null;
}
