import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, type LiveMessage } from '../../test-support/live-socket.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../../test-support/test-client.js';
import { updateUser } from '../accounts/queries.js';

let hearth: TestApp;
let baseUrl: string;
beforeAll(async () => {
  hearth = await createTestApp();
  // Real sockets: the gateway is exercised as a browser uses it.
  baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await hearth?.close();
});

async function call(cookie: string | undefined, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  return hearth.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

async function signUp(role?: 'admin' | 'moderator') {
  const response = await call(undefined, 'POST', '/api/auth/sign-up', { handle: uniqueHandle('team'), password: GOOD_PASSWORD });
  expect(response.statusCode).toBe(201);
  const session = response.cookies.find((cookie) => cookie.value !== '')!;
  const user = (response.json() as { user: { id: string } }).user;
  if (role) await updateUser(hearth.deps.db, user.id, { role });
  return { id: user.id, cookie: `${session.name}=${session.value}` };
}

async function crisisPost(writerCookie: string): Promise<string> {
  const response = await call(writerCookie, 'POST', '/api/groups/depression/posts', {
    title: 'Tonight',
    body: 'I have the pills in front of me and tonight is the night. Goodbye everyone.',
  });
  expect(response.statusCode).toBe(201);
  return (response.json() as { post: { id: string } }).post.id;
}

const alertFor = (postId: string) => (message: LiveMessage) => message.event?.type === 'safety.alert' && message.event.payload.contentId === postId;

describe('the team limit on open sockets', () => {
  it('a moderator left off the team stops hearing alerts on the socket already open, and hears them again when added back; an admin, not named, still hears them', async () => {
    const admin = await signUp('admin');
    const onTeam = await signUp('moderator');
    const offTeam = await signUp('moderator');
    const writer = await signUp();
    expect((await call(writer.cookie, 'POST', '/api/groups/depression/join', { acceptRules: true })).statusCode).toBe(200);
    const watching = connectLive(baseUrl, offTeam.cookie);
    const control = connectLive(baseUrl, onTeam.cookie);
    const adminSocket = connectLive(baseUrl, admin.cookie);
    for (const socket of [watching, control, adminSocket]) {
      await socket.waitFor((message) => message.type === 'ready');
      await socket.resume(0);
    }
    const before = await crisisPost(writer.cookie);
    await watching.waitFor(alertFor(before));

    expect((await call(admin.cookie, 'PATCH', '/api/safety/settings', { teamLimitedTo: [onTeam.id] })).statusCode).toBe(200);
    const during = await crisisPost(writer.cookie);
    await control.waitFor(alertFor(during));
    // Admins are always on the team, named or not.
    await adminSocket.waitFor(alertFor(during));
    // A resume is answered after everything sent before it: had the alert been pushed, it would be here.
    const replayed = await watching.resume(0);
    expect(watching.messages.some(alertFor(during))).toBe(false);
    expect(replayed.filter((message) => message.event?.channel === 'staff:safety')).toEqual([]);

    expect((await call(admin.cookie, 'PATCH', '/api/safety/settings', { teamLimitedTo: null })).statusCode).toBe(200);
    const after = await crisisPost(writer.cookie);
    await watching.waitFor(alertFor(after));
    for (const socket of [watching, control, adminSocket]) socket.socket.close();
  });
});
