import { ConfigError } from '../config/env.js';
import { describeError } from '../http/logging.js';

const USAGE = `Usage: hearth <command>

Commands:
  serve                 Serve Hearth (API, live events, web app) on PORT
  migrate               Apply database migrations and exit
  seed                  Add the demo community (idempotent)
  seed --scale N        Add a community of N posts + replies + reactions (about 1/7, 3/7, 3/7), with N/50
                        members in 20-60 groups, for benchmarks and trying Hearth at scale; each run adds
                        more. Seeded members cannot sign in.
  admin create <handle> Create an admin, or make an existing member one
  risk                  Assess JSON lines {"id","text"} from standard input
  risk outcomes --admin <handle> [--out FILE]
                        Export the safety team's outcomes as labelled JSON lines
  risk train --outcomes FILE
                        Retrain the assessor with those outcomes (weights go to DATA_DIR)
  keys status           How many messages each message key seals (and which keys none uses)
  keys new              Print a new key entry for MESSAGE_KEYS
  keys rotate           DATA_DIR keyring: add a new active key and re-seal every message under it
  keys reseal           Re-seal messages under older keys under the active one, in batches
  keys retire <id>      DATA_DIR keyring: drop a key no message uses`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { serve } = await import('./serve.js');
      await serve();
      return -1; // keeps running
    }
    case 'migrate': {
      const { migrate } = await import('./migrate.js');
      return migrate();
    }
    case 'seed': {
      if (rest[0] === '--scale') {
        const rows = Number(rest[1]);
        if (!Number.isInteger(rows) || rows < 70) {
          console.error(`hearth: seed --scale needs a whole number of rows, at least 70 (got "${rest[1] ?? ''}").`);
          return 2;
        }
        const { seedScale } = await import('./migrate.js');
        return seedScale(rows);
      }
      if (rest.length > 0) break;
      const { seed } = await import('./migrate.js');
      return seed();
    }
    case 'admin': {
      if (rest[0] !== 'create') break;
      const { createAdmin } = await import('./admin.js');
      return createAdmin(rest[1]);
    }
    case 'risk': {
      if (rest[0] === 'outcomes' || rest[0] === 'train') {
        const { runLearningCommand } = await import('./risk-learning.js');
        return runLearningCommand(rest[0], rest.slice(1));
      }
      const { runRiskCli } = await import('../modules/safety/risk-cli.js');
      const errors = await runRiskCli(process.stdin, process.stdout);
      return errors > 0 ? 1 : 0;
    }
    case 'keys': {
      const { runKeysCommand } = await import('./keys.js');
      return runKeysCommand(rest);
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
  }
  console.error(`hearth: unknown command "${argv.join(' ')}".\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    // A failed query's message carries its parameters (handles, hashes, content): print only what
    // the server's log would keep (the error's class, SQLSTATE and frames).
    else console.error(`hearth: stopped on an error: ${JSON.stringify(describeError(error), null, 2)}`);
    process.exit(1);
  },
);
