import { buildApp } from '../app.js';
import { describeEmbeddedAtStart } from '../modules/health/embedded.js';
import { loadConfig } from '../config/index.js';
import { prepareDemoOnStart } from '../seed/demo.js';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from './data-dir-lock.js';
import { describeListening } from './listening.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
  // The embedded database is this process's alone while it serves (CLI commands refuse meanwhile).
  let dataDirLock: DataDirLock | undefined;
  try {
    dataDirLock = config.databaseUrl ? undefined : acquireDataDirLock(config.dataDir, 'serve');
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  process.on('exit', () => dataDirLock?.release());
  const hearth = await buildApp({ config, serveWeb: true, prettyLogs: process.stdout.isTTY === true });
  const { app, deps } = hearth;

  // Known demo passwords from older versions are retired; the demo is seeded only when DEMO_SEED says so.
  const demoNotice = await prepareDemoOnStart(deps);
  if (demoNotice) console.log(`\n${demoNotice}\n`);

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`${describeListening(app.server.address(), config.publicUrl)} (database: ${where}; live events: ${deps.live.pubsub.kind})`);
  // The embedded database's limit, said where the operator looks first (the live rule is in /readyz and the log).
  const outgrown = config.databaseUrl ? '' : await describeEmbeddedAtStart(deps.db);
  if (outgrown) console.log(outgrown);
  // Several nodes (Redis fans out between them) each generating its own message key cannot read each other's messages.
  if (config.redisUrl && config.messageKeys.source.kind === 'file') {
    console.log(`Message keys come from ${config.messageKeys.source.file}, this node's own. When several nodes serve, set the same MESSAGE_KEYS on every node (README "Running at scale").`);
  }

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
