import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createAdmin } from './admin.js';
import { acquireDataDirLock, DataDirLockedError, lockFilePath } from './data-dir-lock.js';
import { migrate, seed } from './migrate.js';

let dataDir: string;
const savedEnv = { ...process.env };
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hearth-lock-'));
  process.env.DATA_DIR = dataDir;
  process.env.SESSION_SECRET = 'lock-test-secret-lock-test-secret-lock';
  delete process.env.DATABASE_URL;
});
afterEach(() => {
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A lock as `hearth serve` leaves it while it runs: another live process's pid. */
function heldByRunningServer(): number {
  const pid = process.ppid;
  writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid, command: 'serve' }));
  return pid;
}

describe('the data folder lock', () => {
  it('makes `hearth admin create` refuse, naming the fix, while a server holds the embedded database', async () => {
    const pid = heldByRunningServer();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await createAdmin('first_admin', loadConfig());
    expect(code).toBe(1);
    const message = errors.mock.calls.map((call) => String(call[0])).join('\n');
    expect(message).toContain('Stop the server first');
    expect(message).toContain(String(pid));
    // No password was printed, and the database was never opened.
    expect(logs.mock.calls.join('\n')).not.toContain('password');
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
  });

  it('makes `hearth seed` and `hearth migrate` refuse too', async () => {
    heldByRunningServer();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await seed()).toBe(1);
    expect(await migrate()).toBe(1);
    expect(errors.mock.calls.every((call) => String(call[0]).includes('Stop the server first'))).toBe(true);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: gone, command: 'serve' }));
    const lock = acquireDataDirLock(dataDir, 'admin create');
    expect(JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  });

  it('refuses a second holder while the first runs', () => {
    heldByRunningServer();
    expect(() => acquireDataDirLock(dataDir, 'serve')).toThrow(DataDirLockedError);
  });
});
