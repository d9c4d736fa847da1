import { describe, expect, it } from 'vitest';
import { connectLive, useLiveTestApp, type LiveSocket } from '../test-support/live-socket.js';
import { CLOSE_TOO_MANY_SOCKETS, MAX_SOCKETS_PER_MEMBER } from './gateway.js';
import { userChannel } from './hub.js';

const live = useLiveTestApp('pressure');

/** Live events on the member's own channel, each carrying `bytes` of filler, written at once and pushed; their ids. */
async function flood(userId: string, count: number, bytes: number): Promise<number[]> {
  const { db, live: hub } = live.hearth.deps;
  const filler = 'x'.repeat(bytes);
  const events = await db.transaction(async (tx) => {
    const written = [];
    for (let n = 0; n < count; n++) written.push(await hub.record(tx, userChannel(userId), 'test.filler', { n, filler }));
    return written;
  });
  await hub.announce(events);
  return events.map((event) => event.id);
}

/** Connects until a socket is taken (ready) or the deadline passes. */
async function connectWithin(cookie: string, ms: number): Promise<LiveSocket> {
  const deadline = Date.now() + ms;
  for (;;) {
    const socket = connectLive(live.baseUrl, cookie);
    const outcome = await Promise.race([socket.waitFor((message) => message.type === 'ready').then(() => 'ready' as const), socket.closed]);
    if (outcome === 'ready') return socket;
    if (Date.now() > deadline) throw new Error(`still refused (close code ${outcome})`);
  }
}

const eventIds = (socket: LiveSocket) => socket.messages.flatMap((message) => (message.event ? [message.event.id] : []));

describe('a client that does not read cannot grow server memory', () => {
  it('is cut off once a megabyte waits for it, and resuming gets exactly what it missed', async () => {
    const member = await live.signUp();
    const slow = connectLive(live.baseUrl, member.cookie);
    const ready = await slow.waitFor((message) => message.type === 'ready');
    await slow.resume(ready.lastEventId ?? 0);
    // The client stops reading: its kernel buffers fill, then the server's own buffer would grow without bound.
    const tcp = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    // 16 MB in 16 KB events: past what the kernel's socket buffers hold on both sides.
    const sent = await flood(member.id, 1000, 16 * 1024);
    tcp.resume();
    // Cut off without a close frame (one would wait behind the unread bytes): an abnormal closure.
    expect(await slow.closed).toBe(1006);
    const read = eventIds(slow);
    expect(read.length, 'the server stopped sending to it').toBeLessThan(sent.length);

    // Reconnecting, it resumes from the last event it read: the rest arrive once each, none lost.
    const again = connectLive(live.baseUrl, member.cookie);
    await again.waitFor((message) => message.type === 'ready');
    await again.resume(read.at(-1) ?? ready.lastEventId ?? 0);
    expect([...read, ...eventIds(again)]).toEqual(sent);
    again.socket.close();
  });
});

describe('open sockets per member', () => {
  it(`refuses a socket over ${MAX_SOCKETS_PER_MEMBER} on a node, and takes one again once another closes`, async () => {
    const member = await live.signUp();
    const other = await live.signUp();
    const open: LiveSocket[] = [];
    for (let n = 0; n < MAX_SOCKETS_PER_MEMBER; n++) open.push(connectLive(live.baseUrl, member.cookie));
    await Promise.all(open.map((socket) => socket.waitFor((message) => message.type === 'ready')));

    const refused = connectLive(live.baseUrl, member.cookie);
    expect(await refused.closed).toBe(CLOSE_TOO_MANY_SOCKETS);
    // Another member is unaffected.
    const someoneElse = connectLive(live.baseUrl, other.cookie);
    await someoneElse.waitFor((message) => message.type === 'ready');

    const closing = open.pop()!;
    closing.socket.close();
    await closing.closed;
    // The server counts the socket gone when its own side closes, a moment after the client's: retry as the client's
    // back-off does, until a deadline.
    const replacement = await connectWithin(member.cookie, 5_000);
    for (const socket of [...open, replacement, someoneElse]) socket.socket.close();
  });
});
