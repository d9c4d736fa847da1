import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, messages, safetyAlertActions, safetyAlerts, safetyAlertState } from '../../db/schema/index.js';
import { updateUser } from '../accounts/queries.js';
import { connectLive, type LiveMessage, type LiveSocket } from '../../test-support/live-socket.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../../test-support/test-client.js';

/**
 * Issue 11 item 5: outreach reaches the member. Real sockets, as a browser and
 * the dashboard use them; the member side is crawled for any trace of which
 * staff member wrote an unsigned message.
 */
let hearth: TestApp;
let baseUrl: string;
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  hearth = await createTestApp();
  baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const socket of sockets) socket.socket.close();
  await hearth?.close();
});

interface Person {
  id: string;
  handle: string;
  cookie: string;
  /** Every response body this person received, for the crawl. */
  seen: string[];
}

async function signUp(role?: 'moderator' | 'admin'): Promise<Person> {
  const handle = uniqueHandle(role ?? 'member');
  const response = await hearth.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { handle, password: GOOD_PASSWORD } });
  expect(response.statusCode).toBe(201);
  const session = response.cookies.find((cookie) => cookie.value !== '')!;
  const id = (response.json() as { user: { id: string } }).user.id;
  if (role) await updateUser(hearth.deps.db, id, { role });
  return { id, handle, cookie: `${session.name}=${session.value}`, seen: [] };
}

async function call(person: Person, method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = await hearth.app.inject({
    method,
    url,
    headers: { cookie: person.cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  person.seen.push(response.body, JSON.stringify(response.headers));
  return response;
}

function socketOf(person: Person): LiveSocket {
  const socket = connectLive(baseUrl, person.cookie);
  sockets.push(socket);
  return socket;
}

async function ready(socket: LiveSocket): Promise<void> {
  await socket.waitFor((message) => message.type === 'ready');
  await socket.resume(0);
}

const CRISIS = 'I have written my note and tonight is the night. Thank you all for everything.';

/** A member who wrote a crisis post, and the alert it raised. */
async function memberInCrisis(): Promise<{ member: Person; alertId: string }> {
  const member = await signUp();
  expect((await call(member, 'POST', '/api/groups/depression/join', { acceptRules: true })).statusCode).toBe(200);
  const posted = await call(member, 'POST', '/api/groups/depression/posts', { title: 'Tonight', body: CRISIS });
  expect(posted.statusCode).toBe(201);
  const postId = (posted.json() as { post: { id: string } }).post.id;
  const [alert] = await hearth.deps.db.select({ id: safetyAlerts.id }).from(safetyAlerts).where(eq(safetyAlerts.contentId, postId));
  return { member, alertId: alert!.id };
}

const isEvent = (type: string, match: Record<string, unknown>) => (message: LiveMessage) =>
  message.event?.type === type && Object.entries(match).every(([key, value]) => message.event?.payload[key] === value);

describe('outreach reaches the member', () => {
  it('alert → outreach claims it → the member hears it live, reads it, answers → staff see the answer live → read clears unread', async () => {
    const { member, alertId } = await memberInCrisis();
    const reaching = await signUp('moderator');
    const colleague = await signUp('moderator');
    const memberSocket = socketOf(member);
    const staffSocket = socketOf(colleague);
    await ready(memberSocket);
    await ready(staffSocket);

    const sent = await call(reaching, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'Hi, this is the Hearth safety team. Are you safe right now?' });
    expect(sent.statusCode).toBe(201);
    const { message, claimed } = sent.json() as { message: { id: string; from: string; sentBy: { id: string; handle: string }; signed: boolean }; claimed: boolean };
    expect(claimed).toBe(true);
    expect(message).toMatchObject({ from: 'team', sentBy: { id: reaching.id, handle: reaching.handle }, signed: false });

    // The person reaching out holds the alert; nothing escalates while they do; the first outreach is timed.
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId));
    expect(alert).toMatchObject({ status: 'claimed', claimedBy: reaching.id });
    const [state] = await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId));
    expect(state!.nextStepAt).toBeNull();
    expect(state!.firstOutreachAt).not.toBeNull();
    const actions = await hearth.deps.db.select().from(safetyAlertActions).where(eq(safetyAlertActions.alertId, alertId));
    expect(actions.map((action) => action.kind).sort()).toEqual(['claimed', 'outreach']);
    expect(actions.find((action) => action.kind === 'outreach')!.details).toMatchObject({ messageId: message.id });
    const audits = await hearth.deps.db.select().from(auditLog).where(eq(auditLog.targetId, alertId));
    expect(audits.map((row) => row.action).sort()).toEqual(['safety.alert_claimed', 'safety.alert_outreach']);
    expect(JSON.stringify(audits)).not.toContain('Are you safe');
    await staffSocket.waitFor(isEvent('safety.alert_changed', { alertId, change: 'outreach' }));
    await staffSocket.waitFor(isEvent('safety.alert_changed', { alertId, change: 'claimed' }));

    // A second team member cannot reach out over the holder's head: told who holds it.
    const refused = await call(colleague, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'Checking in too.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('already_claimed');
    expect(refused.json().error.message).toContain(reaching.handle);

    // The member hears of it at once, on their own channel, with ids only.
    const heard = await memberSocket.waitFor(isEvent('conversation.message', { messageId: message.id }));
    const conversationId = heard.event!.payload.conversationId as string;
    expect(Object.keys(heard.event!.payload).sort()).toEqual(['conversationId', 'messageId']);

    expect((await call(member, 'GET', '/api/conversations/unread')).json()).toEqual({ count: 1, requests: 0 });
    const list = (await call(member, 'GET', '/api/conversations')).json() as { conversations: Array<Record<string, unknown>> };
    expect(list.conversations).toEqual([
      expect.objectContaining({ id: conversationId, kind: 'safety', title: 'Hearth safety team', unread: 1, preview: expect.stringContaining('Are you safe') }),
    ]);
    const opened = (await call(member, 'GET', `/api/conversations/${conversationId}`)).json() as { messages: Array<Record<string, unknown>> };
    expect(opened.messages).toEqual([expect.objectContaining({ id: message.id, from: { kind: 'team', name: 'Hearth safety team', signedBy: null } })]);

    // The member answers; the holder's colleagues see it live on the alert.
    const answered = await call(member, 'POST', `/api/conversations/${conversationId}/messages`, { body: 'Thank you. I am a bit calmer now, my sister is here.' });
    expect(answered.statusCode).toBe(201);
    const answer = answered.json() as { message: { id: string; from: { kind: string } }; support: unknown };
    expect(answer.message.from).toEqual({ kind: 'you' });
    expect(answer.support).toBeNull();
    await staffSocket.waitFor(isEvent('safety.alert_changed', { alertId, change: 'member_replied' }));
    const [stored] = await hearth.deps.db.select().from(messages).where(eq(messages.id, answer.message.id));
    expect(stored!.alertId).toBe(alertId);
    const replied = await hearth.deps.db
      .select()
      .from(safetyAlertActions)
      .where(and(eq(safetyAlertActions.alertId, alertId), eq(safetyAlertActions.kind, 'member_replied')));
    expect(replied).toHaveLength(1);

    const onAlert = await call(colleague, 'GET', `/api/safety/alerts/${alertId}/conversation`);
    expect(onAlert.statusCode).toBe(200);
    const staffView = onAlert.json() as { conversationId: string; messages: Array<Record<string, unknown>> };
    expect(staffView.conversationId).toBe(conversationId);
    expect(staffView.messages).toEqual([
      expect.objectContaining({ id: message.id, from: 'team', sentBy: { id: reaching.id, handle: reaching.handle } }),
      // The member is "the member": who they are, staff learn only through the alert's logged reveal.
      expect.objectContaining({ id: answer.message.id, from: 'member', sentBy: null, body: 'Thank you. I am a bit calmer now, my sister is here.' }),
    ]);
    expect(JSON.stringify(staffView)).not.toContain(member.handle);

    // Reading clears the unread count (the member's own answer never counted).
    expect((await call(member, 'POST', `/api/conversations/${conversationId}/read`, {})).statusCode).toBe(200);
    expect((await call(member, 'GET', '/api/conversations/unread')).json()).toEqual({ count: 0, requests: 0 });
    expect((await call(member, 'GET', '/api/conversations')).json().conversations[0].unread).toBe(0);

    // A second unsigned message from the holder: still "the team" to the member.
    await call(reaching, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'We are glad your sister is with you.' });
    expect((await call(member, 'GET', '/api/conversations/unread')).json()).toEqual({ count: 1, requests: 0 });
    await call(member, 'GET', `/api/conversations/${conversationId}`);
    await memberSocket.resume(0);

    // Nothing the member received names the staff member who wrote: not a response, not a live event.
    const everything = [...member.seen, JSON.stringify(memberSocket.messages)].join('\n');
    expect(everything).not.toContain(reaching.id);
    expect(everything.toLowerCase()).not.toContain(reaching.handle.toLowerCase());
  });

  it('two team members reaching out at once: exactly one holds the alert, the other is told who does', async () => {
    const { alertId } = await memberInCrisis();
    const first = await signUp('moderator');
    const second = await signUp('admin');
    const responses = await Promise.all([first, second].map((person) => call(person, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'Checking in.' })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId));
    const winner = responses[0]!.statusCode === 201 ? first : second;
    expect(alert!.claimedBy).toBe(winner.id);
    expect(await hearth.deps.db.select().from(messages).where(eq(messages.alertId, alertId))).toHaveLength(1);
  });

  it('a signed message shows the sender’s handle to the member', async () => {
    const { member, alertId } = await memberInCrisis();
    const moderator = await signUp('moderator');
    const sent = await call(moderator, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'Hi, I’m on the safety team tonight.', signed: true });
    expect(sent.statusCode).toBe(201);
    const [conversation] = (await call(member, 'GET', '/api/conversations')).json().conversations as Array<{ id: string }>;
    const opened = (await call(member, 'GET', `/api/conversations/${conversation!.id}`)).json() as { messages: Array<{ from: unknown }> };
    expect(opened.messages[0]!.from).toEqual({ kind: 'team', name: moderator.handle, signedBy: moderator.handle });
    // Still never the id.
    expect(member.seen.join('\n')).not.toContain(moderator.id);
  });

  it('only the member can read or write their conversation; members cannot use the team’s routes', async () => {
    const { member, alertId } = await memberInCrisis();
    const moderator = await signUp('moderator');
    await call(moderator, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'Checking in with you.' });
    const conversationId = ((await call(member, 'GET', '/api/conversations')).json().conversations as Array<{ id: string }>)[0]!.id;

    const stranger = await signUp();
    expect((await call(stranger, 'GET', `/api/conversations/${conversationId}`)).statusCode).toBe(404);
    expect((await call(stranger, 'POST', `/api/conversations/${conversationId}/messages`, { body: 'hello' })).statusCode).toBe(404);
    expect((await call(stranger, 'POST', `/api/conversations/${conversationId}/read`, {})).statusCode).toBe(404);
    expect((await call(stranger, 'GET', '/api/conversations')).json()).toEqual({ conversations: [] });
    expect((await call(stranger, 'GET', '/api/conversations/unread')).json()).toEqual({ count: 0, requests: 0 });
    // Staff too reach it only through the alert, never as if they took part.
    expect((await call(moderator, 'GET', `/api/conversations/${conversationId}`)).statusCode).toBe(404);

    const storedBefore = await hearth.deps.db.select({ id: messages.id }).from(messages);
    for (const person of [stranger, member]) {
      expect((await call(person, 'GET', '/api/safety/outreach-templates')).statusCode).toBe(403);
      expect((await call(person, 'GET', `/api/safety/alerts/${alertId}/conversation`)).statusCode).toBe(403);
      expect((await call(person, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'pretending to be the team' })).statusCode).toBe(403);
    }
    // Bodies are sealed at rest: no row was added, whatever its words.
    expect(await hearth.deps.db.select({ id: messages.id }).from(messages)).toHaveLength(storedBefore.length);
  });

  it('a crisis answer raises its own alert and returns the support card', async () => {
    const { member, alertId } = await memberInCrisis();
    const moderator = await signUp('moderator');
    const staffSocket = socketOf(moderator);
    await ready(staffSocket);
    await call(moderator, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'Are you safe right now?' });
    const conversationId = ((await call(member, 'GET', '/api/conversations')).json().conversations as Array<{ id: string }>)[0]!.id;

    const answered = await call(member, 'POST', `/api/conversations/${conversationId}/messages`, { body: 'No. I have the pills in front of me and tonight is the night. Goodbye.' });
    expect(answered.statusCode).toBe(201);
    const { message, support } = answered.json() as { message: { id: string }; support: { level: string; emergency: { first: boolean } } | null };
    expect(support).toMatchObject({ level: 'imminent', emergency: { first: true } });
    const raised = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, message.id));
    expect(raised).toEqual([expect.objectContaining({ contentType: 'message', subjectId: member.id, level: 'imminent', status: 'open' })]);
    await staffSocket.waitFor(isEvent('safety.alert', { alertId: raised[0]!.id, contentType: 'message' }));
    // It is also the answer on the alert the team is working on.
    await staffSocket.waitFor(isEvent('safety.alert_changed', { alertId, change: 'member_replied' }));
  });

  it('a resolved alert takes no outreach; the templates are there for the team', async () => {
    const { alertId } = await memberInCrisis();
    const moderator = await signUp('moderator');
    await hearth.deps.db.update(safetyAlerts).set({ status: 'resolved', resolvedAt: new Date() }).where(eq(safetyAlerts.id, alertId));
    const refused = await call(moderator, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: 'Hello.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('alert_resolved');
    expect((await call(moderator, 'POST', `/api/safety/alerts/${crypto.randomUUID()}/outreach`, { body: 'Hello.' })).statusCode).toBe(404);
    expect((await call(moderator, 'GET', `/api/safety/alerts/${alertId}/conversation`)).json()).toEqual({ conversationId: null, messages: [] });

    const templates = (await call(moderator, 'GET', '/api/safety/outreach-templates')).json().templates as Array<{ id: string; title: string; body: string }>;
    expect(templates.length).toBeGreaterThanOrEqual(4);
    expect(templates.length).toBeLessThanOrEqual(6);
    for (const template of templates) expect(template.body).toMatch(/safe|crisis line|emergency/i);
  });

  it('bad input is a 400 naming the field', async () => {
    const { member, alertId } = await memberInCrisis();
    const moderator = await signUp('moderator');
    const cases: Array<[Person, string, unknown, string]> = [
      [moderator, `/api/safety/alerts/${alertId}/outreach`, { body: '   ' }, 'body'],
      [moderator, `/api/safety/alerts/${alertId}/outreach`, { body: 'Hello', signed: 'yes' }, 'signed'],
      [moderator, `/api/safety/alerts/${alertId}/outreach`, { body: 'x'.repeat(4001) }, 'body'],
      [moderator, `/api/safety/alerts/${alertId}/outreach`, { body: 'nul \u0000 here' }, 'body'],
      [moderator, '/api/safety/alerts/not-an-id/outreach', { body: 'Hello' }, 'id'],
      [member, `/api/conversations/${crypto.randomUUID()}/messages`, { body: 42 }, 'body'],
      [member, '/api/conversations/not-an-id/messages', { body: 'Hello' }, 'id'],
    ];
    for (const [person, url, body, field] of cases) {
      const response = await call(person, 'POST', url, body);
      expect(response.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const badCursor = await call(member, 'GET', `/api/conversations/${crypto.randomUUID()}?cursor=nonsense`);
    expect([400, 404]).toContain(badCursor.statusCode);
  });

  it('a long conversation is read newest first, page by page, by cursor', async () => {
    const { member, alertId } = await memberInCrisis();
    const moderator = await signUp('moderator');
    for (let index = 1; index <= 5; index += 1) {
      expect((await call(moderator, 'POST', `/api/safety/alerts/${alertId}/outreach`, { body: `Message ${index}` })).statusCode).toBe(201);
    }
    const conversationId = ((await call(member, 'GET', '/api/conversations')).json().conversations as Array<{ id: string }>)[0]!.id;
    const first = (await call(member, 'GET', `/api/conversations/${conversationId}?limit=2`)).json() as { messages: Array<{ body: string }>; olderCursor: string | null };
    expect(first.messages.map((m) => m.body)).toEqual(['Message 4', 'Message 5']);
    const second = (await call(member, 'GET', `/api/conversations/${conversationId}?limit=2&cursor=${first.olderCursor}`)).json() as typeof first;
    expect(second.messages.map((m) => m.body)).toEqual(['Message 2', 'Message 3']);
    const third = (await call(member, 'GET', `/api/conversations/${conversationId}?limit=2&cursor=${second.olderCursor}`)).json() as typeof first;
    expect(third.messages.map((m) => m.body)).toEqual(['Message 1']);
    expect(third.olderCursor).toBeNull();
    const badCursor = await call(member, 'GET', `/api/conversations/${conversationId}?cursor=nonsense`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.field).toBe('cursor');
  });
});
