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

export function createRedisClient(url: string): Redis {
  const client = new Redis(url, redisClientOptions);
  // Without a listener an 'error' event would throw and end the process; ioredis reconnects by itself.
  client.on('error', () => undefined);
  return client;
}

export function isRedisReady(client: Redis): boolean {
  return client.status === 'ready';
}
