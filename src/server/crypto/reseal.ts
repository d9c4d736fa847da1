import { asc, eq, gt, isNotNull, lt, or, sql } from 'drizzle-orm';
import { ConfigError } from '../config/env.js';
import { rowsOf, type Database } from '../db/index.js';
import { messages } from '../db/schema/index.js';
import { openMessageBody, sealMessageBody } from './message-body.js';
import { storedBodyColumns } from './message-columns.js';
import { MissingMessageKeyError, type MessageKeyring } from './message-keys.js';

/**
 * Re-sealing message bodies under the active key, a batch per transaction:
 * a batch is claimed with FOR UPDATE SKIP LOCKED (so several nodes, or
 * `hearth keys rotate` beside running servers, never take the same rows, and a
 * write that holds a row is passed over, not waited on), opened under its old
 * key, sealed under the active one and committed. The state is in the rows, so
 * a crash loses only the batch in hand, and a rerun carries on. The same path
 * seals an earlier version's plaintext (`scope: 'plaintext'`, run by every node
 * at start and then every few minutes, so an upgrade leaves none behind).
 */

export type ResealScope = 'plaintext' | 'all';
export const DEFAULT_BATCH_SIZE = 200;

export interface ResealTotals {
  /** Plaintext rows sealed. */
  sealed: number;
  /** Rows moved from an older key to the active one. */
  rekeyed: number;
  batches: number;
}

/** One batch: plaintext rows first, then (scope 'all') rows under any key but the active one. */
export async function resealBatch(db: Database, keys: MessageKeyring, options: { scope: ResealScope; batchSize?: number }): Promise<Omit<ResealTotals, 'batches'>> {
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const active = keys.active;
  return db.transaction(async (tx) => {
    const claim = (where: ReturnType<typeof isNotNull>) =>
      tx.select(storedBodyColumns()).from(messages).where(where).orderBy(asc(messages.id)).limit(limit).for('update', { skipLocked: true });
    let rows = await claim(isNotNull(messages.body));
    const sealed = rows.length;
    // `<>` cannot use the key_id index; two ranges can.
    if (rows.length === 0 && options.scope === 'all') rows = await claim(or(lt(messages.keyId, active.id), gt(messages.keyId, active.id))!);
    for (const row of rows) {
      const text = openMessageBody(keys, row);
      await tx.update(messages).set(sealMessageBody(keys, row.id, text)).where(eq(messages.id, row.id));
    }
    return { sealed, rekeyed: rows.length - sealed };
  });
}

/** Batches until none is left (rows a writer holds right now are taken by a later batch or a later run). */
export async function resealAll(
  db: Database,
  keys: MessageKeyring,
  options: { scope: ResealScope; batchSize?: number; onBatch?: (totals: ResealTotals) => void },
): Promise<ResealTotals> {
  const totals: ResealTotals = { sealed: 0, rekeyed: 0, batches: 0 };
  for (;;) {
    const batch = await resealBatch(db, keys, options);
    if (batch.sealed + batch.rekeyed === 0) return totals;
    totals.sealed += batch.sealed;
    totals.rekeyed += batch.rekeyed;
    totals.batches += 1;
    options.onBatch?.(totals);
  }
}

/** The key ids stored bodies name, read by a skip scan of the key_id index (a few index probes, whatever the table's size). */
export async function keyIdsInUse(db: Database): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive used(key_id) as (
      (select key_id from messages where key_id is not null order by key_id limit 1)
      union all
      select (select m.key_id from messages m where m.key_id > used.key_id order by m.key_id limit 1) from used where used.key_id is not null
    )
    select key_id from used where key_id is not null`);
  return rowsOf<{ key_id: string }>(result).map((row) => row.key_id);
}

/** How many bodies each key seals, and how many are still plaintext (`hearth keys status`). */
export async function countBodiesByKey(db: Database): Promise<{ keyId: string | null; count: number }[]> {
  const rows = await db
    .select({ keyId: messages.keyId, count: sql<number>`count(*)`.mapWith(Number) })
    .from(messages)
    .groupBy(messages.keyId)
    .orderBy(messages.keyId);
  return rows;
}

/** At start: every key a stored body names must be in the ring. Never a silent plaintext fallback. */
export async function assertKeysForStoredBodies(db: Database, keys: MessageKeyring): Promise<void> {
  const missing = (await keyIdsInUse(db)).filter((id) => !keys.has(id));
  if (missing.length > 0) throw new ConfigError(new MissingMessageKeyError(missing).message);
}
