import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { burnVerifyTime, verifyPassword } from './passwords.js';

describe('sign-in for a handle that does not exist', () => {
  it('is answered normally again once a flood that filled the argon2 line has passed', async () => {
    // A cheap hash keeps the flood fast; the gate counts checks, not their cost.
    const cheap = await argon2.hash('someone-elses-password', { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const flood = Array.from({ length: 200 }, (_, i) => verifyPassword(cheap, `wrong-${i}`));
    // The first unknown handle since start arrives while the line is full: it is asked to come back.
    const during = await burnVerifyTime('a-guess').catch((error: unknown) => error);
    expect(during).toBeInstanceOf(AppError);
    expect((during as AppError).status).toBe(429);
    await Promise.allSettled(flood);

    // Afterwards, unknown handles take the usual path (and then a 401), not 429 until a restart.
    await expect(burnVerifyTime('another-guess')).resolves.toBeUndefined();
    await expect(burnVerifyTime('a-third-guess')).resolves.toBeUndefined();
  });
});
