import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_RULE } from '../../db/embedded-load.js';
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
  return response.json() as { status: string; embedded?: { outgrown: boolean; eventLoopDelayP99Ms: number; measuredSeconds: number; message?: string } };
};

describe('/readyz and the embedded database', () => {
  it('on PGlite, says how late work runs on the server’s thread, and that a quiet community has not outgrown it', async () => {
    const body = await readyz();
    if (hearth.deps.database.driver === 'postgres') {
      expect(body).toEqual({ status: 'ready' });
      return;
    }
    expect(body.status).toBe('ready');
    expect(body.embedded).toMatchObject({ database: 'embedded', outgrown: false });
    expect(body.embedded!.eventLoopDelayP99Ms).toBeGreaterThanOrEqual(0);
    expect(body.embedded!.message).toBeUndefined();
  });

  it('says a crowded embedded database is outgrown, with the switch to PostgreSQL, and still answers 200 (the only node serves)', async () => {
    // What the server measured under 50 readers and 20 writers (bench/embedded-crowd.bench.ts): seconds of delay.
    const crowd = { seconds: 60, delayP99Ms: 640, delayMaxMs: 1900 };
    const original = hearth.deps.database.embeddedLoad;
    hearth.deps.database.embeddedLoad = { snapshot: () => crowd, restart: () => undefined };
    try {
      const body = await readyz();
      expect(body.status).toBe('ready');
      expect(body.embedded).toMatchObject({ outgrown: true, eventLoopDelayP99Ms: 640, measuredSeconds: 60 });
      expect(body.embedded!.message).toContain(`the line is ${EMBEDDED_RULE.delayP99Ms} ms`);
      expect(body.embedded!.message).toContain('DATABASE_URL=postgres://');
    } finally {
      hearth.deps.database.embeddedLoad = original;
    }
  });
});
