import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPubSub, type PubSub } from '../../src/server/live/pubsub.js';
import { eventually, RedisProxy } from './support.js';

let proxy: RedisProxy;
const nodes: PubSub[] = [];

beforeAll(async () => {
  if (!process.env.REDIS_URL) throw new Error('multi-node tests need REDIS_URL');
  proxy = new RedisProxy(new URL(process.env.REDIS_URL));
  await proxy.start();
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.close()));
  await proxy?.cut();
});

describe('fan-out after Redis returns slowly', () => {
  it('a node whose first SUBSCRIBE after the outage times out subscribes again, leaves degraded and catches up', async () => {
    const prefix = `hearth:resubscribe-${randomUUID()}:`;
    const a = createPubSub(proxy.url, prefix);
    const b = createPubSub(proxy.url, prefix);
    nodes.push(a, b);
    const heard: string[] = [];
    let reconnections = 0;
    b.onReconnect(() => (reconnections += 1));
    await eventually(async () => a.connected() && b.connected(), Boolean);
    await b.subscribe('user:1', (message) => heard.push(message)).ready;

    await proxy.cut();
    await eventually(async () => b.connected(), (connected) => !connected);
    reconnections = 0;
    proxy.delayNextSubscribeMs = 1_500; // longer than the 1 s command timeout
    await proxy.start();

    // Before the fix the node stayed degraded for good and never fired onReconnect (no catch-up for its sockets).
    await eventually(async () => b.connected(), Boolean, 10_000);
    expect(proxy.delayed).toBe(1);
    expect(reconnections).toBeGreaterThanOrEqual(1);
    await a.publish('user:1', 'after the outage');
    await eventually(async () => heard, (messages) => messages.includes('after the outage'));
  });
});
