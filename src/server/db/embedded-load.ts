/**
 * When a community has outgrown the embedded database, measured, and the one-line way out.
 *
 * PGlite is PostgreSQL compiled to WebAssembly, run on the server's own thread, with ONE connection: every query,
 * exec and transaction takes PGlite's mutex in turn (FIFO), and while one runs no HTTP request is served. Past
 * what that one connection can do, work queues; the queue, not a slow query, is what a crowd feels (issue 14:
 * 50 readers and 20 writers at once queue for seconds on a demo-sized community, while the same server over
 * PostgreSQL does not). So the live rule is the wait itself: how long calls waited for the connection.
 *
 * The rule (documented in README "When to switch to PostgreSQL"):
 * - live: the 95th percentile of the wait over the last minute is at least 100 ms, over at least 200 calls
 *   (a reader then waits a tenth of a second for the database before any work is done for them, and p99 is
 *   several times that);
 * - at start: the community holds at least 100,000 posts and replies (a conservative line, beyond the sizes
 *   the embedded database was measured at; the live rule is the measured one).
 */
export const EMBEDDED_RULE = {
  waitP95Ms: 100,
  minCalls: 200,
  windowMs: 60_000,
  contentRows: 100_000,
} as const;

/** The one-line switch, said wherever the limit is. */
export const SWITCH_TO_POSTGRES = 'set DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/hearth and restart (the schema is created at start)';

export interface EmbeddedLoad {
  /** Calls to the connection in the window. */
  calls: number;
  /** 95th percentile of their wait for the connection, in ms (0 with no calls). */
  waitP95Ms: number;
  /** The longest wait in the window, in ms. */
  waitMaxMs: number;
}

/**
 * Measures how long each call waited for PGlite's one connection. The mutex is FIFO and calls do not overlap,
 * so a call began when it was made or when the call finished before it, whichever was later: its wait is the
 * gap between being made and that moment. Kept for `windowMs`, bounded in memory.
 */
export class QueueWaitMonitor {
  private lastFinish = Number.NEGATIVE_INFINITY;
  private readonly waits: { at: number; ms: number }[] = [];

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs: number = EMBEDDED_RULE.windowMs,
    private readonly maxSamples = 20_000,
  ) {}

  /** Runs one call to the connection (a query, an exec, a whole transaction) and records its wait. */
  async track<T>(call: () => Promise<T>): Promise<T> {
    const madeAt = this.now();
    try {
      return await call();
    } finally {
      const finishedAt = this.now();
      this.record(finishedAt, Math.max(0, Math.min(this.lastFinish, finishedAt) - madeAt));
      this.lastFinish = finishedAt;
    }
  }

  private record(at: number, ms: number): void {
    this.waits.push({ at, ms });
    if (this.waits.length > this.maxSamples) this.waits.splice(0, this.waits.length - this.maxSamples);
  }

  snapshot(): EmbeddedLoad {
    const since = this.now() - this.windowMs;
    let first = 0;
    while (first < this.waits.length && this.waits[first]!.at < since) first += 1;
    if (first > 0) this.waits.splice(0, first);
    const sorted = this.waits.map((wait) => wait.ms).sort((a, b) => a - b);
    if (sorted.length === 0) return { calls: 0, waitP95Ms: 0, waitMaxMs: 0 };
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
    return { calls: sorted.length, waitP95Ms: Math.round(p95), waitMaxMs: Math.round(sorted[sorted.length - 1]!) };
  }
}

export interface EmbeddedVerdict {
  outgrown: boolean;
  /** Why, in words an operator can act on; absent when not outgrown. */
  reason?: string;
}

/** The live rule: the queue for the one connection. */
export function judgeLoad(load: EmbeddedLoad): EmbeddedVerdict {
  if (load.calls >= EMBEDDED_RULE.minCalls && load.waitP95Ms >= EMBEDDED_RULE.waitP95Ms) {
    return {
      outgrown: true,
      reason: `database calls waited ${load.waitP95Ms} ms or more for the embedded database's one connection (95th percentile of ${load.calls} calls in the last minute; the line is ${EMBEDDED_RULE.waitP95Ms} ms)`,
    };
  }
  return { outgrown: false };
}

/** The start-up rule: the size of the community. */
export function judgeSize(contentRows: number): EmbeddedVerdict {
  if (contentRows >= EMBEDDED_RULE.contentRows) {
    return { outgrown: true, reason: `${contentRows} posts and replies (the line is ${EMBEDDED_RULE.contentRows})` };
  }
  return { outgrown: false };
}
