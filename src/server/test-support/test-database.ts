import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, runMigrations, type DatabaseHandle } from '../db/index.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or
 * a new database on the PostgreSQL server at TEST_DATABASE_URL when
 * HEARTH_TEST_DRIVER=postgres. `npm test` runs the API suite both ways.
 */
export const testDriver: 'pglite' | 'postgres' = process.env.HEARTH_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(driver = testDriver, migrate = true): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = await openDatabase({});
    await runMigrations(handle);
    return { handle, url: undefined, drop: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('HEARTH_TEST_DRIVER=postgres needs TEST_DATABASE_URL');
  const name = `hearth_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 10 });
  if (migrate) await runMigrations(handle);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
