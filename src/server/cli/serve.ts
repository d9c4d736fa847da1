import { buildApp } from '../app.js';
import { loadConfig } from '../config/index.js';
import { describeListening } from './listening.js';
import { databaseIsEmpty, describeDemoMembers, seedDemoCommunity } from '../seed/demo.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const hearth = await buildApp({ config, serveWeb: true, prettyLogs: process.stdout.isTTY === true });
  const { app, deps } = hearth;

  // The demo community is for a first look on the embedded database only.
  if (!config.databaseUrl && config.demoSeed && (await databaseIsEmpty(deps))) {
    const created = await seedDemoCommunity(deps);
    if (created.length > 0) console.log(`\n${describeDemoMembers(created)}\n`);
  }

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`${describeListening(app.server.address(), config.publicUrl)} (database: ${where}; live events: ${deps.live.pubsub.kind})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await hearth.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
