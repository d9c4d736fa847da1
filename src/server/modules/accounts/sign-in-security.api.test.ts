import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_CHECKS_PER_15_MINUTES, EMAIL_CHANGES_PER_HOUR } from '../../http/rate-limit.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { GOOD_PASSWORD, TestClient, uniqueHandle } from '../../test-support/test-client.js';

// Five attempts a minute per address, as a small community might set it; addresses come from X-Forwarded-For.
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '5', TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await hearth?.close();
});

let addressCounter = 0;
/** A browser at its own address. */
function device(address = `198.51.100.${++addressCounter}`) {
  const client = new TestClient(hearth.app);
  const from = { 'x-forwarded-for': address };
  return {
    client,
    signUp: (handle: string, extra: Record<string, unknown> = {}) => client.post('/api/auth/sign-up', { handle, password: GOOD_PASSWORD, ...extra }, from),
    signIn: (handle: string, password: string) => client.post('/api/auth/sign-in', { handle, password }, from),
    recover: (handle: string, code: string, newPassword: string) => client.post('/api/auth/recover', { handle, code, newPassword }, from),
  };
}

describe('sign-in limits that slow an attacker without locking the owner out', () => {
  it("strangers' wrong passwords from other addresses stop neither the owner's known device nor recovery", async () => {
    const handle = uniqueHandle('owner');
    const laptop = device();
    const { recoveryCodes } = (await laptop.signUp(handle)).json() as { recoveryCodes: string[] };
    expect((await laptop.signIn(handle, GOOD_PASSWORD)).statusCode).toBe(200);

    // Ten wrong passwords from each of three addresses: every bucket a stranger can fill is full.
    const statuses: number[] = [];
    for (let a = 0; a < 3; a++) {
      const attacker = device();
      for (let i = 0; i < 10; i++) statuses.push((await attacker.signIn(handle, `wrong-guess-${a}-${i}`)).statusCode);
    }
    expect(statuses).toContain(429);
    // And a stranger's device that has signed in to its own account is not a known device for this one.
    const other = device();
    await other.signUp(uniqueHandle('other'));
    expect((await other.signIn(handle, 'wrong-guess-again')).statusCode).toBe(429);

    // The owner's laptop, which signed in before, still gets in with the right password.
    expect((await laptop.signIn(handle, GOOD_PASSWORD)).statusCode).toBe(200);
    // A new device is held back for now, but a recovery code always works.
    const phone = device();
    expect((await phone.signIn(handle, GOOD_PASSWORD)).statusCode).toBe(429);
    const recovered = await phone.recover(handle, recoveryCodes[0]!, 'found-my-way-back');
    expect(recovered.statusCode).toBe(200);
    expect((await phone.client.get('/api/me')).json().user.handle).toBe(handle);
  });

  it("a stranger on the owner's own network (one address) does not lock the owner's known device out", async () => {
    const handle = uniqueHandle('shared');
    const address = `198.51.100.${++addressCounter}`;
    const laptop = device(address);
    await laptop.signUp(handle);
    const stranger = device(address);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await stranger.signIn(handle, `wrong-guess-${i}`)).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect((await laptop.signIn(handle, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('still limits guesses from a known device', async () => {
    const handle = uniqueHandle('laptop');
    const laptop = device();
    await laptop.signUp(handle);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await laptop.signIn(handle, `wrong-guess-${i}`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('known devices', () => {
  it('stop counting as known once the password changes: an old device is held back like a stranger', async () => {
    const handle = uniqueHandle('revoked');
    const laptop = device();
    await laptop.signUp(handle);
    // Someone who once knew the password signs in and keeps that browser's device cookie.
    const former = device();
    expect((await former.signIn(handle, GOOD_PASSWORD)).statusCode).toBe(200);
    expect((await former.signIn(handle, 'wrong-guess-before')).statusCode).toBe(401);

    expect((await laptop.client.post('/api/me/password', { currentPassword: GOOD_PASSWORD, newPassword: 'a-brand-new-secret' })).statusCode).toBe(200);
    // Strangers fill every bucket a device without a valid cookie counts against.
    for (let a = 0; a < 3; a++) {
      const stranger = device();
      for (let i = 0; i < 10; i++) await stranger.signIn(handle, `wrong-guess-${a}-${i}`);
    }

    expect((await former.signIn(handle, 'wrong-guess-after')).statusCode).toBe(429);
    // The browser that changed the password is still known, and gets in.
    expect((await laptop.signIn(handle, 'a-brand-new-secret')).statusCode).toBe(200);
  });

  it('stop counting as known once the password is reset with a recovery code', async () => {
    const handle = uniqueHandle('reset');
    const { recoveryCodes } = (await device().signUp(handle)).json() as { recoveryCodes: string[] };
    const former = device();
    expect((await former.signIn(handle, GOOD_PASSWORD)).statusCode).toBe(200);

    const owner = device();
    expect((await owner.recover(handle, recoveryCodes[0]!, 'found-my-way-back')).statusCode).toBe(200);
    for (let a = 0; a < 3; a++) {
      const stranger = device();
      for (let i = 0; i < 10; i++) await stranger.signIn(handle, `wrong-guess-${a}-${i}`);
    }

    expect((await former.signIn(handle, 'wrong-guess-after')).statusCode).toBe(429);
    expect((await owner.signIn(handle, 'found-my-way-back')).statusCode).toBe(200);
  });
});

describe('IPv6 addresses', () => {
  it('count one /64 as one address', async () => {
    const sameNetwork = Array.from({ length: 6 }, (_, i) => device(`2001:db8:64:1::${i + 1}`));
    const statuses: number[] = [];
    for (const [i, browser] of sameNetwork.entries()) statuses.push((await browser.signIn(uniqueHandle(`nobody${i}`), 'a-wrong-guess')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The next /64 is someone else.
    expect((await device('2001:db8:64:2::1').signIn(uniqueHandle('nobody'), 'a-wrong-guess')).statusCode).toBe(401);
  });
});

describe('handles spelt with characters no handle has', () => {
  // PostgreSQL lower-cases 'İ' to 'i' while JavaScript makes it 'i̇': such a spelling would reach the account
  // while the limiter counted it as another handle, giving an attacker a fresh per-handle budget per spelling.
  it('are refused as a 400 naming the handle, never looked up, in sign-in, recovery and blocks', async () => {
    const handle = uniqueHandle('iris');
    const owner = device();
    const { recoveryCodes } = (await owner.signUp(handle)).json() as { recoveryCodes: string[] };
    const dotted = `İ${handle.slice(1)}`;
    for (const response of [
      await device().signIn(dotted, GOOD_PASSWORD),
      await device().recover(dotted, recoveryCodes[0]!, 'found-my-way-back'),
      await owner.client.post('/api/me/blocks', { handle: dotted }, { 'x-forwarded-for': '198.51.100.250' }),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe('handle');
    }
    expect((await device().signIn(handle.toUpperCase(), GOOD_PASSWORD)).statusCode).toBe(200);
  });
});

describe('recovery', () => {
  it('a new password that is refused does not use up the recovery code', async () => {
    const handle = uniqueHandle('recover');
    const { recoveryCodes } = (await device().signUp(handle)).json() as { recoveryCodes: string[] };
    const lost = device();
    const refused = await lost.recover(handle, recoveryCodes[0]!, 'password123');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'common_password', field: 'newPassword' });
    const retried = await lost.recover(handle, recoveryCodes[0]!, 'found-my-way-back');
    expect(retried.statusCode).toBe(200);
    expect(retried.json().remainingCodes).toBe(9);
  });
});

describe('recovery when the database fails half-way', () => {
  it('keeps the code: it is spent in the same transaction that sets the new password', async () => {
    const handle = uniqueHandle('halfway');
    const { recoveryCodes } = (await device().signUp(handle)).json() as { recoveryCodes: string[] };
    // Setting a new password now fails inside the database, after the code would have been spent.
    await hearth.deps.db.execute(
      sql.raw(`CREATE FUNCTION refuse_new_passwords() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = 'P0001'; END $$`),
    );
    await hearth.deps.db.execute(
      sql.raw('CREATE TRIGGER refuse_new_passwords BEFORE UPDATE OF password_hash ON users FOR EACH ROW EXECUTE FUNCTION refuse_new_passwords()'),
    );
    const lost = device();
    try {
      expect((await lost.recover(handle, recoveryCodes[0]!, 'found-my-way-back')).statusCode).toBe(500);
    } finally {
      await hearth.deps.db.execute(sql.raw('DROP TRIGGER refuse_new_passwords ON users'));
      await hearth.deps.db.execute(sql.raw('DROP FUNCTION refuse_new_passwords()'));
    }
    const retried = await lost.recover(handle, recoveryCodes[0]!, 'found-my-way-back');
    expect(retried.statusCode).toBe(200);
    expect(retried.json().remainingCodes).toBe(9);
  });
});

describe('current-password checks', () => {
  it('allow a few wrong guesses per session, then 429, across password change and new recovery codes', async () => {
    const handle = uniqueHandle('guess');
    const member = device();
    await member.signUp(handle);
    const statuses: number[] = [];
    for (let i = 0; i < PASSWORD_CHECKS_PER_15_MINUTES; i++) {
      const path = i % 2 === 0 ? '/api/me/password' : '/api/me/recovery-codes';
      const body = i % 2 === 0 ? { currentPassword: `guess-number-${i}`, newPassword: 'another-quiet-evening' } : { password: `guess-number-${i}` };
      statuses.push((await member.client.post(path, body)).statusCode);
    }
    expect(statuses.every((status) => status === 409)).toBe(true);
    // Even the right password waits now: the session may not be the owner's.
    const blocked = await member.client.post('/api/me/password', { currentPassword: GOOD_PASSWORD, newPassword: 'another-quiet-evening' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await member.client.post('/api/me/recovery-codes', { password: GOOD_PASSWORD })).statusCode).toBe(429);
  });

  it("a stolen session's wrong guesses do not stop the owner's own session from changing the password", async () => {
    const handle = uniqueHandle('stolen');
    const owner = device();
    await owner.signUp(handle);
    const thief = device();
    expect((await thief.signIn(handle, GOOD_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < PASSWORD_CHECKS_PER_15_MINUTES; i++) {
      expect((await thief.client.post('/api/me/recovery-codes', { password: `guess-number-${i}` })).statusCode).toBe(409);
    }
    expect((await thief.client.post('/api/me/recovery-codes', { password: 'one-more-guess' })).statusCode).toBe(429);

    const changed = await owner.client.post('/api/me/password', { currentPassword: GOOD_PASSWORD, newPassword: 'another-quiet-evening' });
    expect(changed.statusCode).toBe(200);
    // And the change signed the thief out.
    expect((await thief.client.get('/api/me')).statusCode).toBe(401);
  });

  it('a right password clears the count', async () => {
    const member = device();
    await member.signUp(uniqueHandle('clears'));
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < PASSWORD_CHECKS_PER_15_MINUTES - 1; i++) {
        expect((await member.client.post('/api/me/recovery-codes', { password: `guess-${round}-${i}` })).statusCode).toBe(409);
      }
      expect((await member.client.post('/api/me/recovery-codes', { password: GOOD_PASSWORD })).statusCode).toBe(200);
    }
  });
});

describe('emails', () => {
  it('answers the same whether or not another account gave the address', async () => {
    const email = `${uniqueHandle()}@example.org`;
    await device().signUp(uniqueHandle('first'), { email });
    const member = device();
    await member.signUp(uniqueHandle('second'));
    const taken = await member.client.patch('/api/me', { email: email.toUpperCase() });
    const fresh = await member.client.patch('/api/me', { email: `${uniqueHandle()}@example.org` });
    expect(taken.statusCode).toBe(200);
    expect(fresh.statusCode).toBe(200);
    expect(taken.json().user.email).toBe(email.toUpperCase());
    const signUpTaken = await device().signUp(uniqueHandle('third'), { email });
    expect(signUpTaken.statusCode).toBe(201);
  });

  it('limits how often an account changes its email', async () => {
    const member = device();
    await member.signUp(uniqueHandle('emails'));
    const statuses: number[] = [];
    for (let i = 0; i <= EMAIL_CHANGES_PER_HOUR; i++) statuses.push((await member.client.patch('/api/me', { email: `try${i}-${uniqueHandle()}@example.org` })).statusCode);
    expect(statuses.slice(0, EMAIL_CHANGES_PER_HOUR).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Other profile fields are not held back.
    expect((await member.client.patch('/api/me', { bio: 'still here' })).statusCode).toBe(200);
  });
});
