import { loadConfig } from '../config/index.js';
import { openDatabase, runMigrations } from '../db/index.js';
import { exportOutcomesCommand, trainCommand } from '../modules/safety/outcomes-cli.js';
import { DataDirLockedError, withDataDirLock } from './data-dir-lock.js';

/** `hearth risk outcomes …` and `hearth risk train …` (src/server/modules/safety/outcomes-cli.ts). */
export async function runLearningCommand(command: 'outcomes' | 'train', args: string[]): Promise<number> {
  const config = loadConfig();
  if (command === 'train') return trainCommand(args, config, new Date());
  try {
    // Reads the database: on the embedded one, not while a server holds it.
    return await withDataDirLock(config, 'risk outcomes', async () => {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await runMigrations(database);
        return await exportOutcomesCommand(args, database.db, config.messageKeys);
      } finally {
        await database.close();
      }
    });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    return 1;
  }
}
