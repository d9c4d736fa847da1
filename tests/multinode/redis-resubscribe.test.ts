import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPubSub, type PubSub } from '../../src/server/live/pubsub.js';
import { eventually } from './support.js';

/**
 * A proxy in front of the machine's Redis that can be cut, restored, and made
 * slow for one SUBSCRIBE: that command reaches Redis only after `delayMs`, so
 * the node's 1 s command timeout fails it while the connection stays up, as a
 * Redis busy just after it returns would.
 */
class SlowSubscribeProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  delayNextSubscribeMs = 0;
  delayed = 0;

  constructor(private readonly upstream: URL) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const redis = net.connect(Number(this.upstream.port || 6379), this.upstream.hostname);
      for (const socket of [client, redis]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          redis.destroy();
        });
      }
      client.on('data', (chunk: Buffer) => {
        const delay = this.delayNextSubscribeMs;
        if (delay > 0 && chunk.toString('latin1').toUpperCase().includes('SUBSCRIBE')) {
          this.delayNextSubscribeMs = 0;
          this.delayed += 1;
          setTimeout(() => redis.write(chunk), delay);
          return;
        }
        redis.write(chunk);
      });
      redis.on('data', (chunk) => client.write(chunk));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

let proxy: SlowSubscribeProxy;
const nodes: PubSub[] = [];

beforeAll(async () => {
  if (!process.env.REDIS_URL) throw new Error('multi-node tests need REDIS_URL');
  proxy = new SlowSubscribeProxy(new URL(process.env.REDIS_URL));
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
