import { describe, expect, it } from 'vitest';
import { alertFor, connectLive, useLiveTestApp } from '../../test-support/live-socket.js';

const live = useLiveTestApp('team');
const { call, signUp, crisisPost } = live;

describe('the team limit on open sockets', () => {
  it('a moderator left off the team stops hearing alerts on the socket already open, and hears them again when added back; an admin, not named, still hears them', async () => {
    const admin = await signUp('admin');
    const onTeam = await signUp('moderator');
    const offTeam = await signUp('moderator');
    const writer = await signUp();
    expect((await call(writer.cookie, 'POST', '/api/groups/depression/join', { acceptRules: true })).statusCode).toBe(200);
    const watching = connectLive(live.baseUrl, offTeam.cookie);
    const control = connectLive(live.baseUrl, onTeam.cookie);
    const adminSocket = connectLive(live.baseUrl, admin.cookie);
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
