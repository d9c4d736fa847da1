import { describe, expect, it } from 'vitest';
import { HELD_TEXT } from '../../test-support/community.js';
import { connectLive, useLiveTestApp, type LiveMessage, type LiveSocket } from '../../test-support/live-socket.js';
import { groupChannel, presentTopicEvent, THREAD_REPLY, threadChannel } from './live.js';

const live = useLiveTestApp('livethr');
const { call, signUp } = live;

interface Member {
  id: string;
  cookie: string;
  handle: string;
}

async function member(role?: 'admin' | 'moderator', group: string | null = 'anxiety'): Promise<Member> {
  const account = await signUp(role);
  const me = await call(account.cookie, 'GET', '/api/me');
  if (group) expect((await call(account.cookie, 'POST', `/api/groups/${group}/join`, { acceptRules: true })).statusCode).toBe(200);
  return { ...account, handle: (me.json() as { user: { handle: string } }).user.handle };
}

async function post(writer: Member, body: Record<string, unknown> = {}, group = 'anxiety'): Promise<{ id: string; groupId: string }> {
  const response = await call(writer.cookie, 'POST', `/api/groups/${group}/posts`, { title: 'A hard week', body: 'Work has been a lot this week.', ...body });
  expect(response.statusCode).toBe(201);
  const json = response.json() as { post: { id: string; group: { id: string } } };
  return { id: json.post.id, groupId: json.post.group.id };
}

async function reply(writer: Member, postId: string, body: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
  const response = await call(writer.cookie, 'POST', `/api/posts/${postId}/replies`, { body: 'I hear you. That sounds so tiring.', ...body });
  expect(response.statusCode).toBe(201);
  return (response.json() as { reply: { id: string; status: string } }).reply;
}

/** A socket following `channel` (subscribed, from now). */
async function follow(who: Member, channel: string): Promise<LiveSocket> {
  const socket = connectLive(live.baseUrl, who.cookie);
  await socket.waitFor((message) => message.type === 'ready');
  socket.socket.send(JSON.stringify({ type: 'subscribe', channel }));
  const answer = await socket.waitFor((message) => (message.type === 'subscribed' || message.type === 'subscribe_refused') && (message as { channel?: string }).channel === channel);
  expect(answer.type).toBe('subscribed');
  return socket;
}

type ReplyPayload = { reply?: { id: string; status: string; body: string | null; author: Record<string, unknown> | null }; replyId?: string; gone?: boolean };
const replyEvent = (replyId: string, type: string = THREAD_REPLY) => (message: LiveMessage) =>
  message.event?.type === type && ((message.event.payload as ReplyPayload).reply?.id === replyId || (message.event.payload as ReplyPayload).replyId === replyId);
const raw = (socket: LiveSocket) => JSON.stringify(socket.messages);

describe('a thread, live', () => {
  it('an anonymous reply reaches a subscriber under its alias only, never the handle or id', async () => {
    const writer = await member();
    const reader = await member();
    const thread = await post(writer);
    const socket = await follow(reader, threadChannel(thread.id));
    const written = await reply(writer, thread.id, { anonymous: true });
    const message = await socket.waitFor(replyEvent(written.id));
    expect((message.event!.payload as ReplyPayload).reply).toMatchObject({ id: written.id, status: 'visible', body: 'I hear you. That sounds so tiring.', author: { kind: 'anonymous', isYou: false } });
    expect(raw(socket)).not.toContain(writer.handle);
    expect(raw(socket)).not.toContain(writer.id);
    socket.socket.close();
  });

  it('a blocked member’s named reply does not reach the blocker (either way); their anonymous reply does', async () => {
    const writer = await member();
    const blocker = await member();
    const control = await member();
    const thread = await post(control);
    expect((await call(blocker.cookie, 'POST', '/api/me/blocks', { handle: writer.handle })).statusCode).toBe(200);
    const blockerSocket = await follow(blocker, threadChannel(thread.id));
    const controlSocket = await follow(control, threadChannel(thread.id));

    const named = await reply(writer, thread.id, { anonymous: false });
    await controlSocket.waitFor(replyEvent(named.id));
    const anonymous = await reply(writer, thread.id, { anonymous: true });
    // Delivered in order on the thread: once the anonymous one arrives, the named one would have come before it.
    await blockerSocket.waitFor(replyEvent(anonymous.id));
    expect(blockerSocket.messages.some(replyEvent(named.id))).toBe(false);
    expect(raw(blockerSocket)).not.toContain(writer.handle);

    // Two-way: the blocked member does not hear the blocker's named replies either.
    const writerSocket = await follow(writer, threadChannel(thread.id));
    const fromBlocker = await reply(blocker, thread.id, { anonymous: false });
    const fromControl = await reply(control, thread.id, { anonymous: false });
    await writerSocket.waitFor(replyEvent(fromControl.id));
    expect(writerSocket.messages.some(replyEvent(fromBlocker.id))).toBe(false);
    for (const socket of [blockerSocket, controlSocket, writerSocket]) socket.socket.close();
  });

  it('a held reply reaches only its writer and staff; its removal reaches no one else', async () => {
    const author = await member();
    const writer = await member();
    const reader = await member();
    const moderator = await member('moderator');
    const thread = await post(author);
    const sockets = { writer: await follow(writer, threadChannel(thread.id)), reader: await follow(reader, threadChannel(thread.id)), moderator: await follow(moderator, threadChannel(thread.id)) };

    const held = await reply(writer, thread.id, { body: HELD_TEXT, anonymous: false });
    expect(held.status).toBe('held');
    for (const socket of [sockets.writer, sockets.moderator]) {
      const message = await socket.waitFor(replyEvent(held.id));
      expect((message.event!.payload as ReplyPayload).reply).toMatchObject({ status: 'held', body: HELD_TEXT });
    }
    const removed = await live.hearth.app.inject({ method: 'DELETE', url: `/api/replies/${held.id}`, headers: { cookie: writer.cookie } });
    expect(removed.statusCode).toBe(200);
    await sockets.writer.waitFor(replyEvent(held.id, 'thread.reply_changed'));
    const after = await reply(author, thread.id);
    await sockets.reader.waitFor(replyEvent(after.id));
    expect(raw(sockets.reader)).not.toContain(held.id);
    for (const socket of Object.values(sockets)) socket.socket.close();
  });

  it('a removal reaches everyone who saw the reply, as gone; a reaction reaches the reply’s author with who reacted', async () => {
    const writer = await member();
    const reader = await member();
    const thread = await post(reader);
    const readerSocket = await follow(reader, threadChannel(thread.id));
    const writerSocket = await follow(writer, threadChannel(thread.id));
    const written = await reply(writer, thread.id);
    await readerSocket.waitFor(replyEvent(written.id));

    expect((await live.hearth.app.inject({ method: 'PUT', url: `/api/replies/${written.id}/reactions/hug`, headers: { cookie: reader.cookie } })).statusCode).toBe(200);
    const reacted = await writerSocket.waitFor(replyEvent(written.id, 'thread.reactions'));
    expect((reacted.event!.payload as { reply: { reactions: unknown } }).reply.reactions).toMatchObject({ reactors: [{ handle: reader.handle, kind: 'hug' }] });

    const edited = await live.hearth.app.inject({ method: 'PATCH', url: `/api/replies/${written.id}`, headers: { cookie: writer.cookie, 'content-type': 'application/json' }, payload: JSON.stringify({ body: 'Edited: I hear you.' }) });
    expect(edited.statusCode).toBe(200);
    const change = await readerSocket.waitFor((message) => replyEvent(written.id, 'thread.reply_changed')(message) && (message.event!.payload as ReplyPayload).reply?.body === 'Edited: I hear you.');
    expect(change.event!.payload).toMatchObject({ reply: { edited: true } });

    expect((await live.hearth.app.inject({ method: 'DELETE', url: `/api/replies/${written.id}`, headers: { cookie: writer.cookie } })).statusCode).toBe(200);
    const gone = await readerSocket.waitFor((message) => replyEvent(written.id, 'thread.reply_changed')(message) && (message.event!.payload as ReplyPayload).gone === true);
    expect(gone.event!.payload).toEqual({ postId: thread.id, replyId: written.id, gone: true });
    readerSocket.socket.close();
    writerSocket.socket.close();
  });

  it('a moderator’s removal or hiding reaches readers as gone; the writer sees it as the thread now lists it to them', async () => {
    const writer = await member();
    const reader = await member();
    const moderator = await member('moderator');
    const thread = await post(reader);
    const readerSocket = await follow(reader, threadChannel(thread.id));
    const writerSocket = await follow(writer, threadChannel(thread.id));
    for (const kind of ['remove', 'hide'] as const) {
      const written = await reply(writer, thread.id);
      await readerSocket.waitFor(replyEvent(written.id));
      const acted = await call(moderator.cookie, 'POST', '/api/moderation/actions', { kind, target: { type: 'reply', id: written.id }, reason: 'Not kind to others here.' });
      expect(acted.statusCode).toBe(200);
      const gone = await readerSocket.waitFor((message) => replyEvent(written.id, 'thread.reply_changed')(message) && (message.event!.payload as ReplyPayload).gone === true);
      expect(gone.event!.payload).toEqual({ postId: thread.id, replyId: written.id, gone: true });
      // The writer sees their reply as the thread now lists it to them: gone when removed (nothing shown under it), held when hidden.
      const theirs = await writerSocket.waitFor(replyEvent(written.id, 'thread.reply_changed'));
      if (kind === 'remove') expect(theirs.event!.payload).toEqual({ postId: thread.id, replyId: written.id, gone: true });
      else expect((theirs.event!.payload as ReplyPayload).reply).toMatchObject({ status: 'held', body: 'I hear you. That sounds so tiring.' });
    }
    readerSocket.socket.close();
    writerSocket.socket.close();
  });

  it('a reconnecting socket resumes the thread from its last event id: nothing lost, nothing twice', async () => {
    const writer = await member();
    const reader = await member();
    const thread = await post(writer);
    const first = await follow(reader, threadChannel(thread.id));
    const one = await reply(writer, thread.id);
    const seen = await first.waitFor(replyEvent(one.id));
    first.socket.close();
    await first.closed;
    const two = await reply(writer, thread.id);
    const three = await reply(writer, thread.id);

    const again = connectLive(live.baseUrl, reader.cookie);
    await again.waitFor((message) => message.type === 'ready');
    again.socket.send(JSON.stringify({ type: 'subscribe', channel: threadChannel(thread.id), since: seen.event!.id }));
    const subscribed = await again.waitFor((message) => message.type === 'subscribed');
    const replayed = again.messages.filter((message) => message.event?.type === THREAD_REPLY).map((message) => (message.event!.payload as ReplyPayload).reply!.id);
    expect(replayed).toEqual([two.id, three.id]);
    expect(subscribed.lastEventId).toBeGreaterThan(seen.event!.id);
    again.socket.close();
  });
});

describe('a group page, live', () => {
  it('hears a new post presented as its feed shows it (an anonymous one under its alias)', async () => {
    const writer = await member();
    const reader = await member();
    const first = await post(writer);
    const socket = await follow(reader, groupChannel(first.groupId));
    const anonymous = await post(writer, { anonymous: true });
    const message = await socket.waitFor((m) => m.event?.type === 'group.post' && (m.event.payload as { post: { id: string } }).post.id === anonymous.id);
    expect(message.event!.payload).toMatchObject({ post: { author: { kind: 'anonymous' }, title: 'A hard week' } });
    expect(raw(socket)).not.toContain(writer.handle);
    socket.socket.close();
  });

  it('a non-member of a private group cannot follow it or its threads; a member who leaves stops hearing it', async () => {
    const admin = await member('admin', null);
    const created = await call(admin.cookie, 'POST', '/api/groups', { slug: 'live-private', name: 'Live private', description: 'A closed room for the live test.', rules: 'Be kind to everyone here.', visibility: 'private' });
    expect(created.statusCode).toBe(201);
    const groupId = (created.json() as { group: { id: string } }).group.id;
    const [insider, staying] = [await member(undefined, null), await member(undefined, null)];
    for (const joining of [insider, staying]) {
      expect((await call(joining.cookie, 'POST', '/api/groups/live-private/join', { acceptRules: true })).statusCode).toBe(200);
      expect((await call(admin.cookie, 'POST', `/api/groups/live-private/requests/${joining.id}`, { decision: 'approve' })).statusCode).toBe(200);
    }
    const thread = await post(insider, {}, 'live-private');

    const outsider = await member(undefined, null);
    const socket = connectLive(live.baseUrl, outsider.cookie);
    await socket.waitFor((message) => message.type === 'ready');
    for (const channel of [groupChannel(groupId), threadChannel(thread.id), threadChannel('00000000-0000-4000-8000-000000000000'), 'staff:safety']) {
      socket.socket.send(JSON.stringify({ type: 'subscribe', channel }));
      const answer = await socket.waitFor((message) => (message as { channel?: string }).channel === channel);
      // Private and non-existent are refused alike.
      expect(answer).toMatchObject({ type: 'subscribe_refused', reason: 'not_found' });
    }

    const insiderSocket = await follow(insider, threadChannel(thread.id));
    const leaving = await live.hearth.app.inject({ method: 'DELETE', url: '/api/groups/live-private/membership', headers: { cookie: insider.cookie } });
    expect(leaving.statusCode).toBe(200);
    const stayingReply = await reply(staying, thread.id);
    await insiderSocket.waitFor((message) => message.type === 'unsubscribed');
    expect(insiderSocket.messages.some(replyEvent(stayingReply.id))).toBe(false);
    socket.socket.close();
    insiderSocket.socket.close();
  });
});

describe('access is checked again', () => {
  it('a moderator following a private group’s thread they are not in stops hearing it once demoted, at once', async () => {
    const admin = await member('admin', null);
    expect((await call(admin.cookie, 'POST', '/api/groups', { slug: 'live-staff-only', name: 'Live staff only', description: 'A closed room for the live test.', rules: 'Be kind to everyone here.', visibility: 'private' })).statusCode).toBe(201);
    const insider = await member(undefined, null);
    expect((await call(insider.cookie, 'POST', '/api/groups/live-staff-only/join', { acceptRules: true })).statusCode).toBe(200);
    expect((await call(admin.cookie, 'POST', `/api/groups/live-staff-only/requests/${insider.id}`, { decision: 'approve' })).statusCode).toBe(200);
    const thread = await post(insider, {}, 'live-staff-only');
    const moderator = await member('moderator', null);
    const socket = await follow(moderator, threadChannel(thread.id));

    expect((await call(admin.cookie, 'PATCH', `/api/admin/users/${moderator.id}`, { role: 'member' })).statusCode).toBe(200);
    await socket.waitFor((message) => message.type === 'unsubscribed' && (message as { channel?: string }).channel === threadChannel(thread.id));
    const later = await reply(insider, thread.id);
    // Heard by nobody who may not read it: the insider's own socket is the witness that it went out.
    const insiderSocket = await follow(insider, threadChannel(thread.id));
    const again = await reply(insider, thread.id);
    await insiderSocket.waitFor(replyEvent(again.id));
    expect(socket.messages.some(replyEvent(later.id)) || socket.messages.some(replyEvent(again.id))).toBe(false);
    socket.socket.close();
    insiderSocket.socket.close();
  });
});

describe('fan-out serialises once per audience', () => {
  it('five sockets of a reply in three audiences (readers and staff alike, the writer, a blocker): two strings, none for the blocker', async () => {
    const writer = await member();
    const readerA = await member();
    const readerB = await member();
    const moderator = await member('moderator');
    const blocker = await member();
    expect((await call(blocker.cookie, 'POST', '/api/me/blocks', { handle: writer.handle })).statusCode).toBe(200);
    const thread = await post(readerA);
    const written = await reply(writer, thread.id, { anonymous: false });
    const [event] = await live.hearth.deps.live.since([threadChannel(thread.id)], 0);
    expect(event?.type).toBe(THREAD_REPLY);

    const listeners = [
      { userId: readerA.id, role: 'member' as const },
      { userId: readerB.id, role: 'member' as const },
      { userId: moderator.id, role: 'moderator' as const },
      { userId: writer.id, role: 'member' as const },
      { userId: blocker.id, role: 'member' as const },
    ];
    const delivery = await presentTopicEvent(live.hearth.deps.db, event!, listeners);
    expect(delivery.serialisations).toBe(2);
    expect(delivery.messages.size).toBe(4);
    expect(delivery.messages.has(listeners[4]!)).toBe(false);
    // The same string object for one audience: serialised once, not per socket.
    expect(delivery.messages.get(listeners[0]!)).toBe(delivery.messages.get(listeners[1]!));
    expect(delivery.messages.get(listeners[0]!)).toBe(delivery.messages.get(listeners[2]!));
    const forWriter = JSON.parse(delivery.messages.get(listeners[3]!)!) as { event: { payload: { reply: { id: string; author: { isYou: boolean } } } } };
    expect(forWriter.event.payload.reply).toMatchObject({ id: written.id, author: { isYou: true } });
  });
});
