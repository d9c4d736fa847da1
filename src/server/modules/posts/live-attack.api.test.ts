import { describe, expect, it } from 'vitest';
import { HELD_TEXT } from '../../test-support/community.js';
import { connectLive, useLiveTestApp, type LiveSocket } from '../../test-support/live-socket.js';
import { groupChannel, threadChannel } from './live.js';

/**
 * Attacker's review of live threads (issue 15 part 3). Each test here failed before its fix and shows what a real
 * member could learn or do.
 */

const live = useLiveTestApp('livatk');
const { call, signUp } = live;

interface Member {
  id: string;
  cookie: string;
  handle: string;
}

async function member(group = 'anxiety'): Promise<Member> {
  const account = await signUp();
  const me = await call(account.cookie, 'GET', '/api/me');
  expect((await call(account.cookie, 'POST', `/api/groups/${group}/join`, { acceptRules: true })).statusCode).toBe(200);
  return { ...account, handle: (me.json() as { user: { handle: string } }).user.handle };
}

async function post(writer: Member): Promise<string> {
  const response = await call(writer.cookie, 'POST', '/api/groups/anxiety/posts', { title: 'A hard week', body: 'Work has been a lot this week.' });
  expect(response.statusCode).toBe(201);
  return (response.json() as { post: { id: string } }).post.id;
}

async function reply(writer: Member, postId: string, body: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
  const response = await call(writer.cookie, 'POST', `/api/posts/${postId}/replies`, { body: 'I hear you. That sounds so tiring.', ...body });
  expect(response.statusCode).toBe(201);
  return (response.json() as { reply: { id: string; status: string } }).reply;
}

/** What a fresh tab is told when it follows the thread: the `subscribed` answer's `lastEventId` (the socket is closed after). */
async function subscribedLastEventId(who: Member, channel: string, since?: number): Promise<{ lastEventId: number; socket: LiveSocket }> {
  const socket = connectLive(live.baseUrl, who.cookie);
  await socket.waitFor((message) => message.type === 'ready');
  socket.socket.send(JSON.stringify({ type: 'subscribe', channel, ...(since === undefined ? {} : { since }) }));
  const answer = await socket.waitFor((message) => (message.type === 'subscribed' || message.type === 'subscribe_refused') && (message as { channel?: string }).channel === channel);
  expect(answer.type).toBe('subscribed');
  return { lastEventId: answer.lastEventId!, socket };
}

describe('attack: the thread channel’s `lastEventId` counts what the reader was never shown', () => {
  // A real member could: keep the thread of someone they know open (or just re-open it) and watch the `subscribed`
  // answer. `lastEventId` is the newest row on THAT thread's channel (hub.latestId([channel])), including rows the
  // reader is given nothing for. When it moves and no reply appeared, something hidden happened in this thread: a
  // reply held for crisis review (the policy's own words: "any difference would tell them its author wrote something
  // held"), or a named reply by someone they blocked (the blocked person is active here, right now). Timed with who
  // is online or typing, that points at a person in crisis.
  it('a reply held for crisis review leaves no trace for an ordinary reader', async () => {
    const author = await member();
    const writer = await member();
    const reader = await member();
    // Two quiet threads: one gets a reply held for crisis review, the other nothing. The reader sees neither change,
    // so a tab following each must be told the same thing about both.
    const heldThread = threadChannel(await post(author));
    const quietThread = threadChannel(await post(author));
    const start = await subscribedLastEventId(reader, heldThread);
    start.socket.socket.close();
    const heldReply = await reply(writer, heldThread.slice('thread:'.length), { body: HELD_TEXT, anonymous: true });
    expect(heldReply.status).toBe('held');

    const held = await subscribedLastEventId(reader, heldThread);
    const quiet = await subscribedLastEventId(reader, quietThread);
    expect(held.lastEventId).toBe(quiet.lastEventId);
    // Resuming both from the same id tells the same story: no event on either, and the same id back.
    const heldResumed = await subscribedLastEventId(reader, heldThread, start.lastEventId);
    const quietResumed = await subscribedLastEventId(reader, quietThread, start.lastEventId);
    expect(heldResumed.socket.messages.filter((message) => message.event)).toEqual([]);
    expect(heldResumed.lastEventId).toBe(quietResumed.lastEventId);
    for (const open of [held, quiet, heldResumed, quietResumed]) open.socket.socket.close();
  });

  it('a named reply by a member the reader blocked leaves no trace for the blocker', async () => {
    const author = await member();
    const blocked = await member();
    const blocker = await member();
    const busyThread = await post(author);
    const quietThread = await post(author);
    expect((await call(blocker.cookie, 'POST', '/api/me/blocks', { handle: blocked.handle })).statusCode).toBe(200);

    await reply(blocked, busyThread, { anonymous: false });
    const busy = await subscribedLastEventId(blocker, threadChannel(busyThread));
    const quiet = await subscribedLastEventId(blocker, threadChannel(quietThread));
    // The blocker was shown nothing in either thread: the answers must not differ.
    expect(busy.lastEventId).toBe(quiet.lastEventId);
    for (const open of [busy, quiet]) open.socket.socket.close();
  });
  it('a group page is told nothing of a post held for crisis review (its lastEventId does not move)', async () => {
    const writer = await member();
    const reader = await member();
    const groupId = ((await call(reader.cookie, 'GET', '/api/groups/anxiety')).json() as { group: { id: string } }).group.id;
    const quietId = ((await call(reader.cookie, 'GET', '/api/groups/depression')).json() as { group: { id: string } }).group.id;
    const response = await call(writer.cookie, 'POST', '/api/groups/anxiety/posts', { title: 'Tonight', body: HELD_TEXT, anonymous: true });
    expect(response.statusCode).toBe(201);
    expect((response.json() as { post: { status: string } }).post.status).toBe('held');
    // The reader may read both groups' pages; neither shows them anything new.
    const held = await subscribedLastEventId(reader, groupChannel(groupId));
    const quiet = await subscribedLastEventId(reader, groupChannel(quietId));
    expect(held.lastEventId).toBe(quiet.lastEventId);
    for (const open of [held, quiet]) open.socket.socket.close();
  });
});

describe('attack: a blocked member reaching the blocker through reactions on the blocker’s anonymous reply', () => {
  // A real member could: react to anonymous replies in a thread the person who blocked them is in. Reacting to
  // anonymous content is allowed across a block (hiding it would reveal whose it is), but the reply's author is then
  // pushed a live event naming the blocked member among the reactors: the person they blocked keeps reaching them,
  // by name, in real time, which is what a block is meant to stop.
  it('the blocker is not pushed the blocked member’s handle when they react to the blocker’s anonymous reply', async () => {
    const author = await member();
    const blocker = await member();
    const blocked = await member();
    const thread = await post(author);
    expect((await call(blocker.cookie, 'POST', '/api/me/blocks', { handle: blocked.handle })).statusCode).toBe(200);
    const written = await reply(blocker, thread, { anonymous: true });
    const { socket } = await subscribedLastEventId(blocker, threadChannel(thread));

    const reacted = await live.hearth.app.inject({ method: 'PUT', url: `/api/replies/${written.id}/reactions/hug`, headers: { cookie: blocked.cookie } });
    // A refusal would be as good as silence; if it is accepted, the blocker must not hear who it was.
    if (reacted.statusCode === 200) {
      const control = await member();
      expect((await live.hearth.app.inject({ method: 'PUT', url: `/api/replies/${written.id}/reactions/hug`, headers: { cookie: control.cookie } })).statusCode).toBe(200);
      // Events on the thread arrive in order: once the control's reaction is in, the blocked member's came before it.
      await socket.waitFor((message) => message.event?.type === 'thread.reactions' && JSON.stringify(message.event.payload).includes(control.handle));
    }
    expect(JSON.stringify(socket.messages)).not.toContain(blocked.handle);
    socket.socket.close();
  });
});
