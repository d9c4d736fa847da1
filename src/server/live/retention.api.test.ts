import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { liveEvents } from '../db/schema/index.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { userChannel } from './hub.js';
import { LIVE_EVENTS_KEPT_MS, LIVE_EVENTS_PRUNE_BATCH } from './retention.js';

const clock = new ManualClock();
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const DAY = 24 * 60 * 60 * 1000;

/** Live events written now (by the database's clock), then dated `ageMs` before the test clock. */
async function eventsAged(count: number, ageMs: number): Promise<number[]> {
  const channel = userChannel(crypto.randomUUID());
  const ids: number[] = [];
  for (let n = 0; n < count; n++) ids.push((await hearth.deps.live.emit(channel, 'test.aged', { n })).id);
  await hearth.deps.db.update(liveEvents).set({ createdAt: new Date(clock.now().getTime() - ageMs) }).where(inArray(liveEvents.id, ids));
  return ids;
}

const remaining = async (ids: number[]) => (await hearth.deps.db.select({ id: liveEvents.id }).from(liveEvents).where(inArray(liveEvents.id, ids))).map((row) => row.id).sort((a, b) => a - b);

describe('live events are kept for a week, then the scheduler deletes them', () => {
  it('deletes the events past their time, keeps the newer ones, and a second tick has nothing to do', async () => {
    const old = await eventsAged(3, LIVE_EVENTS_KEPT_MS + DAY);
    const recent = await eventsAged(2, LIVE_EVENTS_KEPT_MS - DAY);
    const { liveEventsPruned } = await hearth.scheduler.tick();
    expect(liveEventsPruned).toBeGreaterThanOrEqual(old.length);
    expect(await remaining(old)).toEqual([]);
    expect(await remaining(recent)).toEqual(recent);
    expect((await hearth.scheduler.tick()).liveEventsPruned).toBe(0);

    // A week on, the newer ones go too.
    clock.advance(2 * DAY);
    await hearth.scheduler.tick();
    expect(await remaining(recent)).toEqual([]);
  });

  it('clears a backlog bigger than one batch in one tick, a batch at a time', async () => {
    const channel = userChannel(crypto.randomUUID());
    const count = LIVE_EVENTS_PRUNE_BATCH + 10;
    await hearth.deps.db.insert(liveEvents).values(
      Array.from({ length: count }, (_, n) => ({ channel, type: 'test.backlog', payload: { n }, createdAt: new Date(clock.now().getTime() - 2 * LIVE_EVENTS_KEPT_MS) })),
    );
    expect((await hearth.scheduler.tick()).liveEventsPruned).toBeGreaterThanOrEqual(count);
  });
});
