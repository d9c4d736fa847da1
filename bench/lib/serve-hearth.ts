// A Hearth node for benchmarks, in its own process so the load generator does not
// share its CPU. With DATABASE_URL it makes a fresh database on that server (and
// drops it on exit), so a benchmark never touches existing data; else a fresh
// PGlite folder. Prints its port.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { automodRules } from '../../src/server/db/schema/index.js';
import { loadConfig } from '../../src/server/config/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';

let database: TestDatabase | undefined;
if (process.env.DATABASE_URL) {
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  database = await createTestDatabase('postgres', false);
}
const config = loadConfig({
  ...process.env,
  DATABASE_URL: database?.url ?? '',
  NODE_ENV: 'production',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'hearth-bench-')),
  LOG_LEVEL: 'warn',
  SESSION_SECRET: 'bench-session-secret-bench-session-secret',
  RATE_LIMIT_AUTH_PER_MINUTE: '10000',
  // One member writes every reply of the write benchmark: the posting limit would (rightly) refuse them.
  RATE_LIMIT_POSTS_PER_10_MINUTES: '1000000',
  PUBLIC_URL: 'http://127.0.0.1',
});
const hearth = await buildApp({ config });
// Likewise automod's "posting very fast" rule would hold them: an operator can switch it off, and so does the benchmark.
await hearth.deps.db.update(automodRules).set({ enabled: false }).where(eq(automodRules.kind, 'rate_limit'));
const address = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ port: Number(new URL(address).port), driver: hearth.deps.database.driver, startRssBytes: process.memoryUsage.rss() }));
process.on('SIGTERM', () =>
  void hearth
    .close()
    .then(() => database?.drop())
    .then(() => process.exit(0)),
);
