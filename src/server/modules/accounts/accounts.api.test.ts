import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { GOOD_PASSWORD, TestClient, uniqueHandle } from '../../test-support/test-client.js';
import { account } from '../../test-support/community.js';
import { act } from '../moderation/actions-test-steps.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const client = () => new TestClient(hearth.app);

describe('sign up', () => {
  it('creates an account with a handle and password only, signs in and shows recovery codes once', async () => {
    const member = client();
    const response = await member.post('/api/auth/sign-up', { handle: 'Quiet_Otter', password: GOOD_PASSWORD });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ handle: 'Quiet_Otter', role: 'member', email: null });
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    expect(body.user).not.toHaveProperty('passwordHash');
    const me = await member.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.handle).toBe('Quiet_Otter');
    expect(JSON.stringify(me.json())).not.toContain(body.recoveryCodes[0]);
  });

  it('sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await client().post('/api/auth/sign-up', { handle: uniqueHandle(), password: GOOD_PASSWORD });
    const cookie = response.cookies.find((c) => c.name === 'hearth_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses a handle that is taken, whatever its case', async () => {
    const handle = uniqueHandle('Taken');
    await client().signUp(handle);
    const again = await client().post('/api/auth/sign-up', { handle: handle.toLowerCase(), password: GOOD_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'handle_taken', field: 'handle' });
  });

  it('refuses common passwords and passwords equal to the handle', async () => {
    const common = await client().post('/api/auth/sign-up', { handle: uniqueHandle(), password: 'password123' });
    expect(common.statusCode).toBe(422);
    expect(common.json().error).toMatchObject({ code: 'common_password', field: 'password' });
    const handle = uniqueHandle('samename');
    const same = await client().post('/api/auth/sign-up', { handle, password: handle });
    expect(same.json().error.code).toBe('password_is_handle');
  });

  it('accepts a 128-character passphrase and refuses one that is too short', async () => {
    const long = await client().post('/api/auth/sign-up', { handle: uniqueHandle(), password: 'x'.repeat(100) + 'correct horse batter' + 'y'.repeat(8) });
    expect(long.statusCode).toBe(201);
    const short = await client().post('/api/auth/sign-up', { handle: uniqueHandle(), password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('password');
  });

  it('names the field on bad input and never answers 500', async () => {
    const cases: [unknown, string][] = [
      [{ handle: 'ab', password: GOOD_PASSWORD }, 'handle'],
      [{ handle: '1starts_with_digit', password: GOOD_PASSWORD }, 'handle'],
      [{ handle: uniqueHandle(), password: 42 }, 'password'],
      [{ password: GOOD_PASSWORD }, 'handle'],
      [{ handle: uniqueHandle(), password: GOOD_PASSWORD, email: 'not-an-email' }, 'email'],
      [{ handle: uniqueHandle(), password: GOOD_PASSWORD, country: 'XX' }, 'country'],
      [{ handle: uniqueHandle(), password: GOOD_PASSWORD, timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ handle: uniqueHandle(), password: GOOD_PASSWORD, isAdmin: true }, 'isAdmin'],
    ];
    for (const [body, field] of cases) {
      const response = await client().post('/api/auth/sign-up', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field, JSON.stringify(body)).toBe(field);
      expect(response.json().error.message).toEqual(expect.any(String));
    }
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await client().request('POST', '/api/auth/sign-up', '{"handle": ', {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_json');
    expect(response.body).not.toMatch(/at .*\.js:\d+/);
  });

  it('does not say whether another account gave the same email', async () => {
    const email = `${uniqueHandle()}@example.org`;
    await client().signUp(uniqueHandle(), GOOD_PASSWORD, { email });
    const again = await client().post('/api/auth/sign-up', { handle: uniqueHandle(), password: GOOD_PASSWORD, email: email.toUpperCase() });
    expect(again.statusCode).toBe(201);
    expect(again.json().user.email).toBe(email.toUpperCase());
  });
});

describe('sign in and out', () => {
  it('signs in with the right password and out again', async () => {
    const handle = uniqueHandle();
    await client().signUp(handle);
    const member = client();
    const signIn = await member.post('/api/auth/sign-in', { handle, password: GOOD_PASSWORD });
    expect(signIn.statusCode).toBe(200);
    expect((await member.get('/api/me')).statusCode).toBe(200);
    expect((await member.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await member.get('/api/me')).statusCode).toBe(401);
  });

  it('gives the same answer for an unknown handle and a wrong password', async () => {
    const handle = uniqueHandle();
    await client().signUp(handle);
    const wrongPassword = await client().post('/api/auth/sign-in', { handle, password: 'not-the-password' });
    const unknownHandle = await client().post('/api/auth/sign-in', { handle: uniqueHandle('nobody'), password: 'not-the-password' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownHandle.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownHandle.json());
  });

  it('answers signed-out requests to member routes with 401', async () => {
    for (const [method, url] of [
      ['GET', '/api/me'],
      ['PATCH', '/api/me'],
      ['POST', '/api/me/password'],
      ['GET', '/api/me/sessions'],
      ['POST', '/api/auth/sign-out'],
    ] as const) {
      const response = await client().request(method, url, method === 'GET' ? undefined : {});
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });
});

describe('profile', () => {
  it('updates pronouns, bio, country, time zone and language', async () => {
    const member = client();
    await member.signUp();
    const response = await member.patch('/api/me', { pronouns: 'they/them', bio: 'Here for the grief group.', country: 'ie', timeZone: 'Europe/Dublin', language: 'en-IE' });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ pronouns: 'they/them', country: 'IE', timeZone: 'Europe/Dublin', language: 'en-IE' });
    const cleared = await member.patch('/api/me', { pronouns: null });
    expect(cleared.json().user.pronouns).toBeNull();
  });

  it('refuses a bio that is too long, naming the field', async () => {
    const member = client();
    await member.signUp();
    const response = await member.patch('/api/me', { bio: 'x'.repeat(281) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('bio');
  });
});

describe('sessions', () => {
  it('lists sessions, ends another one, and that device is signed out', async () => {
    const handle = uniqueHandle();
    const laptop = client();
    await laptop.signUp(handle);
    const phone = client();
    await phone.post('/api/auth/sign-in', { handle, password: GOOD_PASSWORD }, { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Firefox/130.0' });
    const list = await laptop.get('/api/me/sessions');
    expect(list.json().sessions).toHaveLength(2);
    const other = list.json().sessions.find((s: { current: boolean }) => !s.current);
    expect(other.device).toBe('Firefox on Android');
    expect((await laptop.delete(`/api/me/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
  });

  it('signs out everywhere else at once', async () => {
    const handle = uniqueHandle();
    const here = client();
    await here.signUp(handle);
    const elsewhere = [client(), client()];
    for (const device of elsewhere) await device.post('/api/auth/sign-in', { handle, password: GOOD_PASSWORD });
    expect((await here.post('/api/me/sessions/end-others')).statusCode).toBe(200);
    for (const device of elsewhere) expect((await device.get('/api/me')).statusCode).toBe(401);
    expect((await here.get('/api/me/sessions')).json().sessions).toHaveLength(1);
  });

  it("cannot end someone else's session", async () => {
    const alice = client();
    const aliceAccount = await alice.signUp();
    const mallory = client();
    await mallory.signUp();
    const response = await mallory.delete(`/api/me/sessions/${aliceAccount.user.sessionId}`);
    expect(response.statusCode).toBe(404);
    expect((await alice.get('/api/me')).statusCode).toBe(200);
  });

  it('refuses a malformed session id with 400', async () => {
    const member = client();
    await member.signUp();
    const response = await member.delete('/api/me/sessions/not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('sessionId');
  });
});

describe('password change and recovery', () => {
  it('changing the password ends every other session', async () => {
    const handle = uniqueHandle();
    const laptop = client();
    await laptop.signUp(handle);
    const phone = client();
    await phone.post('/api/auth/sign-in', { handle, password: GOOD_PASSWORD });
    const wrong = await laptop.post('/api/me/password', { currentPassword: 'nope-nope-nope', newPassword: 'another-quiet-evening' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.field).toBe('currentPassword');
    const changed = await laptop.post('/api/me/password', { currentPassword: GOOD_PASSWORD, newPassword: 'another-quiet-evening' });
    expect(changed.statusCode).toBe(200);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    expect((await client().post('/api/auth/sign-in', { handle, password: 'another-quiet-evening' })).statusCode).toBe(200);
  });

  it('a recovery code resets the password once, and ends old sessions', async () => {
    const handle = uniqueHandle();
    const old = client();
    const { recoveryCodes } = await old.signUp(handle);
    const lost = client();
    const code = recoveryCodes[3]!.toUpperCase().replace(/-/g, ' ');
    const recovered = await lost.post('/api/auth/recover', { handle, code, newPassword: 'found-my-way-back' });
    expect(recovered.statusCode).toBe(200);
    expect(recovered.json().remainingCodes).toBe(9);
    expect((await lost.get('/api/me')).statusCode).toBe(200);
    expect((await old.get('/api/me')).statusCode).toBe(401);
    const reused = await client().post('/api/auth/recover', { handle, code: recoveryCodes[3], newPassword: 'found-my-way-again' });
    expect(reused.statusCode).toBe(401);
  });

  it('regenerates recovery codes with the password, and old codes stop working', async () => {
    const handle = uniqueHandle();
    const member = client();
    const { recoveryCodes } = await member.signUp(handle);
    const fresh = await member.post('/api/me/recovery-codes', { password: GOOD_PASSWORD });
    expect(fresh.json().recoveryCodes).toHaveLength(10);
    const old = await client().post('/api/auth/recover', { handle, code: recoveryCodes[0], newPassword: 'found-my-way-back' });
    expect(old.statusCode).toBe(401);
  });
});

describe('admin', () => {
  it('only an admin can list members and change roles', async () => {
    const member = client();
    const { user } = await member.signUp();
    expect((await member.get('/api/admin/users')).statusCode).toBe(403);
    expect((await member.patch(`/api/admin/users/${user.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await client().get('/api/admin/users')).statusCode).toBe(401);

    const admin = client();
    const adminAccount = await admin.signUp(uniqueHandle('boss'));
    const { updateUser } = await import('./queries.js');
    await updateUser(hearth.deps.db, adminAccount.user.id, { role: 'admin' });

    const promoted = await admin.patch(`/api/admin/users/${user.id}`, { role: 'moderator' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().user.role).toBe('moderator');
    expect((await member.get('/api/me')).json().user.role).toBe('moderator');
    const list = await admin.get(`/api/admin/users?q=${user.handle.slice(0, 6)}`);
    expect(list.json().users.map((u: { id: string }) => u.id)).toContain(user.id);
    expect((await admin.patch(`/api/admin/users/${user.id}`, { role: 'overlord' })).json().error.field).toBe('role');
    expect((await admin.patch(`/api/admin/users/${adminAccount.user.id}`, { role: 'member' })).statusCode).toBe(403);
  });

  it('the Hearth Safety account is no member: not listed, and its role cannot be changed', async () => {
    const admin = client();
    const adminAccount = await admin.signUp(uniqueHandle('boss'));
    const { updateUser } = await import('./queries.js');
    await updateUser(hearth.deps.db, adminAccount.user.id, { role: 'admin' });
    const { findSafetyAccountId, SAFETY_ACCOUNT_HANDLE } = await import('../safety-team/system-account.js');
    const systemId = (await findSafetyAccountId(hearth.deps.db))!;

    const list = await admin.get(`/api/admin/users?q=${SAFETY_ACCOUNT_HANDLE}`);
    expect(list.json().users.map((u: { id: string }) => u.id)).not.toContain(systemId);
    const changed = await admin.patch(`/api/admin/users/${systemId}`, { role: 'member' });
    expect(changed.statusCode).toBe(404);
  });
});

describe('the HTTP surface', () => {
  it('sends security headers and no-store on API responses', async () => {
    const response = await client().get('/api/me');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('refuses cookie-authenticated writes from another site', async () => {
    const member = client();
    await member.signUp();
    const crossSite = await member.request('PATCH', '/api/me', { bio: 'pwned' }, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross_site_request');
    const fetchSite = await member.request('PATCH', '/api/me', { bio: 'pwned' }, { 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.statusCode).toBe(403);
    const sameSite = await member.request('PATCH', '/api/me', { bio: 'fine' }, { origin: 'http://localhost:3000' });
    expect(sameSite.statusCode).toBe(200);
  });

  it('answers unknown API routes with the error shape', async () => {
    const response = await client().get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('reports health and readiness', async () => {
    expect((await client().get('/healthz')).json()).toEqual({ status: 'ok' });
    // On PGlite it also reports the embedded database's queue (modules/health/health.api.test.ts).
    expect((await client().get('/readyz')).json()).toMatchObject({ status: 'ready' });
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const response = await client().get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('handle');
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per handle and per IP with 429 and Retry-After', async () => {
    const limited = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '5' });
    try {
      const member = new TestClient(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await member.post('/api/auth/sign-in', { handle: 'someone', password: 'wrong-password' })).statusCode);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      const last = await member.post('/api/auth/sign-in', { handle: 'someone', password: 'wrong-password' });
      expect(last.statusCode).toBe(429);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect(last.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('a suspended member’s profile', () => {
  it('keeps the public bio and pronouns as they were; email, time zone and language stay theirs to change', async () => {
    const member = await account(hearth);
    expect((await member.client.patch('/api/me', { bio: 'Here for the grief group.', pronouns: 'she/her' })).statusCode).toBe(200);
    const admin = await account(hearth, 'admin');
    expect((await act(admin.client, 'suspend', { type: 'member', id: member.user.id }, { hours: 48 })).statusCode).toBe(200);

    const bio = await member.client.patch('/api/me', { bio: 'Suspended, still posting this to everyone who opens my profile.' });
    expect(bio.statusCode).toBe(403);
    expect(bio.json().error).toMatchObject({ code: 'suspended', sanction: { kind: 'suspend' } });
    expect((await member.client.patch('/api/me', { pronouns: 'they/them' })).statusCode).toBe(403);
    // The settings form sends every field: unchanged public fields beside a private change are fine.
    const settings = await member.client.patch('/api/me', { bio: 'Here for the grief group.', pronouns: 'she/her', timeZone: 'Europe/Dublin', language: 'en-IE' });
    expect(settings.statusCode).toBe(200);
    expect(settings.json().user).toMatchObject({ bio: 'Here for the grief group.', timeZone: 'Europe/Dublin' });
    const viewer = await account(hearth);
    const profile = await viewer.client.get(`/api/members/${member.user.handle}`);
    expect(profile.statusCode).toBe(200);
    expect(JSON.stringify(profile.json())).not.toContain('Suspended, still posting');
  });
});
