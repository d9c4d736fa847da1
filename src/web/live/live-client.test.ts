import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, LiveClient, readLastEventId, type LiveEvent, type LiveStatus } from './live-client.js';

/** A WebSocket stand-in the test drives by hand: open it, push messages, close it. */
class FakeSocket extends EventTarget {
  static instances: FakeSocket[] = [];
  sent: unknown[] = [];
  closedWith: number | undefined;
  constructor(readonly url: string) {
    super();
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
  }
  open() {
    this.dispatchEvent(new Event('open'));
  }
  receive(message: unknown) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: JSON.stringify(message) }));
  }
  drop(code = 1006) {
    this.dispatchEvent(Object.assign(new Event('close'), { code }));
  }
}

class MemoryStorage {
  private values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

const event = (id: number, type = 'note'): LiveEvent => ({
  id,
  channel: 'user:1',
  type,
  payload: {},
  createdAt: new Date(0).toISOString(),
});

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('location', { protocol: 'https:', host: 'hearth.example' });
  vi.stubGlobal('window', new EventTarget());
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function start() {
  const events: LiveEvent[] = [];
  const statuses: LiveStatus[] = [];
  const onUnauthorised = vi.fn();
  const client = new LiveClient({ onEvent: (e) => events.push(e), onStatus: (s) => statuses.push(s), onUnauthorised });
  client.start();
  return { client, events, statuses, onUnauthorised };
}

describe('LiveClient', () => {
  it('connects to /api/live on the same origin, starts from now, and resumes from the last event it saw', () => {
    const { events, statuses } = start();
    const socket = FakeSocket.instances[0]!;
    expect(socket.url).toBe('wss://hearth.example/api/live');
    socket.open();
    // A fresh tab starts from the newest event the server names, not from the member's whole history.
    socket.receive({ type: 'ready', lastEventId: 5 });
    expect(socket.sent).toEqual([{ type: 'resume', since: 5 }]);
    socket.receive({ type: 'event', event: event(7) });
    socket.receive({ type: 'resumed', lastEventId: 7 });
    expect(events.map((e) => e.id)).toEqual([7]);
    expect(statuses.at(-1)).toBe('live');
    expect(readLastEventId()).toBe(7);

    // After a drop it reconnects by itself and asks only for what it missed.
    socket.drop();
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(1_000);
    const again = FakeSocket.instances[1]!;
    again.open();
    again.receive({ type: 'ready', lastEventId: 9 });
    expect(again.sent).toEqual([{ type: 'resume', since: 7 }]);
  });

  it('follows a thread once the socket is live, and after a drop asks for it again from the last event seen on it', () => {
    const { client, events } = start();
    client.follow('thread:t1');
    const socket = FakeSocket.instances[0]!;
    socket.open();
    socket.receive({ type: 'ready', lastEventId: 5 });
    socket.receive({ type: 'resumed', lastEventId: 5 });
    expect(socket.sent).toEqual([{ type: 'resume', since: 5 }, { type: 'subscribe', channel: 'thread:t1' }]);
    socket.receive({ type: 'subscribed', channel: 'thread:t1', lastEventId: 8 });
    socket.receive({ type: 'event', event: { ...event(12), channel: 'thread:t1' } });
    expect(events.map((e) => e.id)).toEqual([12]);
    // A thread's ids are its own: the member's own channel resumes from where it was.
    expect(readLastEventId()).toBe(5);

    socket.drop();
    vi.advanceTimersByTime(1_000);
    const again = FakeSocket.instances[1]!;
    again.open();
    again.receive({ type: 'ready', lastEventId: 20 });
    again.receive({ type: 'resumed', lastEventId: 5 });
    expect(again.sent).toEqual([{ type: 'resume', since: 5 }, { type: 'subscribe', channel: 'thread:t1', since: 12 }]);
    client.unfollow('thread:t1');
    expect(again.sent.at(-1)).toEqual({ type: 'unsubscribe', channel: 'thread:t1' });
  });

  it('backs off between failed attempts, up to 30 seconds', () => {
    start();
    for (let attempt = 0; attempt < 8; attempt++) {
      FakeSocket.instances.at(-1)!.drop();
      const before = FakeSocket.instances.length;
      vi.advanceTimersByTime(backoffDelay(attempt, () => 1));
      expect(FakeSocket.instances.length).toBe(before + 1);
    }
    expect(backoffDelay(10, () => 1)).toBe(30_000);
    expect(backoffDelay(0, () => 0)).toBe(500);
  });

  it('stops, without retrying, when the server says the session is gone', () => {
    const { statuses, onUnauthorised } = start();
    FakeSocket.instances[0]!.drop(4401);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(statuses.at(-1)).toBe('unauthorised');
    expect(onUnauthorised).toHaveBeenCalledOnce();
  });

  it('closes and stays closed when stopped', () => {
    const { client } = start();
    const socket = FakeSocket.instances[0]!;
    client.stop();
    expect(socket.closedWith).toBe(1000);
    socket.drop(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });
});
