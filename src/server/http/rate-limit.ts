import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from './errors.js';

/**
 * Limits on the doors a stranger can knock on: sign-in, sign-up and recovery,
 * counted per IP address and per handle. In memory on one node; in Redis when
 * REDIS_URL is set, so N nodes share one count.
 */
export interface AuthLimiters {
  /** Counts one attempt for each key; throws 429 when any is over its limit. */
  consume(keys: { ip: string; handle?: string }): Promise<void>;
  /** A successful sign-in clears the handle's count. */
  reward(handle: string): Promise<void>;
}

export interface AuthLimiterOptions {
  /** Shared counts across nodes; in memory when absent. */
  redis?: Redis;
  /** Per-installation key prefix (two communities may share one Redis). */
  prefix: string;
}

export function createAuthLimiters(perMinute: number, { redis, prefix }: AuthLimiterOptions): AuthLimiters {
  const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${prefix}${name}`;
    return redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  };
  const byIp = make('auth_ip', perMinute, 60);
  // A handle under attack from many addresses: a tighter budget over 15 minutes.
  const byHandle = make('auth_handle', Math.max(5, perMinute), 15 * 60);

  return {
    async consume({ ip, handle }) {
      try {
        await byIp.consume(ip);
        if (handle) await byHandle.consume(handle.toLowerCase());
      } catch (error) {
        if (error instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        throw error;
      }
    },
    async reward(handle) {
      await byHandle.delete(handle.toLowerCase());
    },
  };
}
