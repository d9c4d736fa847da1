import type { Database } from '../db/index.js';
import type { MessageKeyring } from './message-keys.js';
import { resealAll } from './reseal.js';

/** How often each node looks for plaintext bodies: an older node in a rolling upgrade may still write some. */
export const SWEEP_INTERVAL_MS = 5 * 60_000;

export interface PlaintextSweep {
  /** One sweep, awaited (what the timer runs). */
  run(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Seals bodies that versions before encryption at rest stored as plaintext:
 * at start (in the background: a large upgrade does not hold up serving), then
 * every few minutes. Batches are claimed with SKIP LOCKED, so nodes share the work.
 */
export function startPlaintextSweep(deps: { db: Database; keys: MessageKeyring; log: { info(details: object, message: string): void; warn(details: object, message: string): void } }, options: { enabled: boolean }): PlaintextSweep {
  let running: Promise<number> | undefined;
  const run = () =>
    (running ??= resealAll(deps.db, deps.keys, { scope: 'plaintext' })
      .then((totals) => {
        if (totals.sealed > 0) deps.log.info({ sealed: totals.sealed }, 'message bodies from an earlier version sealed at rest');
        return totals.sealed;
      })
      .finally(() => (running = undefined)));
  const runLogged = () => void run().catch((error: unknown) => deps.log.warn({ err: error }, 'sealing plaintext message bodies failed; retried on the next sweep'));
  let timer: ReturnType<typeof setInterval> | undefined;
  if (options.enabled) {
    runLogged();
    timer = setInterval(runLogged, SWEEP_INTERVAL_MS);
    timer.unref();
  }
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
