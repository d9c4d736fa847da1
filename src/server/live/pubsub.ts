import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient } from './redis.js';

type Listener = (message: string) => void;

export interface Subscription {
  /** Settles (never rejects) once other nodes' messages on the channel can reach this node, or once that failed. */
  readonly ready: Promise<void>;
  stop(): void;
}

/**
 * Fan-out of live notifications between app nodes. In-process by default; Redis
 * when REDIS_URL is set, so a client on node B hears what happened on node A.
 * Messages are notifications of durable rows (see live_events), never the only
 * copy: when Redis is away nothing here throws or waits, and `onReconnect` lets
 * the gateway replay what sockets missed from the rows.
 */
export interface PubSub {
  readonly kind: 'memory' | 'redis';
  /**
   * Delivers to this node's listeners at once and to other nodes best effort.
   * Never rejects and never waits on a Redis that is down; resolves false when
   * the message could not reach Redis now (it is re-sent when Redis returns).
   */
  publish(channel: string, message: string): Promise<boolean>;
  subscribe(channel: string, listener: Listener): Subscription;
  /** Whether messages currently cross nodes. */
  connected(): boolean;
  /** Called each time cross-node delivery comes back after an outage, once every channel is subscribed again. */
  onReconnect(listener: () => void): void;
  /** Called when cross-node delivery is lost. */
  onDisconnect(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * `prefix` keeps installations that share one Redis apart: every channel on the
 * wire is `<prefix><channel>`, and messages on other prefixes are never heard.
 */
export function createPubSub(redisUrl: string | undefined, prefix: string): PubSub {
  return redisUrl ? new RedisPubSub(createRedisClient(redisUrl), createRedisClient(redisUrl), prefix) : new MemoryPubSub();
}

export class MemoryPubSub implements PubSub {
  readonly kind = 'memory';
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: string): Promise<boolean> {
    this.emitter.emit(channel, message);
    return true;
  }

  subscribe(channel: string, listener: Listener): Subscription {
    this.emitter.on(channel, listener);
    return { ready: Promise.resolve(), stop: () => void this.emitter.off(channel, listener) };
  }

  connected(): boolean {
    return true;
  }

  onReconnect(): void {}

  onDisconnect(): void {}

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

// Messages kept for re-sending while Redis is away; they are only notifications, so the oldest may go.
const HELD_LIMIT = 1_000;
// After a failed SUBSCRIBE the subscriber reconnects after this delay, doubling per failure in a row up to the cap.
const RESUBSCRIBE_RETRY_MS = 250;
const RESUBSCRIBE_RETRY_MAX_MS = 5_000;

export class RedisPubSub implements PubSub {
  readonly kind = 'redis';
  /** Marks this node's own messages, which it delivered locally when it published them. */
  private readonly nodeId = randomUUID();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new Map<string, Promise<void>>();
  private held: { channel: string; envelope: string }[] = [];
  private subscribed = false;
  private subscribeFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly reconnectListeners: (() => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    this.subscriber.on('message', (wireChannel: string, envelope: string) => {
      if (!wireChannel.startsWith(this.prefix)) return;
      const space = envelope.indexOf(' ');
      if (space < 0 || envelope.slice(0, space) === this.nodeId) return;
      this.deliver(wireChannel.slice(this.prefix.length), envelope.slice(space + 1));
    });
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('close', () => {
      // The next 'ready' subscribes every channel afresh: a retry planned on the old connection is moot.
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.lost();
    });
    this.publisher.on('ready', () => void this.flushHeld());
  }

  async publish(channel: string, message: string): Promise<boolean> {
    this.deliver(channel, message);
    return this.send(this.prefix + channel, `${this.nodeId} ${message}`);
  }

  subscribe(channel: string, listener: Listener): Subscription {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      // When Redis is down the channel is subscribed by `resubscribe` as soon as it returns.
      if (this.subscriber.status === 'ready') {
        const wire = this.prefix + channel;
        const done = this.subscriber.subscribe(wire).then(
          () => undefined,
          () => {
            if (this.listeners.has(channel)) this.subscribeFailed();
          },
        );
        this.pending.set(channel, done);
        void done.then(() => {
          if (this.pending.get(channel) === done) this.pending.delete(channel);
        });
      }
    }
    set.add(listener);
    return {
      ready: this.pending.get(channel) ?? Promise.resolve(),
      stop: () => this.unsubscribe(channel, listener),
    };
  }

  connected(): boolean {
    return this.subscribed && this.subscriber.status === 'ready' && this.publisher.status === 'ready';
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  onDisconnect(listener: () => void): void {
    this.disconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.listeners.clear();
    this.held = [];
    await Promise.all([closeRedisClient(this.publisher), closeRedisClient(this.subscriber)]);
  }

  private unsubscribe(channel: string, listener: Listener): void {
    const set = this.listeners.get(channel);
    if (!set) return;
    set.delete(listener);
    if (set.size > 0) return;
    this.listeners.delete(channel);
    if (this.subscriber.status === 'ready') void this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
  }

  private deliver(channel: string, message: string): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      try {
        listener(message);
      } catch {
        // One socket's failure must not stop delivery to the others.
      }
    }
  }

  private async send(wireChannel: string, envelope: string): Promise<boolean> {
    if (this.publisher.status !== 'ready') {
      this.hold(wireChannel, envelope);
      return false;
    }
    try {
      await this.publisher.publish(wireChannel, envelope);
      return true;
    } catch {
      this.hold(wireChannel, envelope);
      return false;
    }
  }

  private hold(channel: string, envelope: string): void {
    this.held.push({ channel, envelope });
    if (this.held.length > HELD_LIMIT) this.held.splice(0, this.held.length - HELD_LIMIT);
  }

  /** Messages published during an outage reach other nodes' open sockets when Redis returns. */
  private async flushHeld(): Promise<void> {
    const held = this.held;
    this.held = [];
    for (const { channel, envelope } of held) await this.send(channel, envelope);
  }

  private async resubscribe(): Promise<void> {
    const channels = [...this.listeners.keys()].map((channel) => this.prefix + channel);
    try {
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
    } catch {
      this.subscribeFailed();
      return;
    }
    if (this.subscriber.status !== 'ready') return;
    this.subscribeFailures = 0;
    this.subscribed = true;
    for (const listener of this.reconnectListeners) listener();
  }

  /**
   * A SUBSCRIBE failed. When the connection dropped, its next 'ready' subscribes
   * again. When it is still up (the command timed out: Redis was slow, or the
   * reply was lost), nothing would ever retry it and channels would stay deaf to
   * other nodes for good. So fan-out counts as lost (sockets are marked for
   * catch-up, /readyz says degraded) and the subscriber reconnects after a
   * backoff: a fresh connection, whose 'ready' subscribes every channel.
   */
  private subscribeFailed(): void {
    if (this.subscriber.status !== 'ready' || this.retryTimer) return;
    this.lost();
    const delay = Math.min(RESUBSCRIBE_RETRY_MS * 2 ** this.subscribeFailures, RESUBSCRIBE_RETRY_MAX_MS);
    this.subscribeFailures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.subscriber.status === 'ready') this.subscriber.disconnect(true);
    }, delay);
    this.retryTimer.unref();
  }

  private lost(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    for (const listener of this.disconnectListeners) listener();
  }
}
