import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RedisPubSub } from './pubsub.js';

/**
 * A stand-in for the Redis server, with connections that behave as ioredis
 * clients do with Hearth's options (redis.ts): a command on a connection that
 * is not ready rejects at once; a dropped connection emits 'close', forgets its
 * subscriptions (autoResubscribe is off) and, once the server is back, comes
 * back after the retry delay and emits 'ready'; `disconnect(true)` drops the
 * connection and reconnects the same way. A SUBSCRIBE can be made to time out
 * (rejects, subscribes nothing), as a Redis that does not answer within
 * commandTimeout does.
 */
class FakeRedisServer {
  up = true;
  readonly connections = new Set<FakeConnection>();

  connect(): FakeConnection {
    const connection = new FakeConnection(this);
    this.connections.add(connection);
    return connection;
  }

  publish(channel: string, message: string): number {
    const hearers = [...this.connections].filter((connection) => connection.status === 'ready' && connection.channels.has(channel));
    for (const connection of hearers) queueMicrotask(() => connection.emit('message', channel, message));
    return hearers.length;
  }

  /** Redis goes away: every connection drops and keeps retrying. */
  stop(): void {
    this.up = false;
    for (const connection of this.connections) connection.drop(true);
  }

  /** Redis is back: connections waiting to retry reconnect on their next attempt. */
  start(): void {
    this.up = true;
  }
}

// ioredis's retryStrategy (redis.ts) for the first attempt after a drop.
const RECONNECT_DELAY_MS = 200;

class FakeConnection extends EventEmitter {
  status: 'connecting' | 'ready' | 'reconnecting' | 'end' = 'connecting';
  readonly channels = new Set<string>();
  /** How many SUBSCRIBE commands to come will time out. */
  timeOutSubscribes = 0;
  subscribeCalls = 0;

  constructor(private readonly server: FakeRedisServer) {
    super();
    // Connects on the next turn, as a new ioredis client does (lazyConnect is off).
    setTimeout(() => {
      if (this.status !== 'connecting') return;
      this.status = 'ready';
      this.emit('ready');
    }, 0);
  }

  async subscribe(...channels: string[]): Promise<number> {
    this.subscribeCalls += 1;
    if (this.status !== 'ready') throw new Error('Connection is closed.');
    if (this.timeOutSubscribes > 0) {
      this.timeOutSubscribes -= 1;
      throw new Error('Command timed out');
    }
    for (const channel of channels) this.channels.add(channel);
    return this.channels.size;
  }

  async unsubscribe(...channels: string[]): Promise<number> {
    if (this.status !== 'ready') throw new Error('Connection is closed.');
    for (const channel of channels) this.channels.delete(channel);
    return this.channels.size;
  }

  async publish(channel: string, message: string): Promise<number> {
    if (this.status !== 'ready') throw new Error('Connection is closed.');
    return this.server.publish(channel, message);
  }

  async quit(): Promise<'OK'> {
    this.drop(false);
    return 'OK';
  }

  disconnect(reconnect = false): void {
    this.drop(reconnect);
  }

  drop(reconnect: boolean): void {
    if (this.status === 'end') return;
    if (this.status === 'connecting') this.status = 'reconnecting';
    const wasReady = this.status === 'ready';
    this.status = reconnect ? 'reconnecting' : 'end';
    this.channels.clear();
    if (wasReady) this.emit('close');
    if (reconnect) this.retry();
  }

  private retry(): void {
    setTimeout(() => {
      if (this.status !== 'reconnecting') return;
      if (!this.server.up) return this.retry();
      this.status = 'ready';
      this.emit('ready');
    }, RECONNECT_DELAY_MS);
  }
}

const asRedis = (connection: FakeConnection) => connection as unknown as Redis;

let server: FakeRedisServer;
let nodes: { pubsub: RedisPubSub; subscriber: FakeConnection }[];

function startNode() {
  const publisher = server.connect();
  const subscriber = server.connect();
  const pubsub = new RedisPubSub(asRedis(publisher), asRedis(subscriber), 'hearth:test:');
  nodes.push({ pubsub, subscriber });
  return { pubsub, subscriber };
}

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeRedisServer();
  nodes = [];
});

afterEach(async () => {
  await Promise.all(nodes.map((node) => node.pubsub.close()));
  vi.useRealTimers();
});

/** Lets Redis return and the connections come back (fake time: nothing waits). */
async function redisReturns(): Promise<void> {
  server.start();
  await vi.advanceTimersByTimeAsync(RECONNECT_DELAY_MS);
}

describe('RedisPubSub after a failed SUBSCRIBE', () => {
  it('when the first SUBSCRIBE after Redis returns times out, it retries and the node hears other nodes again', async () => {
    const a = startNode();
    const b = startNode();
    const heard: string[] = [];
    const reconnected = vi.fn();
    b.pubsub.onReconnect(reconnected);
    await vi.advanceTimersByTimeAsync(0); // both nodes reach Redis
    b.pubsub.subscribe('user:1', (message) => heard.push(message));
    await vi.advanceTimersByTimeAsync(0);
    expect(b.pubsub.connected()).toBe(true);

    server.stop();
    expect(b.pubsub.connected()).toBe(false);
    b.subscriber.timeOutSubscribes = 1;
    reconnected.mockClear();
    await redisReturns();
    // The resubscription after the outage failed: the node is still degraded.
    expect(b.subscriber.subscribeCalls).toBe(2);
    expect(b.pubsub.connected()).toBe(false);

    // Within the retry backoff (at most 5 s, then a reconnect) it subscribes again.
    await vi.advanceTimersByTimeAsync(5_000 + RECONNECT_DELAY_MS);
    expect(b.pubsub.connected()).toBe(true);
    // So the gateway replays what sockets missed.
    expect(reconnected).toHaveBeenCalledTimes(1);
    await a.pubsub.publish('user:1', 'after the outage');
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual(['after the outage']);
  });

  it('keeps retrying, backing off, while SUBSCRIBE keeps timing out, and recovers once Redis answers', async () => {
    const a = startNode();
    const b = startNode();
    const heard: string[] = [];
    await vi.advanceTimersByTimeAsync(0); // both nodes reach Redis
    b.pubsub.subscribe('staff:safety', (message) => heard.push(message));
    await vi.advanceTimersByTimeAsync(0);

    server.stop();
    b.subscriber.timeOutSubscribes = Number.POSITIVE_INFINITY;
    await redisReturns();
    await vi.advanceTimersByTimeAsync(60_000);
    // A minute of timeouts: retried all along, but backing off (reconnecting every 200 ms would be hundreds of attempts).
    const attempts = b.subscriber.subscribeCalls - 1;
    expect(attempts).toBeGreaterThanOrEqual(10);
    expect(attempts).toBeLessThanOrEqual(20);
    expect(b.pubsub.connected()).toBe(false);

    b.subscriber.timeOutSubscribes = 0;
    await vi.advanceTimersByTimeAsync(5_000 + RECONNECT_DELAY_MS);
    expect(b.pubsub.connected()).toBe(true);
    await a.pubsub.publish('staff:safety', 'alert');
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual(['alert']);
  });

  it('a channel whose SUBSCRIBE times out while connected is subscribed again, and the node says degraded until then', async () => {
    const a = startNode();
    const b = startNode();
    const lost = vi.fn();
    const reconnected = vi.fn();
    b.pubsub.onDisconnect(lost);
    b.pubsub.onReconnect(reconnected);
    await vi.advanceTimersByTimeAsync(0); // both nodes reach Redis
    expect(b.pubsub.connected()).toBe(true);
    reconnected.mockClear();

    const heard: string[] = [];
    b.subscriber.timeOutSubscribes = 1;
    await b.pubsub.subscribe('user:2', (message) => heard.push(message)).ready;
    // That socket's channel would be deaf to other nodes: fan-out is lost until it is subscribed.
    expect(b.pubsub.connected()).toBe(false);
    expect(lost).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(5_000 + RECONNECT_DELAY_MS);
    expect(b.pubsub.connected()).toBe(true);
    expect(reconnected).toHaveBeenCalledTimes(1);
    await a.pubsub.publish('user:2', 'hello');
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual(['hello']);
  });
});
