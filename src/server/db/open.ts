import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';
import type { Database, DatabaseHandle } from './database.js';
import { LoopDelayMonitor } from './embedded-load.js';

export interface OpenDatabaseOptions {
  /** A postgres:// URL: use a pooled PostgreSQL connection. */
  url?: string | undefined;
  /** Folder for the embedded PGlite database; `undefined` with no url means in memory. */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 20) : openPglite(options.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client that errors (a server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * PGlite's own start parameters, plus a smaller buffer cache. PostgreSQL's default `shared_buffers` (128 MB) is
 * allocated inside PGlite's WebAssembly memory, where it stays resident for the life of the process, while the
 * files it would cache are already in the operating system's page cache (PGlite reads them through Node's fs).
 * 16 MB keeps a community's hot rows in memory and took a server's resident size after start from about 900 MB to
 * about 420 MB on a fresh data folder, and from about 400 MB to about 270 MB on a restart (measured with VmRSS after
 * /readyz). Replacing `startParams` replaces PGlite's defaults, so they are repeated.
 */
const PGLITE_SHARED_BUFFERS = '16MB';
export const pgliteStartParams: string[] = [
  ...PGlite.defaultStartParams,
  '-c',
  `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
];

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const options = { startParams: pgliteStartParams };
  const client = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await client.waitReady;
  const monitor = new LoopDelayMonitor();
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    embeddedLoad: monitor,
    // PGlite is one connection inside this process: nothing else can race us.
    withLock: (_key, fn) => fn(),
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      monitor.stop();
      await client.close();
    },
  };
}

