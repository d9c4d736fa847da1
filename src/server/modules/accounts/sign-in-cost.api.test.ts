import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { GOOD_PASSWORD, TestClient, uniqueHandle } from '../../test-support/test-client.js';
import type * as Passwords from './passwords.js';
import type * as Queries from './queries.js';

// Counts, without changing, the handle lookups and the password hashes the routes ask for.
const spies = vi.hoisted(() => ({ lookups: 0, hashes: 0 }));
vi.mock('./queries.js', async (importOriginal) => {
  const original = await importOriginal<typeof Queries>();
  return {
    ...original,
    findUserByHandle: (...args: Parameters<typeof original.findUserByHandle>) => {
      spies.lookups += 1;
      return original.findUserByHandle(...args);
    },
  };
});
vi.mock('./passwords.js', async (importOriginal) => {
  const original = await importOriginal<typeof Passwords>();
  return {
    ...original,
    hashPassword: (password: string) => {
      spies.hashes += 1;
      return original.hashPassword(password);
    },
  };
});

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '5', TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await hearth?.close();
});
beforeEach(() => {
  spies.lookups = 0;
  spies.hashes = 0;
});

let addressCounter = 0;
function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new TestClient(hearth.app).post(path, body, { 'x-forwarded-for': `192.0.2.${++addressCounter}`, ...headers });
}

describe('requests a limit refuses', () => {
  it('never reach the database, with or without a device cookie', async () => {
    const from = { 'x-forwarded-for': '198.51.100.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/api/auth/sign-in', { handle: uniqueHandle('nobody'), password: 'a-wrong-guess' }, from)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const lookupsWhileAllowed = spies.lookups;
    expect(lookupsWhileAllowed).toBeGreaterThan(0);

    const refused = [
      await post('/api/auth/sign-in', { handle: uniqueHandle('nobody'), password: 'a-wrong-guess' }, from),
      await post('/api/auth/sign-in', { handle: uniqueHandle('nobody'), password: 'a-wrong-guess' }, { ...from, cookie: 'hearth_device=forged.not-a-real-signature' }),
    ];
    expect(refused.map((response) => response.statusCode)).toEqual([429, 429]);
    expect(spies.lookups).toBe(lookupsWhileAllowed);
  });
});

describe('a recovery attempt', () => {
  it('hashes the new password only once the handle and code are right', async () => {
    const handle = uniqueHandle('recover');
    const member = new TestClient(hearth.app);
    const { recoveryCodes } = await member.signUp(handle, GOOD_PASSWORD);
    spies.hashes = 0;

    const wrong = [
      await post('/api/auth/recover', { handle, code: 'abcd-efgh-jkmn', newPassword: 'found-my-way-back' }),
      await post('/api/auth/recover', { handle, code: 'not a code at all', newPassword: 'found-my-way-back' }),
      await post('/api/auth/recover', { handle: uniqueHandle('nobody'), code: recoveryCodes[0], newPassword: 'found-my-way-back' }),
    ];
    expect(wrong.map((response) => response.statusCode)).toEqual([401, 401, 401]);
    expect(spies.hashes).toBe(0);

    const right = await post('/api/auth/recover', { handle, code: recoveryCodes[0], newPassword: 'found-my-way-back' });
    expect(right.statusCode).toBe(200);
    expect(right.json().remainingCodes).toBe(9);
    expect(spies.hashes).toBe(1);
  });
});
