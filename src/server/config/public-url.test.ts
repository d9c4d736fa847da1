import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hearth-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });

describe('PUBLIC_URL (issue 10, defect 20)', () => {
  it('follows PORT when unset, so a server on another port accepts its own pages’ writes', () => {
    expect(load({ PORT: '3001' }).publicUrl.origin).toBe('http://localhost:3001');
    expect(load({}).publicUrl.origin).toBe('http://localhost:3000');
  });

  it('is taken as given when set', () => {
    expect(load({ PORT: '3001', PUBLIC_URL: 'https://support.example.org' }).publicUrl.origin).toBe(
      'https://support.example.org',
    );
  });
});
