// A Hearth node for benchmarks, in its own process so the load generator does not
// share its CPU. With DATABASE_URL it makes a fresh database on that server (and
// drops it on exit), so a benchmark never touches existing data; else a fresh
// PGlite folder (removed on exit). Prints its port.
//   BENCH_DEMO=1         seeds the demo community first (as `hearth serve` does on an empty database)
//   BENCH_SCALE_ROWS=N   then fills the database with about N rows (posts + replies + reactions)
//                        with seedAtScale, and prints how long that took (seedSeconds)
//   BENCH_SESSIONS=N     makes N members, each signed in once, and prints their session cookies (cookies):
//                        for socket benchmarks, without N password hashes
//   BENCH_REPORT_MS=T    every T ms prints {report: {loopP99Ms, loopMaxMs, rssBytes, heapUsedBytes}}: the event
//                        loop's delay over that interval, and memory
// Either way it makes the bench reader (BENCH_READER, password BENCH_PASSWORD) first, so
// the scale seed puts them in every seeded group, private ones too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { automodRules, users } from '../../src/server/db/schema/index.js';
import { sessionCookieName } from '../../src/server/http/session-cookie.js';
import { loadConfig } from '../../src/server/config/index.js';
import { signUp } from '../../src/server/modules/accounts/service.js';
import { startSession } from '../../src/server/modules/accounts/session-service.js';
import { seedDemoCommunity } from '../../src/server/seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { BENCH_PASSWORD, BENCH_READER } from './members.js';
import { reportEvery } from './report-loop.js';
import { seedScale } from './seed-scale.js';

let database: TestDatabase | undefined;
if (process.env.DATABASE_URL) {
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  database = await createTestDatabase('postgres', false);
}
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
const config = loadConfig({
  ...process.env,
  DATABASE_URL: database?.url ?? '',
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  SESSION_SECRET: 'bench-session-secret-bench-session-secret',
  DEMO_SEED: 'false',
  RATE_LIMIT_AUTH_PER_MINUTE: '10000',
  // One member writes every reply of the write benchmark: the posting limit would (rightly) refuse them.
  RATE_LIMIT_POSTS_PER_10_MINUTES: '1000000',
  PUBLIC_URL: 'http://127.0.0.1',
});
const hearth = await buildApp({ config });
// Likewise automod's "posting very fast" rule would hold them: an operator can switch it off, and so does the benchmark.
await hearth.deps.db.update(automodRules).set({ enabled: false }).where(eq(automodRules.kind, 'rate_limit'));
if (process.env.BENCH_DEMO === '1') await seedDemoCommunity(hearth.deps);
const reader = await signUp(hearth.deps, { handle: BENCH_READER, password: BENCH_PASSWORD }, { ip: '127.0.0.1', userAgent: 'hearth bench' });
const scaleRows = Number(process.env.BENCH_SCALE_ROWS ?? 0);
let seedSeconds: number | undefined;
if (scaleRows > 0) {
  const started = performance.now();
  await seedScale(hearth.deps.db, scaleRows, reader.user.id);
  seedSeconds = (performance.now() - started) / 1000;
}
const cookies: string[] = [];
const sessionCount = Number(process.env.BENCH_SESSIONS ?? 0);
if (sessionCount > 0) {
  const stamp = Date.now().toString(36);
  const made = await hearth.deps.db
    .insert(users)
    .values(Array.from({ length: sessionCount }, (_, n) => ({ handle: `sock_${stamp}_${n}`, passwordHash: '!' })))
    .returning({ id: users.id });
  const cookie = sessionCookieName(hearth.deps.config);
  for (const user of made) {
    const { token } = await startSession(hearth.deps, user.id, { ip: '127.0.0.1', userAgent: 'hearth bench' });
    cookies.push(`${cookie}=${token}`);
  }
}
const address = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
console.log(
  JSON.stringify({ port: Number(new URL(address).port), driver: hearth.deps.database.driver, seedSeconds, startRssBytes: process.memoryUsage.rss(), cookies }),
);
reportEvery(Number(process.env.BENCH_REPORT_MS ?? 0));
process.on('SIGTERM', () =>
  void hearth
    .close()
    .then(() => database?.drop())
    .then(() => rmSync(dataDir, { recursive: true, force: true }))
    .then(() => process.exit(0)),
);
