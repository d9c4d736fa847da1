import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * When a community has outgrown the embedded database, measured, and the one-line way out.
 *
 * PGlite is PostgreSQL compiled to WebAssembly and run synchronously on the server's own thread, with one
 * connection: while a query runs, nothing else in the process does, not even reading the next request. So a
 * crowd does not queue at PGlite's mutex (calls rarely overlap: each runs to its end before the next request is
 * even read); it queues in front of the event loop. What a crowd feels is that loop's delay: how late work that
 * is ready gets to run (issue 14: 50 readers and 20 writers at once wait seconds on a demo-sized community).
 * Node measures it (`monitorEventLoopDelay`); the rule reads it.
 *
 * The rule (documented in README "When to switch to PostgreSQL"):
 * - live: the 99th percentile of the event loop's delay over the last minute is at least 100 ms, measured for
 *   at least 30 s (every request then starts a tenth of a second late, and waits that long again at each
 *   query: a page that takes two queries takes a third of a second or more);
 * - at start: the community holds at least 100,000 posts and replies (a conservative line, beyond the sizes
 *   the embedded database was measured at; the live rule is the measured one).
 */
export const EMBEDDED_RULE = {
  delayP99Ms: 100,
  minSeconds: 30,
  windowMs: 60_000,
  contentRows: 100_000,
} as const;

/** The one-line switch, said wherever the limit is. */
export const SWITCH_TO_POSTGRES = 'set DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/hearth and restart (the schema is created at start)';

export interface EmbeddedLoad {
  /** How long the figures cover, in seconds (up to a minute and what is measured of the next). */
  seconds: number;
  /** 99th percentile of the event loop's delay, in ms. */
  delayP99Ms: number;
  /** The longest delay, in ms. */
  delayMaxMs: number;
}

/**
 * The event loop's delay over the last full minute and the one being measured (Node's histogram, sampled every
 * 10 ms). Whichever of the two has the higher 99th percentile is reported, so a crowd shows within the minute
 * and for a minute after.
 */
export class LoopDelayMonitor {
  private current: IntervalHistogram;
  private currentSince: number;
  private last: EmbeddedLoad | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.current = monitorEventLoopDelay({ resolution: 10 });
    this.current.enable();
    this.currentSince = this.now();
    this.timer = setInterval(() => this.rotate(), EMBEDDED_RULE.windowMs);
    this.timer.unref();
  }

  private figures(histogram: IntervalHistogram, since: number): EmbeddedLoad {
    const measured = histogram.count > 0;
    return {
      seconds: Math.round((this.now() - since) / 1000),
      delayP99Ms: measured ? Math.round(histogram.percentile(99) / 1e6) : 0,
      delayMaxMs: measured ? Math.round(histogram.max / 1e6) : 0,
    };
  }

  private rotate(): void {
    this.last = this.figures(this.current, this.currentSince);
    this.current.reset();
    this.currentSince = this.now();
  }

  snapshot(): EmbeddedLoad {
    const current = this.figures(this.current, this.currentSince);
    if (!this.last || current.delayP99Ms >= this.last.delayP99Ms) return { ...current, seconds: current.seconds + (this.last?.seconds ?? 0) };
    return { ...this.last, seconds: this.last.seconds + current.seconds };
  }

  /** Forgets what was measured so far: start-up (migrations, repairs) blocks the loop, but is not a crowd. */
  restart(): void {
    this.last = undefined;
    this.current.reset();
    this.currentSince = this.now();
  }

  stop(): void {
    clearInterval(this.timer);
    this.current.disable();
  }
}

export interface EmbeddedVerdict {
  outgrown: boolean;
  /** Why, in words an operator can act on; absent when not outgrown. */
  reason?: string;
}

/** The live rule: the event loop's delay. */
export function judgeLoad(load: EmbeddedLoad): EmbeddedVerdict {
  if (load.seconds >= EMBEDDED_RULE.minSeconds && load.delayP99Ms >= EMBEDDED_RULE.delayP99Ms) {
    return {
      outgrown: true,
      reason: `work waited ${load.delayP99Ms} ms or more to run (the event loop's delay, 99th percentile over the last minute; the line is ${EMBEDDED_RULE.delayP99Ms} ms), because the embedded database runs on the server's one thread`,
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
