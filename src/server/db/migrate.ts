import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DatabaseHandle } from './database.js';

// The same folder from src/server/db and from dist/server/db.
export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Any number, fixed: every node takes the same advisory lock so only one migrates at a time. */
const MIGRATION_LOCK_KEY = 7_240_311;

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  await handle.withLock(MIGRATION_LOCK_KEY, async () => {
    if (handle.driver === 'pglite') {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    } else {
      await migratePostgres(handle.db as unknown as NodePgDatabase, { migrationsFolder });
    }
  });
}
