import { describe, expect, it } from 'vitest';
import { openMessageBody, sealMessageBody } from './message-body.js';
import { generateKey, MessageKeyring, MissingMessageKeyError } from './message-keys.js';
import { openText, SealedTextError, sealText } from './sealed-text.js';

const ROW = '6f1c1a52-3f7e-4a55-9d1e-0b7d7c1f2a10';
const OTHER_ROW = '0a4a7f5e-8f1d-4c3b-a9a2-5c6d7e8f9a0b';

describe('sealed text (AES-256-GCM)', () => {
  const key = generateKey();

  it('opens what it sealed, and the sealed bytes do not carry the words', () => {
    const sealed = sealText(key, `message:${ROW}`, 'I have not slept in days, ünïcødé 🌧');
    expect(sealed.includes(Buffer.from('slept'))).toBe(false);
    expect(openText(key, `message:${ROW}`, sealed)).toBe('I have not slept in days, ünïcødé 🌧');
  });

  it('seals the same words differently each time (a fresh nonce)', () => {
    expect(sealText(key, 'message:x', 'same').equals(sealText(key, 'message:x', 'same'))).toBe(false);
  });

  it('refuses bytes that were changed', () => {
    const sealed = sealText(key, `message:${ROW}`, 'hello there');
    for (const at of [0, 5, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = tampered[at]! ^ 0x01;
      expect(() => openText(key, `message:${ROW}`, tampered)).toThrow(SealedTextError);
    }
    expect(() => openText(key, `message:${ROW}`, sealed.subarray(0, 20))).toThrow(SealedTextError);
  });

  it('refuses a body moved to another row', () => {
    const sealed = sealText(key, `message:${ROW}`, 'hello there');
    expect(() => openText(key, `message:${OTHER_ROW}`, sealed)).toThrow(/failed authentication/);
  });

  it('refuses a body opened under another key, or relabelled with another key id', () => {
    const sealed = sealText(key, `message:${ROW}`, 'hello there');
    expect(() => openText(generateKey(), `message:${ROW}`, sealed)).toThrow(SealedTextError);
    // The same key bytes under another id: the id is authenticated too.
    expect(() => openText({ id: 'k-other', key: key.key }, `message:${ROW}`, sealed)).toThrow(SealedTextError);
  });

  it('opens a Uint8Array view (PGlite gives bytea as one)', () => {
    const sealed = sealText(key, 'message:x', 'from pglite');
    const padded = new Uint8Array(sealed.length + 8);
    padded.set(sealed, 4);
    expect(openText(key, 'message:x', padded.subarray(4, 4 + sealed.length))).toBe('from pglite');
  });
});

describe('message bodies', () => {
  it('are sealed under the active key and opened under the key they name, after a rotation too', () => {
    const old = generateKey();
    const before = new MessageKeyring([old], { kind: 'env' });
    const stored = sealMessageBody(before, ROW, 'words');
    expect(stored).toMatchObject({ keyId: old.id, body: null });
    const rotated = new MessageKeyring([generateKey(), old], { kind: 'env' });
    expect(openMessageBody(rotated, { id: ROW, bodySealed: stored.bodySealed, keyId: stored.keyId, legacyBody: null })).toBe('words');
    expect(sealMessageBody(rotated, ROW, 'new').keyId).toBe(rotated.active.id);
  });

  it('a body under a key the ring lacks is a clear error naming the key id, never a fallback', () => {
    const gone = generateKey();
    const stored = sealMessageBody(new MessageKeyring([gone], { kind: 'env' }), ROW, 'words');
    const ring = new MessageKeyring([generateKey()], { kind: 'env' });
    const open = () => openMessageBody(ring, { id: ROW, bodySealed: stored.bodySealed, keyId: stored.keyId, legacyBody: 'not this' });
    expect(open).toThrow(MissingMessageKeyError);
    expect(open).toThrow(new RegExp(`"${gone.id}".*which this node does not have`));
  });

  it('an earlier version’s plaintext row reads as it was until it is sealed', () => {
    const ring = new MessageKeyring([generateKey()], { kind: 'env' });
    expect(openMessageBody(ring, { id: ROW, bodySealed: null, keyId: null, legacyBody: 'old words' })).toBe('old words');
  });

  it('a keyring needs a key', () => {
    expect(() => new MessageKeyring([], { kind: 'env' })).toThrow();
  });
});
