import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Text sealed with AES-256-GCM (NIST SP 800-38D): a fresh 96-bit nonce per
 * seal, a 128-bit tag, and additional authenticated data that binds the
 * ciphertext to where it lives (e.g. `message:<id>`) and to the key id it
 * names, so a sealed value copied onto another row, or relabelled with another
 * key id, fails to open instead of reading as someone else's words.
 *
 * Layout: version (1 byte) | nonce (12) | tag (16) | ciphertext.
 */
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;
export const KEY_BYTES = 32;

export interface SealingKey {
  id: string;
  key: Buffer;
}

/** The sealed value could not be opened: tampered with, moved to another row, or under another key. */
export class SealedTextError extends Error {
  override name = 'SealedTextError';
}

function additionalData(context: string, keyId: string): Buffer {
  // NUL cannot occur in a key id or a row id, so the two parts cannot run together ambiguously.
  return Buffer.from(`hearth-sealed-v${VERSION}\0${context}\0${keyId}`, 'utf8');
}

export function sealText(key: SealingKey, context: string, plaintext: string): Buffer {
  if (key.key.length !== KEY_BYTES) throw new Error(`sealing key ${key.id} is not ${KEY_BYTES} bytes`);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(context, key.id));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), ciphertext]);
}

export function openText(key: SealingKey, context: string, sealed: Uint8Array): string {
  const bytes = Buffer.isBuffer(sealed) ? sealed : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < HEADER_BYTES || bytes[0] !== VERSION) throw new SealedTextError(`sealed value for ${context} is not in a known format`);
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(1 + NONCE_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(context, key.id));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedTextError(`sealed value for ${context} failed authentication under key ${key.id} (tampered with, moved from another row, or sealed under another key)`);
  }
}
