import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MODERATION_LIVE } from '../../../shared/api/moderation.js';
import { ManualClock } from '../../clock.js';
import { auditLog, moderationItems } from '../../db/schema/index.js';
import { connectLive, type LiveSocket } from '../../test-support/live-socket.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../../test-support/test-client.js';
import { updateUser } from '../accounts/queries.js';
import { EscalationScheduler } from '../safety-team/escalation/scheduler.js';
import { makeGroupModerator } from './moderation-test-support.js';

/**
 * The queue live (issue 13 item 2): a report reaches the moderators' sockets
 * at once (never the reported member's), and an item left open for 72 hours
 * goes up to the global moderators exactly once, through the scheduler.
 */
const clock = new ManualClock(new Date('2026-06-01T08:00:00Z'));
let hearth: TestApp;
let baseUrl: string;
const sockets: LiveSocket[] = [];
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
  baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.socket.close();
});
afterAll(async () => {
  await hearth?.close();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Person {
  id: string;
  handle: string;
  cookie: string;
}

async function call(cookie: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown) {
  return hearth.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

async function person(role?: 'moderator' | 'admin', group = 'anxiety'): Promise<Person> {
  const handle = uniqueHandle('mq');
  const response = await call(undefined, 'POST', '/api/auth/sign-up', { handle, password: GOOD_PASSWORD });
  expect(response.statusCode).toBe(201);
  const session = response.cookies.find((cookie) => cookie.value !== '')!;
  const { id } = (response.json() as { user: { id: string } }).user;
  if (role) await updateUser(hearth.deps.db, id, { role });
  const cookie = `${session.name}=${session.value}`;
  expect((await call(cookie, 'POST', `/api/groups/${group}/join`, { acceptRules: true })).statusCode).toBe(200);
  return { id, handle, cookie };
}

async function postBy(who: Person, title: string, group = 'anxiety'): Promise<string> {
  const response = await call(who.cookie, 'POST', `/api/groups/${group}/posts`, { title, body: 'Some ordinary words about a hard day.' });
  expect(response.statusCode).toBe(201);
  return (response.json() as { post: { id: string } }).post.id;
}

async function reportPost(who: Person, postId: string, reason = 'spam') {
  const response = await call(who.cookie, 'POST', '/api/reports', { targetType: 'post', targetId: postId, reason });
  expect(response.statusCode).toBe(201);
  return (await hearth.deps.db.select({ id: moderationItems.id }).from(moderationItems).where(eq(moderationItems.targetId, postId)))[0]!.id;
}

/** A live socket that has caught up, so every later push reaches it. */
async function listen(who: Person): Promise<LiveSocket> {
  const socket = connectLive(baseUrl, who.cookie);
  sockets.push(socket);
  await socket.waitFor((message) => message.type === 'ready' || message.type === 'resumed');
  return socket;
}

const queueEventFor = (itemId: string) => (message: { event?: { type: string; payload: Record<string, unknown> } }) =>
  message.event?.type === MODERATION_LIVE.queueChanged && message.event.payload.itemId === itemId;

describe('live', () => {
  it('a report reaches the group moderator’s and the global moderators’ sockets with the item id only; the reported member hears nothing', async () => {
    const groupMod = await person(undefined, 'anxiety');
    await makeGroupModerator(hearth, groupMod.id, 'anxiety');
    const global = await person('moderator');
    const writer = await person();
    await makeGroupModerator(hearth, writer.id, 'anxiety');
    const reporter = await person();
    const postId = await postBy(writer, 'Heads up');
    const [modSocket, globalSocket, writerSocket] = await Promise.all([listen(groupMod), listen(global), listen(writer)]);
    const itemId = await reportPost(reporter, postId);
    const heard = await modSocket.waitFor(queueEventFor(itemId));
    expect(heard.event!.payload).toEqual({ itemId });
    await globalSocket.waitFor(queueEventFor(itemId));
    // The writer moderates the group too, yet hears nothing: a later event to them arrives, and no queue event before it.
    const again = await reportPost(reporter, await postBy(groupMod, 'Another'));
    await writerSocket.waitFor(queueEventFor(again));
    expect(writerSocket.messages.some(queueEventFor(itemId))).toBe(false);
  });
});

describe('72-hour escalation', () => {
  it('nothing at 71 h 59 m; at 72 h raised once to the global moderators (audit row, event), first within its severity for them; a second tick does nothing', async () => {
    const groupMod = await person(undefined, 'parents');
    await makeGroupModerator(hearth, groupMod.id, 'parents');
    const global = await person('moderator', 'parents');
    const writer = await person(undefined, 'parents');
    const reporter = await person(undefined, 'parents');
    // A site-wide item (a member) is for the global moderators from the start: it never escalates.
    expect((await call(reporter.cookie, 'POST', '/api/reports', { targetType: 'member', targetId: writer.id, reason: 'spam' })).statusCode).toBe(201);
    const [older] = await hearth.deps.db.select({ id: moderationItems.id, escalateAt: moderationItems.escalateAt }).from(moderationItems).where(eq(moderationItems.targetId, writer.id));
    expect(older!.escalateAt).toBeNull();
    clock.advance(10 * MINUTE);
    const waiting = await reportPost(reporter, await postBy(writer, 'Waiting', 'parents'));
    clock.advance(MINUTE);
    const newer = await reportPost(reporter, await postBy(writer, 'Newer', 'parents'));
    const ours = (ids: string[]) => ids.filter((id) => [older!.id, waiting, newer].includes(id));
    const scheduler = new EscalationScheduler(hearth.deps);

    clock.advance(72 * HOUR - 2 * MINUTE);
    expect(ours((await scheduler.tick()).queueEscalated)).toEqual([]);
    const globalSocket = await listen(global);
    clock.advance(MINUTE);
    expect(ours((await scheduler.tick()).queueEscalated)).toEqual([waiting]);
    await globalSocket.waitFor(queueEventFor(waiting));
    expect(ours((await scheduler.tick()).queueEscalated)).toEqual([]);
    const audit = await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'moderation.escalated'), eq(auditLog.targetId, waiting)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBeNull();

    const globalQueue = (await call(global.cookie, 'GET', '/api/moderation/queue')).json().items as { id: string; escalated: boolean }[];
    expect(ours(globalQueue.map((item) => item.id))).toEqual([waiting, older!.id, newer]);
    expect(globalQueue.find((item) => item.id === waiting)!.escalated).toBe(true);
    // The group's moderators keep it, in plain age order.
    const groupQueue = (await call(groupMod.cookie, 'GET', '/api/moderation/queue?group=parents')).json().items as { id: string }[];
    expect(ours(groupQueue.map((item) => item.id))).toEqual([waiting, newer]);
  });

  it('two schedulers racing escalate each item once', async () => {
    const writer = await person(undefined, 'students');
    const reporter = await person(undefined, 'students');
    const items: string[] = [];
    for (const title of ['One', 'Two', 'Three']) items.push(await reportPost(reporter, await postBy(writer, title, 'students')));
    clock.advance(72 * HOUR);
    const [a, b] = [new EscalationScheduler(hearth.deps), new EscalationScheduler(hearth.deps)];
    const results = await Promise.all([a.tick(), b.tick()]);
    const escalated = results.flatMap((result) => result.queueEscalated).filter((id) => items.includes(id));
    expect(escalated.sort()).toEqual([...items].sort());
    for (const id of items) {
      expect(await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'moderation.escalated'), eq(auditLog.targetId, id)))).toHaveLength(1);
    }
  });
});
