import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { invalidField } from '../../http/errors.js';

/**
 * Thread cursors, sealed. A cursor is a place in a thread's reading order (a
 * reply's sort key), and a sort key carries its ancestors' creation times to
 * the microsecond, including those of ancestors hidden from the reader (a
 * block). So the server hands out the key encrypted and authenticated
 * (AES-256-GCM, key derived by HKDF from the session secret), bound to the
 * post as additional data: a reader can neither read a cursor nor make one,
 * and a cursor of one thread is refused on another. The nonce is a MAC of the
 * post and the place (as in SIV), so one place always gives the same cursor:
 * a nonce repeats only with the very same message, which GCM tolerates, and
 * equal cursors tell a reader only what equal pages already do (a deep link
 * to a hidden reply and to an unknown id still answer byte for byte alike).
 *
 * What remains (review finding 2, the time taken to read past rows hidden
 * from the reader): a page can still only start at a place this server gave
 * the reader with an earlier page of the same thread, i.e. next to a reply
 * they are shown; they can no longer probe an arbitrary place. How long a
 * page takes then says at most that hidden rows sit somewhere in a stretch
 * they were already reading, at the noise level of a database round trip
 * per batch of rows, which we accept.
 */

const LABEL = 'hearth thread cursor v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** One level of a sort key: 48 hex characters (migration 0007), 24 bytes; keys have 1 to 4 levels. */
const LEVEL_BYTES = 24;
const MAX_LEVELS = 4;

interface Keys {
  cipher: Buffer;
  nonce: Buffer;
}
const derived = new Map<string, Keys>();
function keysFrom(secret: string): Keys {
  let keys = derived.get(secret);
  if (!keys) {
    const bytes = Buffer.from(hkdfSync('sha256', secret, '', LABEL, 64));
    keys = { cipher: bytes.subarray(0, 32), nonce: bytes.subarray(32) };
    derived.set(secret, keys);
  }
  return keys;
}

/** The cursor for place `sortKey` of post `postId`: base64url text. */
export function sealCursor(secret: string, postId: string, sortKey: string): string {
  const keys = keysFrom(secret);
  const iv = createHmac('sha256', keys.nonce).update(`${postId}:${sortKey}`).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.cipher, iv);
  cipher.setAAD(Buffer.from(postId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(Buffer.from(sortKey, 'hex')), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The place a cursor of post `postId` names, or undefined for one this server did not make for that post. */
export function openCursor(secret: string, postId: string, cursor: string): string | undefined {
  const bytes = Buffer.from(cursor, 'base64url');
  const length = bytes.length - IV_BYTES - TAG_BYTES;
  if (length <= 0 || length % LEVEL_BYTES !== 0 || length / LEVEL_BYTES > MAX_LEVELS) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keysFrom(secret).cipher, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(postId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('hex');
  } catch {
    // A wrong tag: altered, forged, or sealed for another thread or under another secret.
    return undefined;
  }
}

/** The place named by query field `field`, or a 400 naming it, as any bad input. */
export function placeOf(secret: string, postId: string, field: 'after' | 'before' | 'from', cursor: string): string {
  const place = openCursor(secret, postId, cursor);
  if (place === undefined) throw invalidField(field, `"${field}": must be a cursor from an earlier page of this thread`);
  return place;
}
