import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../modules/accounts/queries.js';
import { connectLive } from '../test-support/live-socket.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../test-support/test-client.js';

/** A port nothing listens on: REDIS_URL pointing at a Redis that is not there. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let hearth: TestApp;
let baseUrl: string;
beforeAll(async () => {
  hearth = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
  baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await hearth?.close();
});

async function call(cookie: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown) {
  const started = performance.now();
  const response = await hearth.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { response, ms: performance.now() - started };
}

async function signUp() {
  const { response, ms } = await call(undefined, 'POST', '/api/auth/sign-up', { handle: uniqueHandle('nored'), password: GOOD_PASSWORD });
  expect(response.statusCode).toBe(201);
  expect(ms).toBeLessThan(2_000);
  const session = response.cookies.find((cookie) => cookie.value !== '')!;
  return { id: (response.json() as { user: { id: string } }).user.id, cookie: `${session.name}=${session.value}` };
}

describe('a node started with REDIS_URL at a dead port', () => {
  it('says it is degraded, not down, and not ready', async () => {
    const { response } = await call(undefined, 'GET', '/readyz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'degraded', checks: { database: 'ok', redis: 'unreachable' } });
  });

  it('stays up while sockets open and close, answers a crisis post at once, and still alerts staff on this node', async () => {
    const moderator = await signUp();
    await updateUser(hearth.deps.db, moderator.id, { role: 'moderator' });
    const writer = await signUp();
    expect((await call(writer.cookie, 'POST', '/api/groups/depression/join', { acceptRules: true })).response.statusCode).toBe(200);
    for (let index = 0; index < 3; index += 1) {
      const socket = connectLive(baseUrl, writer.cookie);
      await socket.waitFor((message) => message.type === 'ready');
      await socket.resume(0);
      socket.socket.close();
      await socket.closed;
    }
    const onDuty = connectLive(baseUrl, moderator.cookie);
    await onDuty.waitFor((message) => message.type === 'ready');
    await onDuty.resume(0);

    const { response, ms } = await call(writer.cookie, 'POST', '/api/groups/depression/posts', {
      title: 'Tonight',
      body: 'I have the pills in front of me and tonight is the night. Goodbye everyone.',
    });
    expect(response.statusCode).toBe(201);
    expect(ms).toBeLessThan(2_000);
    expect(response.json().support).toMatchObject({ level: 'imminent' });
    // This node's own sockets do not depend on Redis.
    await onDuty.waitFor((message) => message.event?.type === 'safety.alert' && message.event.payload.contentId === response.json().post.id);

    const signedOut = await call(moderator.cookie, 'POST', '/api/auth/sign-out', {});
    expect(signedOut.response.statusCode).toBe(200);
    expect(signedOut.ms).toBeLessThan(2_000);
    expect(await onDuty.closed).toBe(4401);
  });
});
