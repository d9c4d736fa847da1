import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { safetyAlerts, users } from '../../db/schema/index.js';
import { useLiveTestApp } from '../../test-support/live-socket.js';

/**
 * Attacker's / person-in-crisis review of direct messages (issue 15). Each test here FAILS today and shows
 * something a real member could do or lose.
 */
const live = useLiveTestApp('dmatk');
const { call } = live;
const DAY_MS = 24 * 60 * 60 * 1000;
const CRISIS = 'I have the pills in front of me and tonight is the night. Goodbye.';

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

const send = (from: Member, to: Member, body: string, clientId: string = randomUUID()) =>
  call(from.cookie, 'POST', `/api/conversations/with/${to.handle}/messages`, { body, clientId });

describe('idempotent retries (attack)', () => {
  /**
   * A member's first send times out on a bad connection; their app retries with the same clientId, but they have
   * rewritten the message meanwhile and now say they are about to end their life. Today the server answers 201 with
   * the EARLIER, harmless message: the crisis words are silently dropped, never risk-assessed, no alert is raised and
   * the writer gets no support card. Nothing written in crisis may be lost (DESIGN.md, safety pipeline).
   */
  it('a retried clientId with a different (crisis) body is not silently swallowed', async () => {
    const [a, b] = [await member(), await member()];
    const clientId = randomUUID();
    const first = await send(a, b, 'Hi, your post helped me.', clientId);
    expect(first.statusCode).toBe(201);
    const alertsBefore = (await live.hearth.deps.db.select({ id: safetyAlerts.id }).from(safetyAlerts)).length;

    const retried = await send(a, b, CRISIS, clientId);
    const alertsAfter = (await live.hearth.deps.db.select({ id: safetyAlerts.id }).from(safetyAlerts)).length;
    // Either refused plainly (a different body under the same clientId is a new message, not a retry)…
    const refusedPlainly = retried.statusCode >= 400 && retried.statusCode < 500;
    // …or assessed: the writer sees the support card and the team gets an alert.
    const assessed = retried.statusCode === 201 && retried.json().support !== null && alertsAfter > alertsBefore;
    expect(refusedPlainly || assessed).toBe(true);
  });

  /**
   * The same clientId sent to a DIFFERENT member answers 201 with the conversation with the first member: the
   * sender believes the second member got their message, which went nowhere.
   */
  it('a clientId reused for another member does not answer with the first member’s conversation', async () => {
    const [a, b, c] = [await member(), await member(), await member()];
    const clientId = randomUUID();
    const toB = await send(a, b, 'Hello B', clientId);
    expect(toB.statusCode).toBe(201);
    const toC = await send(a, c, 'Hello C', clientId);
    if (toC.statusCode === 201) expect(toC.json().conversationId).not.toBe(toB.json().conversationId);
    else expect(toC.statusCode).toBeLessThan(500);
  });
});
