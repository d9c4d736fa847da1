import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../modules/accounts/service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { TestClient } from '../test-support/test-client.js';
import { DEMO_MEMBERS, RETIRED_SOURCE_PASSWORDS, databaseIsEmpty, prepareDemoOnStart, seedDemoCommunity } from './demo.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const signInStatus = async (app: TestApp, handle: string, password: string) =>
  (await new TestClient(app.app).post('/api/auth/sign-in', { handle, password })).statusCode;

describe('the demo community', () => {
  it('seeds members with random passwords who can sign in, with conversations to read, once; the web app is told it is a demo', async () => {
    expect((await new TestClient(hearth.app).get('/api/instance')).json()).toEqual({ demo: false });
    const created = await seedDemoCommunity(hearth.deps);
    expect(created.map((member) => member.handle)).toEqual(DEMO_MEMBERS.map((member) => member.handle));
    const river = new TestClient(hearth.app);
    const signIn = await river.post('/api/auth/sign-in', { handle: 'river', password: created[0]!.password });
    expect(signIn.statusCode).toBe(200);
    const feed = (await river.get('/api/feed')).json().posts;
    expect(feed.length).toBeGreaterThanOrEqual(3);
    expect((await river.get('/api/feed/needs-reply')).json().posts.length).toBeGreaterThanOrEqual(1);
    expect(await seedDemoCommunity(hearth.deps)).toEqual([]);
    expect((await new TestClient(hearth.app).get('/api/instance')).json()).toEqual({ demo: true });
  });

  it('accepts no password that is in the source, for any demo account, including the moderator', async () => {
    for (const [handle, password] of Object.entries(RETIRED_SOURCE_PASSWORDS)) {
      expect(await signInStatus(hearth, handle, password)).toBe(401);
    }
  });

  it('gives different passwords on two seeds', async () => {
    const other = await createTestApp();
    try {
      const first = (await seedDemoCommunity(other.deps)).map((member) => member.password);
      expect(first).toHaveLength(DEMO_MEMBERS.length);
      expect(new Set(first).size).toBe(first.length);
      const mine = await signInStatus(hearth, 'wren', first[2]!);
      expect(mine).toBe(401);
      for (const password of first) expect(password.length).toBeGreaterThanOrEqual(20);
    } finally {
      await other.close();
    }
  });

  it('retires the source passwords of an install seeded by an older version: new password, sessions ended', async () => {
    const old = await createTestApp();
    try {
      // What an older Hearth seeded: the demo members with the passwords in its source.
      for (const member of DEMO_MEMBERS) {
        await signUp(old.deps, { handle: member.handle, password: RETIRED_SOURCE_PASSWORDS[member.handle]!, role: member.role }, { ip: '127.0.0.1', userAgent: 'old seed' });
      }
      const intruder = new TestClient(old.app);
      expect((await intruder.post('/api/auth/sign-in', { handle: 'wren', password: RETIRED_SOURCE_PASSWORDS.wren })).statusCode).toBe(200);

      const notice = await prepareDemoOnStart(old.deps);
      for (const member of DEMO_MEMBERS) {
        expect(await signInStatus(old, member.handle, RETIRED_SOURCE_PASSWORDS[member.handle]!)).toBe(401);
        const printed = new RegExp(`${member.handle}\\s+password: (\\S+)`).exec(notice)?.[1];
        expect(printed).toBeDefined();
        expect(await signInStatus(old, member.handle, printed!)).toBe(200);
      }
      // Whoever signed in with the known password is signed out.
      expect((await intruder.get('/api/me')).statusCode).toBe(401);
      expect((await new TestClient(old.app).get('/api/instance')).json()).toEqual({ demo: true });
      // Done once: the next start finds nothing to retire.
      expect(await prepareDemoOnStart(old.deps)).toBe('');
    } finally {
      await old.close();
    }
  });

  it('seeds nothing on a DATABASE_URL install unless DEMO_SEED=true is given', async () => {
    const production = await createTestApp({ DATABASE_URL: 'postgres://hearth@127.0.0.1:1/unused' });
    try {
      expect(production.deps.config.demoSeed).toBe(false);
      expect(await prepareDemoOnStart(production.deps)).toBe('');
      expect(await databaseIsEmpty(production.deps)).toBe(true);
      expect((await new TestClient(production.app).get('/api/instance')).json()).toEqual({ demo: false });
    } finally {
      await production.close();
    }
  });
});
