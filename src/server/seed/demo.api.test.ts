import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { TestClient } from '../test-support/test-client.js';
import { DEMO_MEMBERS, seedDemoCommunity } from './demo.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

describe('the demo community', () => {
  it('seeds members who can sign in, with conversations to read, once', async () => {
    const created = await seedDemoCommunity(hearth.deps);
    expect(created.map((member) => member.handle)).toEqual(DEMO_MEMBERS.map((member) => member.handle));
    const river = new TestClient(hearth.app);
    const signIn = await river.post('/api/auth/sign-in', { handle: 'river', password: DEMO_MEMBERS[0]!.password });
    expect(signIn.statusCode).toBe(200);
    const feed = (await river.get('/api/feed')).json().posts;
    expect(feed.length).toBeGreaterThanOrEqual(3);
    expect((await river.get('/api/feed/needs-reply')).json().posts.length).toBeGreaterThanOrEqual(1);
    expect(await seedDemoCommunity(hearth.deps)).toEqual([]);
  });
});
