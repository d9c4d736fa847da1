import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { createAuthLimiters } from './rate-limit.js';

// Nothing listens on port 1: every command fails at once (no offline queue).
const deadRedis = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
deadRedis.on('error', () => undefined);
afterAll(() => {
  deadRedis.disconnect();
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T | AppError }> {
  const start = performance.now();
  try {
    const result = await work();
    return { ms: performance.now() - start, result };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ms: performance.now() - start, result: error };
  }
}

describe('rate limits with Redis unreachable', () => {
  it('still allow, and still limit, each call answering within a second', async () => {
    const limiters = createAuthLimiters(3, { redis: deadRedis, prefix: 'test-dead:' });
    const outcomes: Array<number | 'ok'> = [];
    for (let i = 0; i < 4; i++) {
      const { ms, result } = await timed(() => limiters.signIn({ ip: '203.0.113.9', handle: 'someone' }));
      expect(ms).toBeLessThan(1000);
      outcomes.push(result instanceof AppError ? result.status : 'ok');
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 429]);

    for (const call of [
      () => limiters.signInSucceeded({ ip: '203.0.113.9', handle: 'someone' }),
      () => limiters.signUp({ ip: '203.0.113.10' }),
      () => limiters.recover({ ip: '203.0.113.10', handle: 'someone' }),
      () => limiters.passwordCheck('a-user'),
      () => limiters.passwordCheckSucceeded('a-user'),
      () => limiters.emailChange('a-user'),
    ]) {
      const { ms, result } = await timed(call);
      expect(ms).toBeLessThan(1000);
      expect(result).not.toBeInstanceOf(AppError);
    }
  });
});
