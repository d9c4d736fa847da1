// A Hearth node for the alert-latency benchmark, in its own process. DATABASE_URL is used as given (several
// nodes share one database; the benchmark makes and drops it), or a fresh PGlite folder when empty. A line
// {"staff": "<user id>"} on standard input makes that member an on-duty moderator (a PGlite node's database
// is reachable only from inside it); it answers {"staff": "<id>"}. Prints its port.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config/index.js';
import { safetyDuty } from '../../src/server/db/schema/index.js';
import { updateUser } from '../../src/server/modules/accounts/queries.js';

const config = loadConfig({
  ...process.env,
  NODE_ENV: 'production',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'hearth-bench-alerts-')),
  LOG_LEVEL: 'warn',
  SESSION_SECRET: 'bench-session-secret-bench-session-secret',
  RATE_LIMIT_AUTH_PER_MINUTE: '10000',
  PUBLIC_URL: 'http://127.0.0.1',
});
const hearth = await buildApp({ config, logger: false });
const address = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ port: Number(new URL(address).port), driver: hearth.deps.database.driver, live: hearth.deps.live.pubsub.kind }));

createInterface({ input: process.stdin }).on('line', (line) => {
  const { staff } = JSON.parse(line) as { staff: string };
  void (async () => {
    await updateUser(hearth.deps.db, staff, { role: 'moderator' });
    await hearth.deps.db.insert(safetyDuty).values({ userId: staff, since: new Date() }).onConflictDoNothing();
    console.log(JSON.stringify({ staff }));
  })();
});
process.on('SIGTERM', () => void hearth.close().then(() => process.exit(0)));
