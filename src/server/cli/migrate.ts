import { buildApp } from '../app.js';
import { loadConfig } from '../config/index.js';
import { openDatabase, runMigrations } from '../db/index.js';
import { describeDemoMembers, retireSourceDemoPasswords, seedDemoCommunity } from '../seed/demo.js';
import { seedAtScale } from '../seed/scale.js';
import { DataDirLockedError, withDataDirLock } from './data-dir-lock.js';

/** Runs a command holding DATA_DIR; a running server is named, not raced. */
async function locked(command: string, fn: () => Promise<number>, config = loadConfig()): Promise<number> {
  try {
    return await withDataDirLock(config, command, fn);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    return 1;
  }
}

async function withDatabase<T>(fn: (deps: { db: Awaited<ReturnType<typeof openDatabase>>['db']; config: ReturnType<typeof loadConfig> }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    return await fn({ db: database.db, config });
  } finally {
    await database.close();
  }
}

export async function migrate(): Promise<number> {
  return locked('migrate', async () => {
    await withDatabase(async () => undefined);
    console.log('Migrations applied.');
    return 0;
  });
}

export async function seed(): Promise<number> {
  const config = loadConfig();
  return locked(
    'seed',
    async () => {
      // A whole node (not listening): migrations, the group catalogue and the hotlines come first.
      const hearth = await buildApp({ config, logger: false });
      try {
        const rotated = await retireSourceDemoPasswords(hearth.deps);
        if (rotated.length > 0) console.log(describeDemoMembers(rotated, 'These demo accounts had a password published in an older version of Hearth; their new passwords:'));
        const created = await seedDemoCommunity(hearth.deps);
        console.log(created.length > 0 ? describeDemoMembers(created) : 'The demo community is already there.');
        return 0;
      } finally {
        await hearth.close();
      }
    },
    config,
  );
}

/** `seed --scale N`: a community at scale, by set-based SQL (see seed/scale.ts). */
export async function seedScale(rows: number): Promise<number> {
  return locked('seed', async () => {
    const result = await withDatabase(({ db }) => seedAtScale(db, { rows }));
    const total = result.posts + result.replies + result.reactions;
    console.log(
      `Seeded ${result.posts} posts, ${result.replies} replies and ${result.reactions} reactions (${total} rows), ` +
        `${result.members} members in ${result.groups} groups, in ${(result.milliseconds / 1000).toFixed(1)} s ` +
        `(${Math.round(total / (result.milliseconds / 1000))} rows/s). The biggest thread: post ${result.bigThreadPostId}.`,
    );
    return 0;
  });
}
