import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { judgeLoad, judgeSize, SWITCH_TO_POSTGRES, type EmbeddedVerdict } from '../../db/embedded-load.js';

/** What /readyz says about the embedded database (nothing on PostgreSQL). */
export function embeddedReadiness(database: Pick<DatabaseHandle, 'embeddedLoad'>) {
  if (!database.embeddedLoad) return undefined;
  const load = database.embeddedLoad.snapshot();
  const verdict = judgeLoad(load);
  return {
    database: 'embedded' as const,
    eventLoopDelayP99Ms: load.delayP99Ms,
    measuredSeconds: load.seconds,
    outgrown: verdict.outgrown,
    ...(verdict.outgrown ? { message: outgrownMessage(verdict) } : {}),
  };
}

export function outgrownMessage(verdict: EmbeddedVerdict): string {
  return `This community has outgrown the embedded database: ${verdict.reason}. Switch to PostgreSQL: ${SWITCH_TO_POSTGRES}.`;
}

/** Posts and replies, counted once at start for the banner's size rule. */
export async function countContentRows(db: Database): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select ((select count(*) from posts) + (select count(*) from replies))::int as n`));
  return row?.n ?? 0;
}

/** The start-up banner's words about the embedded database's size (empty when it is well within it). */
export async function describeEmbeddedAtStart(db: Database): Promise<string> {
  const verdict = judgeSize(await countContentRows(db));
  return verdict.outgrown ? outgrownMessage(verdict) : '';
}

/**
 * Says in the log when the live rule trips and when it clears (checked every minute), so an operator reading
 * the log learns it without polling /readyz. Returns the stop function.
 */
export function watchEmbeddedLoad(database: Pick<DatabaseHandle, 'embeddedLoad'>, log: { warn(message: string): void; info(message: string): void }, everyMs = 60_000): () => void {
  if (!database.embeddedLoad) return () => undefined;
  let outgrown = false;
  const timer = setInterval(() => {
    const verdict = judgeLoad(database.embeddedLoad!.snapshot());
    if (verdict.outgrown && !outgrown) log.warn(outgrownMessage(verdict));
    if (!verdict.outgrown && outgrown) log.info('The embedded database keeps up again: work no longer waits to run.');
    outgrown = verdict.outgrown;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
