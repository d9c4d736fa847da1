import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database is one process's: PGlite has no server to share it, so
 * a second process writing DATA_DIR (say `hearth admin create` while `hearth
 * serve` runs) works on a copy that the server never sees. Every command that
 * opens the embedded database holds DATA_DIR/hearth.lock (its pid) while it
 * runs; a lock whose process is gone is taken over.
 */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): void;
}

interface LockBody {
  pid: number;
  command: string;
}

export function lockFilePath(dataDir: string): string {
  return join(dataDir, 'hearth.lock');
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockBody | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockBody>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, command: String(parsed.command ?? 'hearth') } : undefined;
  } catch {
    return undefined;
  }
}

/** Takes DATA_DIR for `command` (e.g. "admin create"), or throws naming the fix. */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, command }), { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readLock(file)?.pid === process.pid) unlinkSync(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    if (holder && holder.pid !== process.pid && processIsAlive(holder.pid)) {
      throw new DataDirLockedError(
        `hearth ${command}: Hearth is running ("hearth ${holder.command}", process ${holder.pid}) on the embedded database in ${dataDir}.\n` +
          `Stop the server first, then run "hearth ${command}" again.`,
      );
    }
    // Left by a process that is gone (or unreadable): take it over.
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new DataDirLockedError(`hearth ${command}: could not take the lock ${file}. Stop the server first, then try again.`);
}

/** Runs `fn` holding DATA_DIR when the database is the embedded one (PostgreSQL needs no lock). */
export async function withDataDirLock<T>(config: { databaseUrl: string | undefined; dataDir: string }, command: string, fn: () => Promise<T>): Promise<T> {
  if (config.databaseUrl) return fn();
  const lock = acquireDataDirLock(config.dataDir, command);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
