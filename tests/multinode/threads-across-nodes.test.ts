import { connectLive, type LiveMessage } from '../../src/server/test-support/live-socket.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** The reply a thread event carries (payloads are untyped on the socket). */
const replyOf = (message: LiveMessage) => message.event?.payload.reply as { id: string; author: Record<string, unknown> } | undefined;

/** A member's socket on one node (the test support's client, as the API tests use). */
const connect = (node: Node, cookie: string) => connectLive(node.url, cookie);

async function member(node: Node, handle: string) {
  const signUp = await call<{ user: { id: string } }>(node, 'POST', '/api/auth/sign-up', undefined, { handle, password: 'several-quiet-nodes' });
  expect(signUp.status).toBe(201);
  expect((await call(node, 'POST', '/api/groups/anxiety/join', signUp.cookie, { acceptRules: true })).status).toBe(200);
  return { id: signUp.json.user.id, cookie: signUp.cookie!, handle };
}

const replyIs = (id: string) => (message: LiveMessage) => message.event?.type === 'thread.reply' && replyOf(message)?.id === id;

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
    expect(replyOf(heard)!.author).toMatchObject({ kind: 'anonymous', isYou: false });
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
    const got = onC.messages.filter((message) => message.event?.type === 'thread.reply').map((message) => replyOf(message)!.id);
    expect(got).toEqual([second, third, fourth]);
    onC.socket.close();
  });
});
