import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import WebSocket from 'ws';
import { updateUser } from '../modules/accounts/queries.js';
import { createTestApp, type TestApp } from './test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from './test-client.js';

export interface LiveMessage {
  type: string;
  lastEventId?: number;
  event?: { id: number; channel: string; type: string; payload: Record<string, unknown> };
  /** A passing signal (typing), never a row. */
  signal?: { type: string; payload: Record<string, unknown> };
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

/** An app listening on a real port for the file (sockets are exercised as a browser uses them), and the steps its tests share. */
export interface LiveTestApp {
  /** Known once the file's hooks have run. */
  readonly hearth: TestApp;
  /** http://127.0.0.1:port, for `connectLive`. */
  readonly baseUrl: string;
  /** One request with the given session cookie (or none), a JSON body if given. */
  call(cookie: string | undefined, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** A new account (given `role` straight in the database), its id and session cookie. */
  signUp(role?: 'admin' | 'moderator'): Promise<{ id: string; cookie: string }>;
  /** A crisis post in depression (the writer has joined it); its id. */
  crisisPost(writerCookie: string): Promise<string>;
}

/** Call at the top level of a test file: the app starts before its tests and closes after them. */
export function useLiveTestApp(handlePrefix: string): LiveTestApp {
  let hearth: TestApp | undefined;
  let baseUrl: string | undefined;
  beforeAll(async () => {
    hearth = await createTestApp();
    baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await hearth?.close();
  });
  const started = (): TestApp => {
    if (!hearth) throw new Error('The app is not started yet: use it inside a test or hook');
    return hearth;
  };

  async function call(cookie: string | undefined, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    return started().app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  }

  async function signUp(role?: 'admin' | 'moderator') {
    const response = await call(undefined, 'POST', '/api/auth/sign-up', { handle: uniqueHandle(handlePrefix), password: GOOD_PASSWORD });
    expect(response.statusCode).toBe(201);
    const session = response.cookies.find((cookie) => cookie.value !== '')!;
    const user = (response.json() as { user: { id: string } }).user;
    if (role) await updateUser(started().deps.db, user.id, { role });
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

  return {
    get hearth() {
      return started();
    },
    get baseUrl() {
      started();
      return baseUrl!;
    },
    call,
    signUp,
    crisisPost,
  };
}

/** Matches the staff alert event for `postId`. */
export const alertFor = (postId: string) => (message: LiveMessage) => message.event?.type === 'safety.alert' && message.event.payload.contentId === postId;
