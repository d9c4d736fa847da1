import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../src/server/db/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { startNode, type Node } from './support.js';

/**
 * Three app nodes on one PostgreSQL database and one Redis, as behind a load
 * balancer: sessions made on one node work on the others, and a live event
 * raised on one node reaches a socket held by another.
 */
const redisUrl = process.env.REDIS_URL;
let database: TestDatabase;
const nodes: Node[] = [];

beforeAll(async () => {
  if (!redisUrl || !process.env.TEST_DATABASE_URL)
    throw new Error('multi-node tests need TEST_DATABASE_URL and REDIS_URL');
  database = await createTestDatabase('postgres', false);
  // Each node opens its own pool and migrates at start, all at once: the advisory lock must serialise them.
  const started = await Promise.all([0, 1, 2].map((index) => startNode(database.url!, redisUrl, `node${index}`)));
  nodes.push(...started);
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.hearth.close()));
  await database?.drop();
});

interface Body {
  user: { id: string; handle: string; sessionId: string };
  post: { id: string };
  support: { level: string } | null;
  sessions: { id: string; current: boolean }[];
}

async function call(node: number, method: string, path: string, cookie?: string, body?: unknown) {
  const response = await fetch(`${nodes[node]!.url}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, json: (await response.json()) as Body, cookie: setCookie?.split(';')[0] };
}

interface LiveMessage {
  type: string;
  event?: { id: number; type: string; payload: Record<string, unknown> };
}

function connect(node: number, cookie: string) {
  const socket = new WebSocket(`${nodes[node]!.url.replace('http', 'ws')}/api/live`, { headers: { cookie } });
  const messages: LiveMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()) as LiveMessage);
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  async function waitFor(predicate: (message: LiveMessage) => boolean, timeoutMs = 10_000): Promise<LiveMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such live message; got ${JSON.stringify(messages)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  return { socket, messages, closed, waitFor };
}

describe('several app nodes', () => {
  it('migrated once, and a session made on one node is valid on every node', async () => {
    const signUp = await call(0, 'POST', '/api/auth/sign-up', undefined, {
      handle: 'node_hopper',
      password: 'several-quiet-nodes',
    });
    expect(signUp.status).toBe(201);
    for (const node of [0, 1, 2]) {
      const me = await call(node, 'GET', '/api/me', signUp.cookie);
      expect(me.status, `node ${node}`).toBe(200);
      expect(me.json.user.handle).toBe('node_hopper');
    }
    const check = await openDatabase({ url: database.url });
    try {
      const result = await check.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations' as never);
      expect((result as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await check.close();
    }
  });

  it('a session ended through node 0 signs out the socket held by node 2, live', async () => {
    const laptop = await call(0, 'POST', '/api/auth/sign-up', undefined, {
      handle: 'two_devices',
      password: 'several-quiet-nodes',
    });
    const phone = await call(1, 'POST', '/api/auth/sign-in', undefined, {
      handle: 'two_devices',
      password: 'several-quiet-nodes',
    });
    const phoneSocket = connect(2, phone.cookie!);
    await phoneSocket.waitFor((message) => message.type === 'ready');
    phoneSocket.socket.send(JSON.stringify({ type: 'resume', since: 0 }));
    await phoneSocket.waitFor((message) => message.type === 'resumed');

    const sessions = await call(0, 'GET', '/api/me/sessions', laptop.cookie);
    const phoneSession = sessions.json.sessions.find((session) => !session.current)!;
    expect((await call(0, 'DELETE', `/api/me/sessions/${phoneSession.id}`, laptop.cookie)).status).toBe(200);

    const ended = await phoneSocket.waitFor((message) => message.event?.type === 'session.ended');
    expect(ended.event!.payload.sessionIds).toEqual([phoneSession.id]);
    expect(await phoneSocket.closed).toBe(4401);
    expect((await call(1, 'GET', '/api/me', phone.cookie)).status).toBe(401);
  });

  it('a client that reconnects to another node gets what it missed', async () => {
    const first = await call(0, 'POST', '/api/auth/sign-up', undefined, {
      handle: 'reconnector',
      password: 'several-quiet-nodes',
    });
    const second = await call(1, 'POST', '/api/auth/sign-in', undefined, {
      handle: 'reconnector',
      password: 'several-quiet-nodes',
    });
    const third = await call(2, 'POST', '/api/auth/sign-in', undefined, {
      handle: 'reconnector',
      password: 'several-quiet-nodes',
    });
    const socket = connect(1, first.cookie!);
    await socket.waitFor((message) => message.type === 'ready');
    socket.socket.send(JSON.stringify({ type: 'resume', since: 0 }));
    const resumed = await socket.waitFor((message) => message.type === 'resumed');
    socket.socket.close();
    await socket.closed;
    const lastSeen = (resumed as unknown as { lastEventId: number }).lastEventId;

    // While the first device is offline, the third session is ended through node 2.
    const target = (await call(1, 'GET', '/api/me', second.cookie)).json.user.sessionId;
    expect((await call(2, 'DELETE', `/api/me/sessions/${target}`, third.cookie)).status).toBe(200);

    const again = connect(0, first.cookie!);
    await again.waitFor((message) => message.type === 'ready');
    again.socket.send(JSON.stringify({ type: 'resume', since: lastSeen }));
    const missed = await again.waitFor((message) => message.event?.type === 'session.ended');
    expect(missed.event!.payload.sessionIds).toEqual([target]);
    again.socket.close();
  });
});

describe('safety alerts across nodes', () => {
  it('a crisis post written through node 0 alerts an on-duty moderator connected to node 2, live', async () => {
    const moderator = await call(1, 'POST', '/api/auth/sign-up', undefined, {
      handle: 'on_duty_mod',
      password: 'several-quiet-nodes',
    });
    const check = await openDatabase({ url: database.url });
    try {
      await check.db.execute(`update users set role = 'moderator' where id = '${moderator.json.user.id}'` as never);
    } finally {
      await check.close();
    }
    const socket = connect(2, moderator.cookie!);
    await socket.waitFor((message) => message.type === 'ready');
    socket.socket.send(JSON.stringify({ type: 'resume', since: 0 }));
    await socket.waitFor((message) => message.type === 'resumed');

    const writer = await call(0, 'POST', '/api/auth/sign-up', undefined, {
      handle: 'in_crisis',
      password: 'several-quiet-nodes',
    });
    await call(0, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true });
    const posted = await call(0, 'POST', '/api/groups/depression/posts', writer.cookie, {
      title: 'Tonight',
      body: 'I have the pills in front of me and tonight is the night. Goodbye everyone.',
      anonymous: true,
    });
    expect(posted.status).toBe(201);
    expect(posted.json.support?.level).toBe('imminent');

    const alert = await socket.waitFor((message) => message.event?.type === 'safety.alert');
    expect(alert.event!.payload).toMatchObject({
      level: 'imminent',
      contentType: 'post',
      contentId: posted.json.post.id,
    });
    // Anonymous post: the staff alert names the content, not the member.
    expect(JSON.stringify(alert)).not.toContain(writer.json.user.id);
    socket.socket.close();
  });
});
