import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hearth-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const base = { DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40) };
const postgres = 'postgres://hearth@127.0.0.1:5432/hearth';

describe('DEMO_SEED', () => {
  it('is on by default for the embedded database only', () => {
    expect(loadConfig(base).demoSeed).toBe(true);
    expect(loadConfig({ ...base, DATABASE_URL: postgres }).demoSeed).toBe(false);
  });

  it('seeds a DATABASE_URL install only when asked, and can be turned off anywhere', () => {
    expect(loadConfig({ ...base, DATABASE_URL: postgres, DEMO_SEED: 'true' }).demoSeed).toBe(true);
    expect(loadConfig({ ...base, DEMO_SEED: 'false' }).demoSeed).toBe(false);
  });
});
