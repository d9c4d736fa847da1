import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { sealMessageBody, openMessageBody } from './message-body.js';
import { addActiveKeyToFile, formatKeyEntry, generateKey, keyringFilePath, removeKeyFromFile } from './message-keys.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the message keyring', () => {
  it('without configuration, is generated into DATA_DIR (mode 0600) at first start and reused after', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).messageKeys;
    expect(first.source).toEqual({ kind: 'file', file: keyringFilePath(dir) });
    expect(statSync(keyringFilePath(dir)).mode & 0o777).toBe(0o600);
    const again = loadConfig({ DATA_DIR: dir }).messageKeys;
    expect(again.active.id).toBe(first.active.id);
    expect(again.active.key.equals(first.active.key)).toBe(true);
  });

  it('from MESSAGE_KEYS: the first key is active, the others read; DATA_DIR gets no key file', () => {
    const [a, b] = [generateKey(), generateKey()];
    const dir = dataDir();
    const ring = loadConfig({ DATA_DIR: dir, MESSAGE_KEYS: `${formatKeyEntry(a)}, ${formatKeyEntry(b)}` }).messageKeys;
    expect(ring.active.id).toBe(a.id);
    expect(ring.ids()).toEqual([a.id, b.id]);
    expect(() => readFileSync(keyringFilePath(dir))).toThrow();
  });

  it('a bad MESSAGE_KEYS stops the start naming the variable and the entry, never printing a key', () => {
    const good = formatKeyEntry(generateKey());
    const short = `k2:${randomBytes(16).toString('base64')}`;
    for (const [value, message] of [
      [`${good},${short}`, /MESSAGE_KEYS: entry 2 \("k2"\): the key must be 32 bytes/],
      ['nokey', /MESSAGE_KEYS: entry 1 must be id:base64key/],
      [`${good},${good}`, /listed twice/],
      [`dm:${randomBytes(32).toString('base64')}`, /reserved/],
    ] as const) {
      const load = () => loadConfig({ DATA_DIR: dataDir(), MESSAGE_KEYS: value });
      expect(load).toThrow(message);
      try {
        load();
      } catch (error) {
        expect(String(error)).not.toContain(good.split(':')[1]);
      }
    }
  });

  it('DM_ENCRYPTION_KEY, reserved by earlier versions, is the key "dm": alone, or readable beside MESSAGE_KEYS', () => {
    const secret = 'an-operator-chosen-secret-of-at-least-32-characters';
    const alone = loadConfig({ DATA_DIR: dataDir(), DM_ENCRYPTION_KEY: secret }).messageKeys;
    expect(alone.ids()).toEqual(['dm']);
    const sealed = sealMessageBody(alone, 'row-1', 'sealed under dm');
    const next = generateKey();
    const moved = loadConfig({ DATA_DIR: dataDir(), DM_ENCRYPTION_KEY: secret, MESSAGE_KEYS: formatKeyEntry(next) }).messageKeys;
    expect(moved.ids()).toEqual([next.id, 'dm']);
    expect(openMessageBody(moved, { id: 'row-1', bodySealed: sealed.bodySealed, keyId: sealed.keyId, legacyBody: null })).toBe('sealed under dm');
  });

  it('rotating a file keyring puts a new active key first and keeps the old; a running node finds it on a miss; retiring removes one', () => {
    const dir = dataDir();
    const running = loadConfig({ DATA_DIR: dir }).messageKeys;
    const old = running.active;
    const fresh = addActiveKeyToFile(keyringFilePath(dir));
    expect(statSync(keyringFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).messageKeys.ids()).toEqual([fresh.id, old.id]);
    // `hearth keys rotate` beside a running node: the node reads the new key from the file when a row names it.
    expect(running.get(fresh.id).key.equals(fresh.key)).toBe(true);
    expect(running.active.id).toBe(fresh.id);
    expect(() => removeKeyFromFile(keyringFilePath(dir), fresh.id)).toThrow(/active key/);
    removeKeyFromFile(keyringFilePath(dir), old.id);
    expect(loadConfig({ DATA_DIR: dir }).messageKeys.ids()).toEqual([fresh.id]);
  });

  it('a damaged key file stops the start rather than making a new key', () => {
    const dir = dataDir();
    loadConfig({ DATA_DIR: dir });
    writeFileSync(keyringFilePath(dir), '{"keys":[]}');
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(/not a Hearth message keyring/);
  });
});
