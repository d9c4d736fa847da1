import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordBuilt, staleParts } from '../../../scripts/build-stamps.js';

/** `npm start` builds only what changed (scripts/build-if-stale.js; issue 10, defect 19). */
const root = mkdtempSync(join(tmpdir(), 'hearth-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, content: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
};
const parts = [
  { name: 'server', inputs: ['src/server', 'src/shared'], output: 'dist/server/index.js' },
  { name: 'web', inputs: ['src/web', 'src/shared'], output: 'dist/web/index.html' },
];
const staleNames = () => staleParts(root, parts).map((part) => part.name);
const buildAll = () => {
  for (const part of staleParts(root, parts)) {
    write(part.output, 'built');
    recordBuilt(root, part);
  }
};

describe('which parts of the build are stale', () => {
  it('everything before the first build; nothing after it', () => {
    write('src/server/app.ts', 'server');
    write('src/web/main.tsx', 'web');
    write('src/shared/api.ts', 'shared');
    expect(staleNames()).toEqual(['server', 'web']);
    buildAll();
    expect(staleNames()).toEqual([]);
  });

  it('only the part whose sources changed; both when shared code changes; none for a test file', () => {
    write('src/web/main.tsx', 'web, edited');
    expect(staleNames()).toEqual(['web']);
    buildAll();
    write('src/shared/api.ts', 'shared, edited');
    expect(staleNames()).toEqual(['server', 'web']);
    buildAll();
    write('src/server/app.test.ts', 'a new test');
    expect(staleNames()).toEqual([]);
  });

  it('a part whose output was deleted, or whose file was renamed', () => {
    rmSync(join(root, 'dist/web'), { recursive: true });
    expect(staleNames()).toEqual(['web']);
    buildAll();
    rmSync(join(root, 'src/server/app.ts'));
    write('src/server/main.ts', 'server');
    expect(staleNames()).toEqual(['server']);
  });
});
