/**
 * `hearth keys …`: the keys message bodies are sealed under (crypto/message-keys.ts).
 *   keys status          how many bodies each key seals; which keys no body uses (retirable)
 *   keys new             print a new key entry for MESSAGE_KEYS
 *   keys rotate          DATA_DIR keyring: add a new active key, then re-seal every body under it
 *   keys reseal          re-seal bodies under older keys (and any plaintext) under the active key
 *   keys retire <id>     DATA_DIR keyring: drop a key no body uses any more
 * Re-sealing goes a batch per transaction (FOR UPDATE SKIP LOCKED), so on
 * PostgreSQL it runs while the servers serve, and a rerun carries on after a crash.
 * Exit codes: 0 done, 1 refused or failed, 2 a usage error.
 */
import { loadConfig, type Config } from '../config/index.js';
import { addActiveKeyToFile, formatKeyEntry, generateKey, removeKeyFromFile } from '../crypto/message-keys.js';
import { countBodiesByKey, DEFAULT_BATCH_SIZE, resealAll } from '../crypto/reseal.js';
import { openDatabase, runMigrations, type Database } from '../db/index.js';
import { DataDirLockedError, withDataDirLock } from './data-dir-lock.js';

export const KEYS_USAGE = `Usage: hearth keys <status | new | rotate | reseal | retire <id>> [--batch N]`;

export interface KeysIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const terminal: KeysIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

const ENV_ROTATION = [
  'The keys come from MESSAGE_KEYS (or DM_ENCRYPTION_KEY), which this command cannot change. To rotate:',
  '  1. `npx hearth keys new` prints a new key entry.',
  '  2. Add it at the END of MESSAGE_KEYS on every node and restart them (each can then read what the others seal under it).',
  '  3. Move it to the FRONT (it becomes the active key) on every node and restart them.',
  '  4. `npx hearth keys reseal` re-seals every message under it, in batches, while the nodes serve.',
  '  5. When `npx hearth keys status` shows no message under an old key, remove that key from MESSAGE_KEYS (DM_ENCRYPTION_KEY: unset it).',
].join('\n');

/** Runs the database part of a command: migrated first; on the embedded database, not while a server holds it. */
export type WithDatabase = <T>(fn: (db: Database) => Promise<T>) => Promise<T>;

export async function keysCommand(args: string[], config: Config, withDatabase: WithDatabase, io: KeysIo = terminal): Promise<number> {
  const [sub, ...rest] = args;
  const batchAt = rest.indexOf('--batch');
  const batchSize = batchAt >= 0 ? Number(rest[batchAt + 1]) : DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    io.err(`hearth keys: --batch needs a whole number from 1 to 10000.\n${KEYS_USAGE}`);
    return 2;
  }
  const reseal = (keys: Config['messageKeys']) =>
    withDatabase(async (db) => {
      const totals = await resealAll(db, keys, {
        scope: 'all',
        batchSize,
        onBatch: (sofar) => io.out(`  ${sofar.rekeyed + sofar.sealed} re-sealed so far (${sofar.batches} batches)`),
      });
      io.out(
        totals.batches === 0
          ? `Every message is already sealed under the active key "${keys.active.id}".`
          : `Re-sealed ${totals.rekeyed} messages from older keys and sealed ${totals.sealed} plaintext ones under "${keys.active.id}".`,
      );
      return 0;
    });
  switch (sub) {
    case 'new':
      io.out(formatKeyEntry(generateKey()));
      return 0;
    case 'status':
      return withDatabase(async (db) => {
        const counts = await countBodiesByKey(db);
        const ring = config.messageKeys;
        io.out(`Keys (${ring.source.kind === 'file' ? ring.source.file : 'from MESSAGE_KEYS / DM_ENCRYPTION_KEY'}):`);
        for (const id of ring.ids()) {
          const count = counts.find((row) => row.keyId === id)?.count ?? 0;
          const role = id === ring.active.id ? 'active' : count === 0 ? 'no message uses it: can be retired' : 'older: `hearth keys reseal` moves its messages to the active key';
          io.out(`  ${id}: ${count} messages (${role})`);
        }
        for (const row of counts) {
          if (row.keyId === null) io.out(`  plaintext from an earlier version: ${row.count} messages (sealed by the servers' sweep or \`hearth keys reseal\`)`);
          else if (!ring.has(row.keyId)) io.out(`  ${row.keyId}: ${row.count} messages under a key this configuration lacks`);
        }
        return 0;
      });
    case 'rotate': {
      const ring = config.messageKeys;
      if (ring.source.kind !== 'file') {
        io.err(ENV_ROTATION);
        return 1;
      }
      const file = ring.source.file;
      // The database first: on the embedded one a running server refuses the whole command before the key is added.
      return withDatabase(async (db) => {
        const fresh = addActiveKeyToFile(file);
        io.out(`Added the key "${fresh.id}" to ${file}; it is now the active key. Back the file up: without it, messages cannot be read.`);
        ring.reload();
        const totals = await resealAll(db, ring, {
          scope: 'all',
          batchSize,
          onBatch: (sofar) => io.out(`  ${sofar.rekeyed + sofar.sealed} re-sealed so far (${sofar.batches} batches)`),
        });
        io.out(`Re-sealed ${totals.rekeyed + totals.sealed} messages under "${fresh.id}". If this stopped part way, \`hearth keys reseal\` carries on.`);
        io.out('Older keys stay in the file to read with; `hearth keys status` shows when none is used, and `hearth keys retire <id>` drops one.');
        return 0;
      });
    }
    case 'reseal':
      return reseal(config.messageKeys);
    case 'retire': {
      const id = rest[0];
      if (!id || id.startsWith('--')) {
        io.err(`hearth keys retire: name the key id.\n${KEYS_USAGE}`);
        return 2;
      }
      const ring = config.messageKeys;
      if (ring.source.kind !== 'file') {
        io.err('The keys come from MESSAGE_KEYS: when `hearth keys status` shows no message under it, remove the key from MESSAGE_KEYS on every node.');
        return 1;
      }
      const file = ring.source.file;
      return withDatabase(async (db) => {
        const inUse = (await countBodiesByKey(db)).find((row) => row.keyId === id)?.count ?? 0;
        if (inUse > 0) {
          io.err(`hearth keys retire: ${inUse} messages are still sealed under "${id}". Run \`hearth keys reseal\` first.`);
          return 1;
        }
        try {
          removeKeyFromFile(file, id);
          ring.reload();
        } catch (error) {
          io.err(`hearth keys retire: ${(error as Error).message}.`);
          return 1;
        }
        io.out(`Retired "${id}": removed from ${file}.`);
        return 0;
      });
    }
  }
  io.err(KEYS_USAGE);
  return 2;
}

/** The `hearth keys` entry point: the configured database, migrated, under the DATA_DIR lock. */
export async function runKeysCommand(args: string[]): Promise<number> {
  const config = loadConfig();
  const withDatabase: WithDatabase = (fn) =>
    withDataDirLock(config, `keys ${args[0] ?? ''}`.trim(), async () => {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await runMigrations(database);
        return await fn(database.db);
      } finally {
        await database.close();
      }
    });
  try {
    return await keysCommand(args, config, withDatabase);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    return 1;
  }
}
