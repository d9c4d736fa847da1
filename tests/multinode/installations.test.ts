import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, type LiveMessage } from '../../src/server/test-support/live-socket.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { call, CRISIS_POST, makeModerator, startNode, type Node } from './support.js';

/**
 * Two communities, each with its own database, sharing one Redis (a host may
 * run several). Every channel and key carries the installation's id, so a
 * moderator of one never hears the other's safety alerts.
 */
const databases: TestDatabase[] = [];
const nodes: Node[] = [];

beforeAll(async () => {
  if (!process.env.REDIS_URL || !process.env.TEST_DATABASE_URL) throw new Error('multi-node tests need TEST_DATABASE_URL and REDIS_URL');
  for (const name of ['communityA', 'communityB']) {
    const database = await createTestDatabase('postgres', false);
    databases.push(database);
    nodes.push(await startNode(database.url!, process.env.REDIS_URL, name));
  }
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.hearth.close()));
  await Promise.all(databases.map((database) => database.drop()));
});

interface Signed {
  user: { id: string };
  post: { id: string };
}

async function community(index: number, suffix = '') {
  const node = nodes[index]!;
  const password = 'several-quiet-nodes';
  // The same handles in both communities: they are different people.
  const moderator = await call<Signed>(node, 'POST', '/api/auth/sign-up', undefined, { handle: `community_mod${suffix}`, password });
  await makeModerator(databases[index]!.url!, moderator.json.user.id);
  const writer = await call<Signed>(node, 'POST', '/api/auth/sign-up', undefined, { handle: `community_writer${suffix}`, password });
  expect((await call(node, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true })).status).toBe(200);
  const socket = connectLive(node.url, moderator.cookie!);
  await socket.waitFor((message) => message.type === 'ready');
  await socket.resume(0);
  return { node, writer, socket };
}

const alerts = (messages: LiveMessage[]) => messages.filter((message) => message.event?.type === 'safety.alert');

describe('two installations on one Redis', () => {
  it('each has its own id, and neither hears the other’s safety alerts', async () => {
    const ids = nodes.map((node) => node.hearth.deps.installationId);
    expect(new Set(ids).size).toBe(2);
    // Another node on A's database is the same installation.
    const another = await startNode(databases[0]!.url!, process.env.REDIS_URL!, 'communityA2');
    nodes.push(another);
    expect(another.hearth.deps.installationId).toBe(ids[0]);

    const a = await community(0);
    const b = await community(1);
    const inA = await call<Signed>(a.node, 'POST', '/api/groups/depression/posts', a.writer.cookie, CRISIS_POST);
    expect(inA.status).toBe(201);
    await a.socket.waitFor((message) => message.event?.payload.contentId === inA.json.post.id);

    // Redis delivers in order on B's one subscriber connection: once B hears its own later alert, A's would have come first.
    const inB = await call<Signed>(b.node, 'POST', '/api/groups/depression/posts', b.writer.cookie, CRISIS_POST);
    expect(inB.status).toBe(201);
    await b.socket.waitFor((message) => message.event?.payload.contentId === inB.json.post.id);

    expect(alerts(b.socket.messages).map((message) => message.event!.payload.contentId)).toEqual([inB.json.post.id]);
    expect(alerts(a.socket.messages).map((message) => message.event!.payload.contentId)).toEqual([inA.json.post.id]);
    a.socket.socket.close();
    b.socket.socket.close();
  });

  it('a restored copy of a database, given its own REDIS_PREFIX, does not hear the original', async () => {
    // A staging copy restored from A's backup carries A's installation id...
    const copy = await createTestDatabase('postgres', true);
    databases.push(copy);
    await copy.handle.db.execute(sql`insert into installation (id) values (${nodes[0]!.hearth.deps.installationId})`);
    const staging = await startNode(copy.url!, process.env.REDIS_URL!, 'staging', { REDIS_PREFIX: 'staging' });
    nodes.push(staging);
    expect(staging.hearth.deps.installationId).toBe(nodes[0]!.hearth.deps.installationId);
    // ...and with REDIS_PREFIX set it still keeps to itself on the shared Redis.
    const moderator = await call<Signed>(staging, 'POST', '/api/auth/sign-up', undefined, { handle: 'staging_mod', password: 'several-quiet-nodes' });
    await makeModerator(copy.url!, moderator.json.user.id);
    const listening = connectLive(staging.url, moderator.cookie!);
    await listening.waitFor((message) => message.type === 'ready');
    await listening.resume(0);

    const a = await community(0, '_again');
    const inA = await call<Signed>(a.node, 'POST', '/api/groups/depression/posts', a.writer.cookie, CRISIS_POST);
    expect(inA.status).toBe(201);
    await a.socket.waitFor((message) => message.event?.payload.contentId === inA.json.post.id);
    // The copy's own alert arrives after A's would have (one subscriber connection delivers in order).
    const writer = await call<Signed>(staging, 'POST', '/api/auth/sign-up', undefined, { handle: 'staging_writer', password: 'several-quiet-nodes' });
    expect((await call(staging, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true })).status).toBe(200);
    const inCopy = await call<Signed>(staging, 'POST', '/api/groups/depression/posts', writer.cookie, CRISIS_POST);
    await listening.waitFor((message) => message.event?.payload.contentId === inCopy.json.post.id);
    expect(alerts(listening.messages).map((message) => message.event!.payload.contentId)).toEqual([inCopy.json.post.id]);
    a.socket.socket.close();
    listening.socket.close();
  });
});
