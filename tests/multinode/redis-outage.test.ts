import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, type LiveMessage } from '../../src/server/test-support/live-socket.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { call, CRISIS_POST, eventually, makeModerator, RedisProxy, startNode, type Node } from './support.js';

/**
 * Two nodes whose only way to Redis is a proxy the test owns. Cutting it is a
 * Redis outage: nodes must stay up, committed writes must answer at once with
 * their support card, /readyz must say "degraded", and when Redis returns a
 * moderator's socket on the other node must get the alert raised meanwhile.
 */
let database: TestDatabase;
let proxy: RedisProxy;
const nodes: Node[] = [];

beforeAll(async () => {
  if (!process.env.REDIS_URL || !process.env.TEST_DATABASE_URL) throw new Error('multi-node tests need TEST_DATABASE_URL and REDIS_URL');
  database = await createTestDatabase('postgres', false);
  proxy = new RedisProxy(new URL(process.env.REDIS_URL));
  await proxy.start();
  nodes.push(await startNode(database.url!, proxy.url, 'outage0'));
  nodes.push(await startNode(database.url!, proxy.url, 'outage1'));
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.hearth.close()));
  await proxy?.cut();
  await database?.drop();
});

interface Signed {
  user: { id: string };
  post: { id: string };
  support: { level: string; emergency: unknown } | null;
}

const readiness = (node: Node) => call<{ status: string }>(node, 'GET', '/readyz').then((response) => response.json.status);
const alertFor = (postId: string) => (message: LiveMessage) => message.event?.type === 'safety.alert' && message.event.payload.contentId === postId;

describe('a Redis outage', () => {
  it('degrades live fan-out without failing a write, and fan-out comes back with what was missed', async () => {
    const [first, second] = nodes as [Node, Node];
    const password = 'several-quiet-nodes';
    const moderator = await call<Signed>(second, 'POST', '/api/auth/sign-up', undefined, { handle: 'outage_mod', password });
    await makeModerator(database.url!, moderator.json.user.id);
    const writer = await call<Signed>(first, 'POST', '/api/auth/sign-up', undefined, { handle: 'outage_writer', password });
    expect((await call(first, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true })).status).toBe(200);
    const onDuty = connectLive(second.url, moderator.cookie!);
    await onDuty.waitFor((message) => message.type === 'ready');
    await onDuty.resume(0);
    expect(await readiness(first)).toBe('ready');

    await proxy.cut();
    for (const node of nodes) expect(await eventually(() => readiness(node), (status) => status === 'degraded')).toBe('degraded');

    // Opening and closing sockets used to end the process (an unhandled rejection from subscribe/unsubscribe).
    for (const node of nodes) {
      for (let index = 0; index < 3; index += 1) {
        const socket = connectLive(node.url, writer.cookie!);
        await socket.waitFor((message) => message.type === 'ready');
        await socket.resume(0);
        socket.socket.close();
        await socket.closed;
      }
    }

    // Account changes emit live events: they must answer success, quickly.
    const newcomer = await call<Signed>(first, 'POST', '/api/auth/sign-up', undefined, { handle: 'outage_newcomer', password });
    expect(newcomer.status).toBe(201);
    const changed = await call(second, 'POST', '/api/me/password', newcomer.cookie, { currentPassword: password, newPassword: 'another-calm-harbour' });
    expect(changed.status).toBe(200);
    const signedIn = await call<Signed>(second, 'POST', '/api/auth/sign-in', undefined, { handle: 'outage_newcomer', password: 'another-calm-harbour' });
    expect(signedIn.status).toBe(200);
    const signedOut = await call(first, 'POST', '/api/auth/sign-out', signedIn.cookie, {});
    expect(signedOut.status).toBe(200);
    for (const response of [newcomer, changed, signedIn, signedOut]) expect(response.ms).toBeLessThan(2_000);

    // The crisis post is answered at once with its support card: the alert is stored, its push waits for Redis.
    const during = await call<Signed>(first, 'POST', '/api/groups/depression/posts', writer.cookie, CRISIS_POST);
    expect(during.status).toBe(201);
    expect(during.json.support?.level).toBe('imminent');
    expect(during.ms).toBeLessThan(2_000);

    for (const node of nodes) expect((await call<{ status: string }>(node, 'GET', '/healthz')).status).toBe(200);

    await proxy.restore();
    for (const node of nodes) await eventually(() => readiness(node), (status) => status === 'ready');
    // Raised on node 0 while Redis was away; the socket on node 1 was open throughout.
    await onDuty.waitFor(alertFor(during.json.post.id), 15_000);

    const after = await call<Signed>(first, 'POST', '/api/groups/depression/posts', writer.cookie, CRISIS_POST);
    expect(after.status).toBe(201);
    await onDuty.waitFor(alertFor(after.json.post.id));
    onDuty.socket.close();
  });

  it('a Redis that stops answering without closing (a partition) is noticed, and fan-out recovers when it answers again', async () => {
    const [first, second] = nodes as [Node, Node];
    const password = 'several-quiet-nodes';
    const moderator = await call<Signed>(second, 'POST', '/api/auth/sign-up', undefined, { handle: 'partition_mod', password });
    await makeModerator(database.url!, moderator.json.user.id);
    const writer = await call<Signed>(first, 'POST', '/api/auth/sign-up', undefined, { handle: 'partition_writer', password });
    expect((await call(first, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true })).status).toBe(200);
    const onDuty = connectLive(second.url, moderator.cookie!);
    await onDuty.waitFor((message) => message.type === 'ready');
    await onDuty.resume(0);

    proxy.frozen = true;
    for (const node of nodes) await eventually(() => readiness(node), (status) => status === 'degraded', 30_000);
    const during = await call<Signed>(first, 'POST', '/api/groups/depression/posts', writer.cookie, CRISIS_POST);
    expect(during.status).toBe(201);
    expect(during.json.support?.level).toBe('imminent');
    expect(during.ms).toBeLessThan(3_000);

    proxy.frozen = false;
    for (const node of nodes) await eventually(() => readiness(node), (status) => status === 'ready', 30_000);
    await onDuty.waitFor(alertFor(during.json.post.id), 15_000);
    onDuty.socket.close();
  });
});
