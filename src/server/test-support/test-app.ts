import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type HearthApp } from '../app.js';
import type { Clock } from '../clock.js';
import { loadConfig } from '../config/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp extends HearthApp {
  testDatabase: TestDatabase;
}

/** An app on a fresh database, driven in-process with `app.inject`. */
export async function createTestApp(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-session-secret-test-session-secret',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    ...env,
  });
  const testDatabase = await createTestDatabase();
  const hearth = await buildApp({ config, database: testDatabase.handle, logger: false, clock: options.clock });
  return {
    ...hearth,
    testDatabase,
    async close() {
      await hearth.close();
      await testDatabase.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
