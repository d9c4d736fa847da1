import { connectLive } from '../../src/server/test-support/live-socket.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECT_LIVE } from '../../src/shared/api/direct-messages.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { call, startNode, type Node } from './support.js';

/**
 * Private messages across three app nodes on PostgreSQL and Redis: a request and a message written through one
 * node reach the recipient's socket on another; a send retried through a third node lands once; typing (a
 * pubsub signal, no row) crosses nodes too.
 */
const redisUrl = process.env.REDIS_URL;
let database: TestDatabase;
const nodes: Node[] = [];

beforeAll(async () => {
  if (!redisUrl || !process.env.TEST_DATABASE_URL) throw new Error('multi-node tests need TEST_DATABASE_URL and REDIS_URL');
  database = await createTestDatabase('postgres', false);
  const started = await Promise.all([0, 1, 2].map((index) => startNode(database.url!, redisUrl, `dm${index}`, { MESSAGE_REQUEST_MIN_ACCOUNT_HOURS: '0' })));
  nodes.push(...started);
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.hearth.close()));
  await database?.drop();
});


/** A member's socket on one node (the test support's client, as the API tests use). */
const connect = (node: Node, cookie: string) => connectLive(node.url, cookie);

async function member(node: Node, handle: string, post: boolean) {
  const signUp = await call<{ user: { id: string } }>(node, 'POST', '/api/auth/sign-up', undefined, { handle, password: 'several-quiet-nodes' });
  expect(signUp.status).toBe(201);
  const cookie = signUp.cookie!;
  expect((await call(node, 'POST', '/api/groups/depression/join', cookie, { acceptRules: true })).status).toBe(200);
  if (post) expect((await call(node, 'POST', '/api/groups/depression/posts', cookie, { title: 'Hello', body: 'New here, finding my feet.' })).status).toBe(201);
  await call(node, 'PATCH', '/api/me/message-settings', cookie, { typingIndicators: true });
  return { id: signUp.json.user.id, cookie, handle };
}

describe('direct messages across nodes', () => {
  it('a request and a message through node 0 reach the recipient on node 1; a retry through node 2 lands once; typing crosses nodes', async () => {
    const a = await member(nodes[0]!, `dm_sender_${randomUUID().slice(0, 6)}`, true);
    // The reader posts under their handle too: a shared group counts only where the recipient has shown themselves.
    const b = await member(nodes[1]!, `dm_reader_${randomUUID().slice(0, 6)}`, true);
    const bSocket = connect(nodes[1]!, b.cookie);
    await bSocket.waitFor((m) => m.type === 'ready');
    bSocket.socket.send(JSON.stringify({ type: 'resume', since: 0 }));
    await bSocket.waitFor((m) => m.type === 'resumed');

    const request = await call<{ conversationId: string }>(nodes[0]!, 'POST', `/api/conversations/with/${b.handle}/messages`, a.cookie, { body: 'Hi there', clientId: randomUUID() });
    expect(request.status).toBe(201);
    const { conversationId } = request.json;
    await bSocket.waitFor((m) => m.event?.type === DIRECT_LIVE.changed && m.event.payload.conversationId === conversationId);
    expect((await call(nodes[2]!, 'POST', `/api/conversations/${conversationId}/accept`, b.cookie, {})).status).toBe(200);

    const clientId = randomUUID();
    const sent = await call<{ message: { id: string } }>(nodes[0]!, 'POST', `/api/conversations/${conversationId}/messages`, a.cookie, { body: 'How are you?', clientId });
    const retried = await call<{ message: { id: string } }>(nodes[2]!, 'POST', `/api/conversations/${conversationId}/messages`, a.cookie, { body: 'How are you?', clientId });
    expect([sent.status, retried.status]).toEqual([201, 201]);
    expect(retried.json.message.id).toBe(sent.json.message.id);
    const heard = await bSocket.waitFor((m) => m.event?.type === DIRECT_LIVE.message && (m.event.payload.message as { id: string }).id === sent.json.message.id);
    expect(heard.event!.payload.message).toMatchObject({ body: 'How are you?', from: { kind: 'member', handle: a.handle } });

    const aSocket = connect(nodes[2]!, a.cookie);
    await aSocket.waitFor((m) => m.type === 'ready');
    aSocket.socket.send(JSON.stringify({ type: 'typing', conversationId }));
    const typing = await bSocket.waitFor((m) => m.type === 'signal');
    expect(typing.signal).toEqual({ type: DIRECT_LIVE.typing, payload: { conversationId } });

    // Landed once: one live message for it, after everything else arrived.
    const marker = await call<{ message: { id: string } }>(nodes[0]!, 'POST', `/api/conversations/${conversationId}/messages`, a.cookie, { body: 'Marker', clientId: randomUUID() });
    await bSocket.waitFor((m) => m.event?.type === DIRECT_LIVE.message && (m.event.payload.message as { id: string }).id === marker.json.message.id);
    expect(bSocket.messages.filter((m) => m.event?.type === DIRECT_LIVE.message && (m.event.payload.message as { id: string }).id === sent.json.message.id)).toHaveLength(1);
    aSocket.socket.close();
    bSocket.socket.close();
  });
});
