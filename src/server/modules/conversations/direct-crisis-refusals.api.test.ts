import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyAlerts, users } from '../../db/schema/index.js';
import { account, memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { act } from '../moderation/actions-test-steps.js';

/**
 * Words written in crisis whose send is refused (consent, a block, a sanction, a reused client id) are kept for the
 * safety team: the writer gets the refusal WITH the support card, staff read the words on the alert, and the member
 * they wrote to sees nothing at all.
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

async function member(): Promise<Member> {
  const { client, user } = await memberIn(hearth, SLUG);
  await writePost(client, SLUG);
  await hearth.deps.db.update(users).set({ createdAt: new Date(Date.now() - DAY_MS - 60_000) }).where(eq(users.id, user.id));
  const [row] = await hearth.deps.db.select({ handle: users.handle }).from(users).where(eq(users.id, user.id));
  return { client, id: user.id, handle: row!.handle };
}

const send = (from: Member, to: Member, body: string, clientId = randomUUID()) => from.client.post(`/api/conversations/with/${to.handle}/messages`, { body, clientId });

async function newestAlertOf(memberId: string) {
  const rows = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.subjectId, memberId));
  return rows.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0];
}

describe('refused words written in crisis', () => {
  it('a refused request keeps the refusal, shows the support card, reaches staff, and never reaches the other member', async () => {
    const [a, b] = [await member(), await member()];
    expect((await send(a, b, 'Hi, your post helped me.')).statusCode).toBe(201);
    const refused = await send(a, b, CRISIS);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('request_not_accepted');
    expect(refused.json().support).toMatchObject({ level: expect.stringMatching(/high|imminent/) });

    const alert = await newestAlertOf(a.id);
    expect(alert?.contentType).toBe('message');
    const staff = await account(hearth, 'moderator');
    const detail = await staff.client.get(`/api/safety/alerts/${alert!.id}`);
    expect(detail.json().content).toMatchObject({ type: 'message', body: CRISIS, status: 'held' });

    // The other member's request shows only the first message, and nothing moved.
    const requests = (await b.client.get('/api/conversations/requests')).json().requests as { id: string; preview: string | null }[];
    expect(requests.map((request) => request.preview)).toEqual(['Hi, your post helped me.']);
    const conversation = (await b.client.get(`/api/conversations/${requests[0]!.id}`)).json();
    expect(conversation.messages.map((message: { body: string }) => message.body)).toEqual(['Hi, your post helped me.']);
  });

  it('a suspended member’s crisis words are kept and answered with the sanction and the support card', async () => {
    const [a, b] = [await member(), await member()];
    const moderator = await account(hearth, 'moderator');
    expect((await act(moderator.client, 'suspend', { type: 'member', id: a.id }, { hours: 48, reasonTemplate: 'harassment', reason: 'Repeated harassment.' })).statusCode).toBe(200);
    const refused = await send(a, b, CRISIS);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('suspended');
    expect(refused.json().support).toMatchObject({ level: expect.stringMatching(/high|imminent/) });
    expect((await newestAlertOf(a.id))?.contentType).toBe('message');
  });

  it('an edit written in crisis after a block is refused, but kept for staff with the support card', async () => {
    const [a, b] = [await member(), await member()];
    const first = await send(a, b, 'Hi, your post helped me.');
    const conversationId = first.json().conversationId as string;
    expect((await b.client.post(`/api/conversations/${conversationId}/accept`, {})).statusCode).toBe(200);
    expect((await b.client.post(`/api/conversations/${conversationId}/block`, {})).statusCode).toBe(200);
    const refused = await a.client.request('PATCH', `/api/conversations/${conversationId}/messages/${first.json().message.id as string}`, { body: CRISIS });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().support).toMatchObject({ level: expect.stringMatching(/high|imminent/) });
    expect((await newestAlertOf(a.id))?.contentType).toBe('message');
  });

  it('a client id reused for different words is refused naming clientId; a true retry answers the first message', async () => {
    const [a, b] = [await member(), await member()];
    const clientId = randomUUID();
    const first = await send(a, b, 'Hello there', clientId);
    expect(first.statusCode).toBe(201);
    const retry = await send(a, b, 'Hello there', clientId);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().message.id).toBe(first.json().message.id);
    const reused = await send(a, b, 'Something else', clientId);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error).toMatchObject({ code: 'client_id_reused', field: 'clientId' });
    expect(reused.json().support).toBeUndefined();
  });
});
