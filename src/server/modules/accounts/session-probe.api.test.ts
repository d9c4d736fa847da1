import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

describe('the session probe the web app starts with', () => {
  it('answers 200 with no user when signed out (no 401 for the browser console), and the member when signed in', async () => {
    const visitor = new TestClient(hearth.app);
    const signedOut = await visitor.get('/api/auth/session');
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ user: null });
    // API clients keep the plain answer on /api/me.
    expect((await visitor.get('/api/me')).statusCode).toBe(401);

    const member = new TestClient(hearth.app);
    const { user } = await member.signUp();
    const signedIn = await member.get('/api/auth/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toEqual((await member.get('/api/me')).json().user);
    expect(signedIn.json().user.handle).toBe(user.handle);
  });
});
