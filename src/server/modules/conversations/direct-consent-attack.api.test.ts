import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyAlerts, users } from '../../db/schema/index.js';
import { account, memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { act } from '../moderation/actions-test-steps.js';

/**
 * Attacker's / person-in-crisis review of direct messages (issue 15): sanctions and refusals. Each test FAILS today.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'depression';
const DAY_MS = 24 * 60 * 60 * 1000;
const CRISIS = 'I have the pills in front of me and tonight is the night. Goodbye.';

type Member = { client: TestClient; id: string; handle: string };

/** A member of SLUG, over a day old, with a post under their handle: may send message requests. */
async function member(): Promise<Member> {
  const { client, user } = await memberIn(hearth, SLUG);
  await writePost(client, SLUG);
  await hearth.deps.db.update(users).set({ createdAt: new Date(Date.now() - DAY_MS - 60_000) }).where(eq(users.id, user.id));
  const [row] = await hearth.deps.db.select({ handle: users.handle }).from(users).where(eq(users.id, user.id));
  return { client, id: user.id, handle: row!.handle };
}

const send = (from: Member, to: Member, body: string) => from.client.post(`/api/conversations/with/${to.handle}/messages`, { body, clientId: randomUUID() });
const alertCount = async () => (await hearth.deps.db.select({ id: safetyAlerts.id }).from(safetyAlerts)).length;

describe('sanctions and direct messages (attack)', () => {
  /**
   * A member suspended (or banned) for harassing people can no longer post, reply or join groups, but can still send
   * message requests and messages to the very people they harassed: sanctions.ts says to refuse "any write others
   * would see", and the conversations module never calls it. (Crisis words must still be kept, as for posts.)
   */
  it.each(['suspend', 'ban'] as const)('a member under a %s cannot send message requests or messages to members', async (kind) => {
    const [harasser, target, friend] = [await member(), await member(), await member()];
    // An accepted conversation from before the sanction.
    const first = await send(harasser, friend, 'Hi there');
    expect(first.statusCode).toBe(201);
    const conversationId = first.json().conversationId as string;
    expect((await friend.client.post(`/api/conversations/${conversationId}/accept`, {})).statusCode).toBe(200);

    const moderator = await account(hearth, 'moderator');
    const extra = kind === 'suspend' ? { hours: 48 } : {};
    expect((await act(moderator.client, kind, { type: 'member', id: harasser.id }, { ...extra, reasonTemplate: 'harassment', reason: 'Repeated harassment after a warning.' })).statusCode).toBe(200);
    // Posting is refused, as expected…
    expect((await harasser.client.post(`/api/groups/${SLUG}/posts`, { title: 'Hello', body: 'Hello' })).statusCode).toBe(403);

    // …but a new request and a message in the accepted conversation go through.
    const request = await send(harasser, target, 'You cannot get rid of me that easily.');
    expect(request.statusCode).toBe(403);
    const message = await harasser.client.post(`/api/conversations/${conversationId}/messages`, { body: 'Still here.', clientId: randomUUID() });
    expect(message.statusCode).toBe(403);
  });
});

describe('refused messages written in crisis (attack)', () => {
  /**
   * A member whose request is still waiting (or who has been blocked) writes that they are about to end their life.
   * The send is refused (409 request_not_accepted / conversation_closed) BEFORE the assessor runs: no alert reaches
   * the safety team and the writer gets no support card. Elsewhere (locked threads, sanctions) words written in
   * crisis are assessed first and kept; here they are lost.
   */
  it('a crisis message refused because the request is not yet accepted still reaches the safety team', async () => {
    const [a, b] = [await member(), await member()];
    expect((await send(a, b, 'Hi, your post helped me.')).statusCode).toBe(201);
    const before = await alertCount();
    const refused = await send(a, b, CRISIS);
    expect(refused.statusCode).not.toBe(500);
    expect(await alertCount()).toBeGreaterThan(before);
  });

  it('a crisis message refused because the other member blocked the writer still reaches the safety team', async () => {
    const [a, b] = [await member(), await member()];
    const first = await send(a, b, 'Hi, your post helped me.');
    const conversationId = first.json().conversationId as string;
    expect((await b.client.post(`/api/conversations/${conversationId}/accept`, {})).statusCode).toBe(200);
    expect((await b.client.post(`/api/conversations/${conversationId}/block`, {})).statusCode).toBe(200);
    const before = await alertCount();
    const refused = await a.client.post(`/api/conversations/${conversationId}/messages`, { body: CRISIS, clientId: randomUUID() });
    expect(refused.statusCode).not.toBe(500);
    expect(await alertCount()).toBeGreaterThan(before);
  });
});

describe('a crisis message deleted by its writer (attack)', () => {
  /**
   * A member writes to another member that they are about to end their life; the alert is raised. Frightened of
   * being seen, they delete the message a minute later. The delete wipes the sealed body, so the staff member who
   * opens the still-open alert reads an empty message and cannot judge the risk. (A post deleted by its author keeps
   * its words for staff: posts only change status.) The words behind an alert must stay readable by staff.
   */
  it('staff still read the words of an alert’s message after its writer deleted it', async () => {
    const [a, b] = [await member(), await member()];
    const staff = await account(hearth, 'moderator');
    const first = await send(a, b, 'Hi, your post helped me.');
    const conversationId = first.json().conversationId as string;
    expect((await b.client.post(`/api/conversations/${conversationId}/accept`, {})).statusCode).toBe(200);
    const crisis = await a.client.post(`/api/conversations/${conversationId}/messages`, { body: CRISIS, clientId: randomUUID() });
    expect(crisis.statusCode).toBe(201);
    const messageId = crisis.json().message.id as string;
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, messageId));
    expect(alert).toBeDefined();

    expect((await a.client.request('DELETE', `/api/conversations/${conversationId}/messages/${messageId}`)).statusCode).toBe(200);
    const detail = await staff.client.get(`/api/safety/alerts/${alert!.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().content).toMatchObject({ type: 'message', id: messageId, body: CRISIS });
  });
});
