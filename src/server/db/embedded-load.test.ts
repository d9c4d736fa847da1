import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_RULE, judgeLoad, judgeSize } from './embedded-load.js';
import { openDatabase } from './open.js';

/** One turn of the event loop, so the delay monitor's timer fires (not a sleep: no time is waited for). */
const nextTurns = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the embedded database’s load', () => {
  it('shows a PGlite query as delay of the whole process: the WebAssembly runs on the server’s own thread', async () => {
    const handle = await openDatabase({});
    try {
      handle.embeddedLoad!.restart();
      await nextTurns();
      const quiet = handle.embeddedLoad!.snapshot().delayMaxMs;
      const started = performance.now();
      await handle.db.execute(sql`select count(*) from generate_series(1, 3000000)`);
      const ran = performance.now() - started;
      await nextTurns();
      const after = handle.embeddedLoad!.snapshot();
      expect(quiet).toBeLessThan(ran / 2);
      // The monitor's 10 ms timer could not fire while the query ran: its delay is about the query's time.
      expect(after.delayMaxMs).toBeGreaterThanOrEqual(Math.floor(ran / 2));
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe('when the embedded database is outgrown', () => {
  it('says so when the 99th percentile of the delay reaches the line, measured long enough', () => {
    const at = { seconds: EMBEDDED_RULE.minSeconds, delayP99Ms: EMBEDDED_RULE.delayP99Ms, delayMaxMs: 900 };
    expect(judgeLoad(at)).toMatchObject({ outgrown: true });
    expect(judgeLoad(at).reason).toContain(`the line is ${EMBEDDED_RULE.delayP99Ms} ms`);
    expect(judgeLoad({ ...at, delayP99Ms: EMBEDDED_RULE.delayP99Ms - 1 })).toEqual({ outgrown: false });
  });

  it('does not judge from a few seconds (one slow moment on a quiet community)', () => {
    expect(judgeLoad({ seconds: EMBEDDED_RULE.minSeconds - 1, delayP99Ms: 5_000, delayMaxMs: 5_000 })).toEqual({ outgrown: false });
  });

  it('says so at start when the community holds the line’s number of posts and replies', () => {
    expect(judgeSize(EMBEDDED_RULE.contentRows).outgrown).toBe(true);
    expect(judgeSize(EMBEDDED_RULE.contentRows - 1)).toEqual({ outgrown: false });
  });
});
