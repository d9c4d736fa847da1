import { Redis, type RedisOptions } from 'ioredis';

/**
 * Every Redis connection Hearth opens is built here, so none of them can make a
 * request wait on a Redis that is gone. Redis only carries notifications of
 * durable rows and rate-limit counts: losing it degrades live fan-out, it never
 * blocks or fails a write that PostgreSQL committed.
 */
export const redisClientOptions: RedisOptions = {
  lazyConnect: false,
  // A command sent while disconnected fails at once instead of queueing until Redis returns.
  enableOfflineQueue: false,
  // A command in flight when the connection drops fails at once (callers fall back), not after a reconnect.
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  // A Redis that accepts connections but does not answer (a network partition) is given up on quickly.
  commandTimeout: 1_000,
  connectTimeout: 2_000,
  // Subscriptions are restored by RedisPubSub itself, which knows every channel a socket needs.
  autoResubscribe: false,
  // Keep trying forever, at most every 2 s, so fan-out comes back on its own.
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
};

// How often an idle connection is asked to PING (see watchConnection).
const WATCH_INTERVAL_MS = 5_000;

export function createRedisClient(url: string): Redis {
  const client = new Redis(url, redisClientOptions);
  // Without a listener an 'error' event would throw and end the process; ioredis reconnects by itself.
  client.on('error', () => undefined);
  watchConnection(client);
  return client;
}

/**
 * A Redis lost behind a network partition never closes the connection: a
 * subscriber would wait for messages forever while /readyz says ready. A PING
 * that times out (commandTimeout) drops the connection, so the outage is seen
 * (degraded, sockets marked for catch-up) and ioredis reconnects when it can.
 */
const watchers = new WeakMap<Redis, ReturnType<typeof setInterval>>();

function watchConnection(client: Redis): void {
  const timer = setInterval(() => {
    if (client.status !== 'ready') return;
    client.ping().catch(() => {
      if (client.status === 'ready') client.disconnect(true);
    });
  }, WATCH_INTERVAL_MS);
  timer.unref();
  watchers.set(client, timer);
}

/** Closes a client made by createRedisClient, whether or not Redis can be reached. */
export async function closeRedisClient(client: Redis): Promise<void> {
  clearInterval(watchers.get(client));
  await client.quit().catch(() => undefined);
  // quit() cannot reach a Redis that is down: disconnect() also stops the reconnect loop.
  client.disconnect();
}

export function isRedisReady(client: Redis): boolean {
  return client.status === 'ready';
}
