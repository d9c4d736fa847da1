import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_RULE, judgeLoad, judgeSize, QueueWaitMonitor } from './embedded-load.js';
import { openDatabase } from './open.js';

/** A connection that runs one call at a time, each taking `ms` of a hand-moved clock. */
function fakeConnection(ms: number) {
  let now = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const monitor = new QueueWaitMonitor(() => now);
  const call = () =>
    monitor.track(() => {
      const run = tail.then(() => {
        now += ms;
      });
      tail = run;
      return run;
    });
  return { monitor, call, advance: (by: number) => (now += by) };
}

describe('the queue-wait monitor', () => {
  it('counts no wait for calls made one after another', async () => {
    const { monitor, call } = fakeConnection(5);
    for (let i = 0; i < 10; i++) await call();
    expect(monitor.snapshot()).toEqual({ calls: 10, waitP95Ms: 0, waitMaxMs: 0 });
  });

  it('measures how long calls made at once queued behind each other', async () => {
    const { monitor, call } = fakeConnection(10);
    await Promise.all(Array.from({ length: 20 }, () => call()));
    // The k-th call waited for the k calls before it: 0, 10, … 190 ms.
    expect(monitor.snapshot()).toEqual({ calls: 20, waitP95Ms: 180, waitMaxMs: 190 });
  });

  it('forgets waits older than its window', async () => {
    const { monitor, call, advance } = fakeConnection(10);
    await Promise.all(Array.from({ length: 20 }, () => call()));
    advance(EMBEDDED_RULE.windowMs + 1);
    await call();
    expect(monitor.snapshot()).toEqual({ calls: 1, waitP95Ms: 0, waitMaxMs: 0 });
  });

  it('sees PGlite’s own queue: concurrent queries through Drizzle wait for the one connection', async () => {
    const handle = await openDatabase({});
    try {
      for (let i = 0; i < 5; i++) await handle.db.execute(sql`select 1`);
      expect(handle.embeddedLoad!()).toMatchObject({ waitP95Ms: 0, waitMaxMs: 0 });
      await Promise.all(Array.from({ length: 50 }, () => handle.db.execute(sql`select count(*) from generate_series(1, 20000)`)));
      const load = handle.embeddedLoad!();
      expect(load.calls).toBeGreaterThanOrEqual(55);
      expect(load.waitMaxMs).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe('when the embedded database is outgrown', () => {
  it('says so when the 95th percentile wait reaches the line over enough calls', () => {
    expect(judgeLoad({ calls: EMBEDDED_RULE.minCalls, waitP95Ms: EMBEDDED_RULE.waitP95Ms, waitMaxMs: 900 })).toMatchObject({ outgrown: true });
    expect(judgeLoad({ calls: EMBEDDED_RULE.minCalls, waitP95Ms: EMBEDDED_RULE.waitP95Ms - 1, waitMaxMs: 900 })).toEqual({ outgrown: false });
  });

  it('does not judge from a handful of calls (one slow moment on a quiet community)', () => {
    expect(judgeLoad({ calls: EMBEDDED_RULE.minCalls - 1, waitP95Ms: 5_000, waitMaxMs: 5_000 })).toEqual({ outgrown: false });
  });

  it('says so at start when the community holds the line’s number of posts and replies', () => {
    expect(judgeSize(EMBEDDED_RULE.contentRows).outgrown).toBe(true);
    expect(judgeSize(EMBEDDED_RULE.contentRows - 1)).toEqual({ outgrown: false });
  });
});
