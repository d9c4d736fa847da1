import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { useLiveTestApp } from '../../test-support/live-socket.js';

/**
 * Attacker's review of notifications (issue 15). Each test here failed before its fix.
 */
const live = useLiveTestApp('ntatk');
const { call } = live;
const DAY_MS = 24 * 60 * 60 * 1000;

type Member = { id: string; cookie: string; handle: string };

async function member(slug = 'depression'): Promise<Member> {
  const account = await live.signUp();
  expect((await call(account.cookie, 'POST', `/api/groups/${slug}/join`, { acceptRules: true })).statusCode).toBe(200);
  const written = await call(account.cookie, 'POST', `/api/groups/${slug}/posts`, { title: 'A long week', body: 'Work has been a lot this week.', anonymous: false });
  expect(written.statusCode).toBe(201);
  const db = live.hearth.deps.db;
  await db.update(users).set({ createdAt: new Date(Date.now() - DAY_MS - 60_000) }).where(eq(users.id, account.id));
  const [row] = await db.select({ handle: users.handle }).from(users).where(eq(users.id, account.id));
  return { ...account, handle: row!.handle };
}

const get = async (who: Member, url: string) => (await call(who.cookie, 'GET', url)).json();

describe('blocks and message notifications (attack)', () => {
  /**
   * A member is being harassed in private messages. They block the harasser. The harasser's unread "You have a new
   * message" notification stays in their list and in the badge (and a not-yet-sent push still goes out), because a
   * message batch row stores the sender only in `actor_ids`, never `actor_id`, so `shownToRecipient`'s block test
   * never applies to it. Blocks must stop everything from that member at once.
   */
  it('blocking the sender hides their unread message notification from the list and the badge', async () => {
    const [harasser, target] = [await member(), await member()];
    const first = await call(harasser.cookie, 'POST', `/api/conversations/with/${target.handle}/messages`, { body: 'Hi, saw your post.', clientId: randomUUID() });
    expect(first.statusCode).toBe(201);
    const conversationId = first.json().conversationId as string;
    expect((await call(target.cookie, 'POST', `/api/conversations/${conversationId}/accept`, {})).statusCode).toBe(200);
    const next = await call(harasser.cookie, 'POST', `/api/conversations/${conversationId}/messages`, { body: 'Answer me.', clientId: randomUUID() });
    expect(next.statusCode).toBe(201);
    const before = (await get(target, '/api/notifications')).notifications as { kind: string }[];
    expect(before.map((n) => n.kind)).toContain('message');

    expect((await call(target.cookie, 'POST', `/api/conversations/${conversationId}/block`, {})).statusCode).toBe(200);

    const after = (await get(target, '/api/notifications')).notifications as { kind: string }[];
    expect(after.map((n) => n.kind)).not.toContain('message');
    expect(after.map((n) => n.kind)).not.toContain('message_request');
    expect((await get(target, '/api/notifications/unread')).unread).toBe(0);
  });

});
