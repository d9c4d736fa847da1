import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { liveEvents, sessions } from '../db/schema/index.js';
import { alertFor, connectLive, useLiveTestApp, type LiveSocket } from '../test-support/live-socket.js';
import { staffChannel } from './hub.js';

const live = useLiveTestApp('live');
const { call, signUp, crisisPost } = live;

describe('role changes and sign-outs take effect on open sockets', () => {
  it('a moderator demoted while connected hears no new alert, and resuming from 0 replays no staff events', async () => {
    const admin = await signUp('admin');
    const colleague = await signUp('moderator');
    const demoted = await signUp();
    expect((await call(admin.cookie, 'PATCH', `/api/admin/users/${demoted.id}`, { role: 'moderator' })).statusCode).toBe(200);
    const writer = await signUp();
    expect((await call(writer.cookie, 'POST', '/api/groups/depression/join', { acceptRules: true })).statusCode).toBe(200);
    const before = await crisisPost(writer.cookie);

    const watching = connectLive(live.baseUrl, demoted.cookie);
    const idle = connectLive(live.baseUrl, demoted.cookie);
    const control = connectLive(live.baseUrl, colleague.cookie);
    for (const socket of [watching, idle, control]) await socket.waitFor((message) => message.type === 'ready');
    await control.resume(0);
    // While a moderator, the past alert is theirs to see.
    expect((await watching.resume(0)).some(alertFor(before))).toBe(true);

    expect((await call(admin.cookie, 'PATCH', `/api/admin/users/${demoted.id}`, { role: 'member' })).statusCode).toBe(200);

    const after = await crisisPost(writer.cookie);
    // The moderator still on duty hears it: each alert is fanned out to every staff socket on a node in one pass.
    await control.waitFor(alertFor(after));
    await watching.resume(0);
    expect(watching.messages.some(alertFor(after))).toBe(false);

    // A socket opened while a moderator and resuming only now: the role at the time of the request decides.
    const replayed = await idle.resume(0);
    expect(replayed.filter((message) => message.event?.channel === staffChannel)).toEqual([]);
    expect(idle.messages.some(alertFor(after))).toBe(false);
    for (const socket of [watching, idle, control]) socket.socket.close();
  });

  it('a member promoted while connected starts hearing alerts on the socket already open', async () => {
    const admin = await signUp('admin');
    const promoted = await signUp();
    const writer = await signUp();
    expect((await call(writer.cookie, 'POST', '/api/groups/depression/join', { acceptRules: true })).statusCode).toBe(200);
    const socket = connectLive(live.baseUrl, promoted.cookie);
    await socket.waitFor((message) => message.type === 'ready');
    await socket.resume(0);
    expect((await call(admin.cookie, 'PATCH', `/api/admin/users/${promoted.id}`, { role: 'moderator' })).statusCode).toBe(200);
    await socket.waitFor((message) => message.event?.type === 'account.role_changed');
    await socket.resume(0); // the role is re-read before this answers
    const postId = await crisisPost(writer.cookie);
    await socket.waitFor(alertFor(postId));
    socket.socket.close();
  });

  it('a moderator tab left idle past the session idle limit hears no new alert and its socket is closed', async () => {
    const idle = await signUp('moderator');
    const onDuty = await signUp('moderator');
    const writer = await signUp();
    expect((await call(writer.cookie, 'POST', '/api/groups/depression/join', { acceptRules: true })).statusCode).toBe(200);
    const idleSocket = connectLive(live.baseUrl, idle.cookie);
    const control = connectLive(live.baseUrl, onDuty.cookie);
    for (const socket of [idleSocket, control]) {
      await socket.waitFor((message) => message.type === 'ready');
      await socket.resume(0);
    }
    // The tab stays open while its session makes no request for longer than the idle limit (the clock moved on).
    const idleFor = live.hearth.deps.config.session.idleMs + 60_000;
    await live.hearth.deps.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - idleFor) })
      .where(eq(sessions.userId, idle.id));
    // HTTP already says the session is over.
    expect((await call(idle.cookie, 'GET', '/api/me')).statusCode).toBe(401);

    const postId = await crisisPost(writer.cookie);
    await control.waitFor(alertFor(postId));
    // Whichever comes first: the alert (the idle tab still hears staff events) or the close.
    const outcome = await Promise.race([idleSocket.closed, idleSocket.waitFor(alertFor(postId)).then(() => 'heard the alert', () => 'neither')]);
    expect(outcome).toBe(4401);
    expect(idleSocket.messages.some(alertFor(postId))).toBe(false);
    control.socket.close();
  });

  it('signing out closes that session’s socket', async () => {
    const member = await signUp('moderator');
    const socket = connectLive(live.baseUrl, member.cookie);
    await socket.waitFor((message) => message.type === 'ready');
    await socket.resume(0);
    expect((await call(member.cookie, 'POST', '/api/auth/sign-out', {})).statusCode).toBe(200);
    expect(await socket.closed).toBe(4401);
  });
});

describe('replay', () => {
  it('a moderator resuming after an outage gets every alert raised meanwhile, beyond one page', async () => {
    const moderator = await signUp('moderator');
    const socket = connectLive(live.baseUrl, moderator.cookie);
    const { lastEventId } = await socket.waitFor((message) => message.type === 'ready');
    // Alerts written while fan-out was down: rows only, never announced (more than two pages of 500).
    const missed = await live.hearth.deps.db
      .insert(liveEvents)
      .values(Array.from({ length: 1_201 }, (_, index) => ({ channel: staffChannel, type: 'safety.alert', payload: { contentId: `missed-${index}` } })))
      .returning({ id: liveEvents.id });

    const replayed = await socket.resume(lastEventId ?? 0);
    const ids = replayed.flatMap((message) => (message.event ? [message.event.id] : []));
    expect(ids).toEqual(missed.map((row) => row.id));
    socket.socket.close();
  });

  it('two resumes sent at once are served one after the other: every missed event arrives once, in order', async () => {
    const moderator = await signUp('moderator');
    const socket = connectLive(live.baseUrl, moderator.cookie);
    const { lastEventId } = await socket.waitFor((message) => message.type === 'ready');
    const missed = await live.hearth.deps.db
      .insert(liveEvents)
      .values(Array.from({ length: 2_600 }, (_, index) => ({ channel: staffChannel, type: 'safety.alert', payload: { contentId: `twice-${index}` } })))
      .returning({ id: liveEvents.id });

    const from = socket.messages.length;
    socket.socket.send(JSON.stringify({ type: 'resume', since: lastEventId ?? 0 }));
    socket.socket.send(JSON.stringify({ type: 'resume', since: lastEventId ?? 0 }));
    await socket.waitFor((message) => message.type === 'resumed');
    await eventuallyTwoResumed(socket, from);
    const ids = socket.messages.slice(from).flatMap((message) => (message.event ? [message.event.id] : []));
    expect(ids).toEqual(missed.map((row) => row.id));
    socket.socket.close();
  });
});

/** Waits for the answers to two resumes: the second `resumed` after `from`. */
async function eventuallyTwoResumed(socket: LiveSocket, from: number): Promise<void> {
  await socket.waitFor(() => socket.messages.slice(from).filter((message) => message.type === 'resumed').length >= 2, 20_000);
}
