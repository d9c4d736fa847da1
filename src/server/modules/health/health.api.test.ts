import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_RULE, QueueWaitMonitor } from '../../db/embedded-load.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const readyz = async () => {
  const response = await hearth.app.inject({ method: 'GET', url: '/readyz' });
  expect(response.statusCode).toBe(200);
  return response.json() as { status: string; embedded?: { outgrown: boolean; queueWaitP95Ms: number; calls: number; message?: string } };
};

describe('/readyz and the embedded database', () => {
  it('on PGlite, says how long calls queue for its one connection, and that a quiet community has not outgrown it', async () => {
    const body = await readyz();
    if (hearth.deps.database.driver === 'postgres') {
      expect(body).toEqual({ status: 'ready' });
      return;
    }
    expect(body.status).toBe('ready');
    expect(body.embedded).toMatchObject({ database: 'embedded', outgrown: false, queueWaitP95Ms: 0 });
    expect(body.embedded!.calls).toBeGreaterThan(0);
    expect(body.embedded!.message).toBeUndefined();
  });

  it('says a crowded embedded database is outgrown, with the switch to PostgreSQL, and still answers 200 (the only node serves)', async () => {
    // A crowd's waits, on a hand-moved clock: 300 calls made at once, 1 ms each, queue up to 299 ms.
    let now = 0;
    const monitor = new QueueWaitMonitor(() => now);
    let tail: Promise<unknown> = Promise.resolve();
    await Promise.all(
      Array.from({ length: 300 }, () =>
        monitor.track(() => {
          tail = tail.then(() => (now += 1));
          return tail;
        }),
      ),
    );
    const original = hearth.deps.database.embeddedLoad;
    hearth.deps.database.embeddedLoad = () => monitor.snapshot();
    try {
      const body = await readyz();
      expect(body.status).toBe('ready');
      expect(body.embedded).toMatchObject({ outgrown: true, queueWaitP95Ms: 284, calls: 300 });
      expect(body.embedded!.message).toContain(`the line is ${EMBEDDED_RULE.waitP95Ms} ms`);
      expect(body.embedded!.message).toContain('DATABASE_URL=postgres://');
    } finally {
      hearth.deps.database.embeddedLoad = original;
    }
  });
});
