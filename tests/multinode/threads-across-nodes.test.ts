import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { call, startNode, type Node } from './support.js';

/**
 * Threads live across app nodes (issue 15 part 3): a reader following a thread
 * through node B hears a reply written through node A, presented for them,
 * and a reader that reconnects to node C gets exactly what it missed.
 */
const redisUrl = process.env.REDIS_URL;
let database: TestDatabase;
const nodes: Node[] = [];

beforeAll(async () => {
  if (!redisUrl || !process.env.TEST_DATABASE_URL) throw new Error('multi-node tests need TEST_DATABASE_URL and REDIS_URL');
  database = await createTestDatabase('postgres', false);
  nodes.push(...(await Promise.all([0, 1, 2].map((index) => startNode(database.url!, redisUrl, `threads${index}`)))));
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.hearth.close()));
  await database?.drop();
});

interface Message {
  type: string;
  channel?: string;
  lastEventId?: number;
  event?: { id: number; type: string; payload: { reply?: { id: string; author: Record<string, unknown> } } };
}

function connect(node: Node, cookie: string) {
  const socket = new WebSocket(`${node.url.replace('http', 'ws')}/api/live`, { headers: { cookie } });
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()) as Message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  async function waitFor(predicate: (message: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
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

async function member(node: Node, handle: string) {
  const signUp = await call<{ user: { id: string } }>(node, 'POST', '/api/auth/sign-up', undefined, { handle, password: 'several-quiet-nodes' });
  expect(signUp.status).toBe(201);
  expect((await call(node, 'POST', '/api/groups/anxiety/join', signUp.cookie, { acceptRules: true })).status).toBe(200);
  return { id: signUp.json.user.id, cookie: signUp.cookie!, handle };
}

const replyIs = (id: string) => (message: Message) => message.event?.type === 'thread.reply' && message.event.payload.reply?.id === id;

describe('threads across nodes', () => {
  it('a reader on node B hears an anonymous reply written through node A under its alias; reconnecting to node C, it gets exactly what it missed', async () => {
    const [a, b, c] = nodes as [Node, Node, Node];
    const writer = await member(a, 'thread_writer');
    const reader = await member(b, 'thread_reader');
    const posted = await call<{ post: { id: string } }>(a, 'POST', '/api/groups/anxiety/posts', writer.cookie, { title: 'A hard week', body: 'Work has been a lot this week.' });
    const channel = `thread:${posted.json.post.id}`;

    const onB = connect(b, reader.cookie);
    await onB.waitFor((message) => message.type === 'ready');
    onB.socket.send(JSON.stringify({ type: 'subscribe', channel }));
    await onB.waitFor((message) => message.type === 'subscribed');

    const reply = async (body: string) => {
      const written = await call<{ reply: { id: string } }>(a, 'POST', `/api/posts/${posted.json.post.id}/replies`, writer.cookie, { body, anonymous: true });
      expect(written.status).toBe(201);
      return written.json.reply.id;
    };
    const first = await reply('Sending strength from here.');
    const heard = await onB.waitFor(replyIs(first));
    expect(heard.event!.payload.reply!.author).toMatchObject({ kind: 'anonymous', isYou: false });
    expect(JSON.stringify(onB.messages)).not.toContain(writer.handle);
    expect(JSON.stringify(onB.messages)).not.toContain(writer.id);
    onB.socket.close();
    await onB.closed;

    const second = await reply('Still thinking of you.');
    const third = await reply('One more from me.');
    const onC = connect(c, reader.cookie);
    await onC.waitFor((message) => message.type === 'ready');
    onC.socket.send(JSON.stringify({ type: 'subscribe', channel, since: heard.event!.id }));
    await onC.waitFor((message) => message.type === 'subscribed');
    const fourth = await reply('And a last one.');
    await onC.waitFor(replyIs(fourth));
    const got = onC.messages.filter((message) => message.event?.type === 'thread.reply').map((message) => message.event!.payload.reply!.id);
    expect(got).toEqual([second, third, fourth]);
    onC.socket.close();
  });
});
