import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { liveEvents } from '../db/schema/index.js';
import { connectLive, type LiveMessage } from '../test-support/live-socket.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../test-support/test-client.js';
import { userChannel } from './hub.js';
import { LIVE_EVENTS_KEPT_MS } from './retention.js';

/**
 * Attacker's review of live-event retention (issue 15). It failed before its fix.
 *
 * A real member could: leave a tab open on a phone that sleeps for more than a week (a hospital stay, a crisis, a
 * holiday: exactly when a peer-support member is away). The web client keeps the last event id it saw in
 * localStorage and, on waking, sends `resume` from it. Meanwhile the scheduler deleted everything older than a week,
 * including what was written for this member while they were away (a message, a request, a reply to their post).
 * The gateway replays from the id anyway and answers `resumed` as if nothing was lost, and the client has no
 * full-refresh path on reconnect: the member sees a quiet screen and never learns that someone reached out.
 * The server knows the gap (the oldest kept id is past `since`); it must say so, so the client reloads.
 */

const clock = new ManualClock();
const DAY = 24 * 60 * 60 * 1000;
let hearth: TestApp;
let baseUrl: string;
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
  baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await hearth?.close();
});

async function signUp(): Promise<{ id: string; cookie: string }> {
  const response = await hearth.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ handle: uniqueHandle('retatk'), password: GOOD_PASSWORD }),
  });
  expect(response.statusCode).toBe(201);
  const session = response.cookies.find((cookie) => cookie.value !== '')!;
  return { id: (response.json() as { user: { id: string } }).user.id, cookie: `${session.name}=${session.value}` };
}

/** Any message by which the server says "what you missed is gone: reload", however it is spelt. */
const saysHistoryIsIncomplete = (message: LiveMessage) => {
  const loose = message as LiveMessage & { reset?: unknown; complete?: unknown; gap?: unknown };
  return message.type === 'reset' || loose.reset === true || loose.complete === false || loose.gap === true;
};

describe('attack: resuming from before the retention window', () => {
  it('a socket resuming from an id whose successors were pruned is told its history is incomplete', async () => {
    const member = await signUp();
    const channel = userChannel(member.id);
    // The last event the sleeping tab saw, then one written for the member while they were away.
    const seen = await hearth.deps.live.emit(channel, 'test.seen', {});
    const missed = await hearth.deps.live.emit(channel, 'test.missed', {});
    const away = new Date(clock.now().getTime() - LIVE_EVENTS_KEPT_MS - DAY);
    await hearth.deps.db.update(liveEvents).set({ createdAt: away }).where(inArray(liveEvents.id, [seen.id, missed.id]));
    await hearth.scheduler.tick();
    expect(await hearth.deps.db.select({ id: liveEvents.id }).from(liveEvents).where(inArray(liveEvents.id, [missed.id]))).toEqual([]);

    const socket = connectLive(baseUrl, member.cookie);
    await socket.waitFor((message) => message.type === 'ready');
    const between = await socket.resume(seen.id);
    const resumed = socket.messages.find((message) => message.type === 'resumed')!;
    expect([...between, resumed].some(saysHistoryIsIncomplete)).toBe(true);
    socket.socket.close();
  });
});
