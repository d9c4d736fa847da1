import WebSocket from 'ws';

export interface LiveMessage {
  type: string;
  lastEventId?: number;
  event?: { id: number; channel: string; type: string; payload: Record<string, unknown> };
}

export interface LiveSocket {
  socket: WebSocket;
  messages: LiveMessage[];
  /** Resolves with the close code. */
  closed: Promise<number>;
  waitFor(predicate: (message: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  /** Sends `resume` and waits for its `resumed`; returns the messages that came in between. */
  resume(since: number): Promise<LiveMessage[]>;
}

/** A member's `/api/live` socket at `baseUrl` (http://host:port), recording every message it gets. */
export function connectLive(baseUrl: string, cookie: string): LiveSocket {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`, { headers: { cookie } });
  const messages: LiveMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()) as LiveMessage);
    waiters.splice(0).forEach((wake) => wake());
  });
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  async function waitFor(predicate: (message: LiveMessage) => boolean, timeoutMs = 10_000, from = 0): Promise<LiveMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.slice(from).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such live message; got ${JSON.stringify(messages)}`);
      // Woken by the next message, or after a while to check the deadline (a wait, not a sleep: no fixed delay).
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  async function resume(since: number): Promise<LiveMessage[]> {
    const from = messages.length;
    socket.send(JSON.stringify({ type: 'resume', since }));
    const resumed = await waitFor((message) => message.type === 'resumed', 10_000, from);
    return messages.slice(from, messages.indexOf(resumed));
  }
  return { socket, messages, closed, waitFor: (predicate, timeoutMs) => waitFor(predicate, timeoutMs), resume };
}
