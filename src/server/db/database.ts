import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { EmbeddedLoad } from './embedded-load.js';
import type * as schema from './schema/index.js';

/**
 * The one database type the rest of Hearth sees. PGlite and node-postgres both
 * produce a `PgDatabase`; nothing above this layer knows which driver is under it.
 * A transaction is a `Database` too, so services take `Database` and work either way.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseDriver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Runs `fn` while holding a cluster-wide lock (a PostgreSQL advisory lock). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: how late work got to run on the server's thread lately (embedded-load.ts). */
  embeddedLoad?: { snapshot(): EmbeddedLoad; restart(): void };
}

/** Rows of a raw `db.execute(sql)` result: both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
