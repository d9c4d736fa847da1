import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { join, memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Attacker's review of who may be messaged (issue 15): what the "may write" answer tells. FAILS today.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const DAY_MS = 24 * 60 * 60 * 1000;

async function handleOf(id: string) {
  const [row] = await hearth.deps.db.select({ handle: users.handle }).from(users).where(eq(users.id, id));
  return row!.handle;
}

describe('the "may write" answer as a membership probe (attack)', () => {
  /**
   * Hearth shows nobody which groups a member is in (profiles carry no groups), and a member may take part in a
   * sensitive group only anonymously. But with the default "members who share a group" setting, the answer to
   * GET /api/conversations/with/:handle flips from `not_accepting_requests` to `mayWrite: true` the moment the
   * asker joins a group the other member is in. Joining groups one by one (or being in a private one) an attacker
   * learns exactly which support groups a handle belongs to, and narrows down who wrote anonymous posts in a small
   * group. Membership that the member never showed under their handle must not change the answer.
   */
  it('joining a group where the other member only posted anonymously does not change whether you may write to them', async () => {
    const target = await memberIn(hearth, 'anxiety');
    await writePost(target.client, 'anxiety', { title: 'Something I cannot say under my name', body: 'Only anonymously.', anonymous: true });
    const attacker = await memberIn(hearth, 'depression');
    await writePost(attacker.client, 'depression');
    await hearth.deps.db.update(users).set({ createdAt: new Date(Date.now() - DAY_MS - 60_000) }).where(eq(users.id, attacker.user.id));
    const handle = await handleOf(target.user.id);

    const before = (await attacker.client.get(`/api/conversations/with/${handle}`)).json();
    await join(attacker.client, 'anxiety');
    const after = (await attacker.client.get(`/api/conversations/with/${handle}`)).json();
    expect(after).toEqual(before);
  });
});
