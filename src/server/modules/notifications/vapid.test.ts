import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../config/env.js';
import { loadOrCreateVapidKeys } from './vapid.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-vapid-'));
  dirs.push(dir);
  return dir;
}

const push = (vapid?: { publicKey: string; privateKey: string }) => ({ vapid, subject: 'mailto:admin@localhost', sweepIntervalMs: 0, serviceHosts: [] });

describe('VAPID keys', () => {
  it('are generated at first start into DATA_DIR, owner-only, and kept across restarts', () => {
    const dir = dataDir();
    const first = loadOrCreateVapidKeys({ dataDir: dir, push: push() });
    expect(first.generated).toBe(true);
    expect(statSync(join(dir, 'vapid.json')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateVapidKeys({ dataDir: dir, push: push() }).keys).toEqual(first.keys);
  });

  it('come from config when given, and then nothing is written', () => {
    const dir = dataDir();
    const given = { publicKey: 'B'.repeat(87), privateKey: 'p'.repeat(43) };
    expect(loadOrCreateVapidKeys({ dataDir: dir, push: push(given) })).toEqual({ keys: given, generated: false });
    expect(() => statSync(join(dir, 'vapid.json'))).toThrow();
  });

  it('config takes both keys or neither, naming the missing one', () => {
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: 'B'.repeat(87) })).toThrow(ConfigError);
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: 'B'.repeat(87) })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => parseEnv({ VAPID_SUBJECT: 'someone' })).toThrow(/VAPID_SUBJECT/);
  });
});
