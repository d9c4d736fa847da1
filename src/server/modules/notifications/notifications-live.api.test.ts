import { afterAll, describe, expect, it } from 'vitest';
import { HELD_TEXT } from '../../test-support/community.js';
import { userChannel } from '../../live/hub.js';
import { connectLive, useLiveTestApp, type LiveSocket } from '../../test-support/live-socket.js';

/**
 * The badge moves live, and only for what the member is shown: a held reply
 * writes no event at all on their channel (an event would tell them someone
 * wrote something they cannot see).
 */
const live = useLiveTestApp('bell');
const sockets: LiveSocket[] = [];
afterAll(() => {
  for (const socket of sockets) socket.socket.close();
});

const CHANGED = 'notifications.changed';

describe('the live badge', () => {
  it('hears a visible reply, and nothing of a held one', async () => {
    const author = await live.signUp();
    const writer = await live.signUp();
    for (const person of [author, writer]) expect((await live.call(person.cookie, 'POST', '/api/groups/loneliness/join', { acceptRules: true })).statusCode).toBe(200);
    const posted = await live.call(author.cookie, 'POST', '/api/groups/loneliness/posts', { title: 'Late again', body: 'Cannot sleep tonight.' });
    const postId = (posted.json() as { post: { id: string } }).post.id;
    const socket = connectLive(live.baseUrl, author.cookie);
    sockets.push(socket);
    await socket.waitFor((message) => message.type === 'ready');

    const held = await live.call(writer.cookie, 'POST', `/api/posts/${postId}/replies`, { body: HELD_TEXT });
    expect(held.json().reply.status).toBe('held');
    expect((await live.call(writer.cookie, 'POST', `/api/posts/${postId}/replies`, { body: 'Me neither. Tea?' })).statusCode).toBe(201);
    expect((await live.call(author.cookie, 'GET', '/api/notifications/unread')).json()).toEqual({ unread: 1 });
    // Marking read tells the member's other tabs: the newest event on their channel, so once it is here, all before it are too.
    await live.call(author.cookie, 'POST', '/api/notifications/read-all', {});
    const changes = () => socket.messages.filter((message) => message.event?.type === CHANGED);
    const last = await live.hearth.deps.live.latestId([userChannel(author.id)]);
    await socket.waitFor((message) => (message.event?.id ?? 0) >= last);
    // Two changes, the visible reply's and the read's, carrying nothing: none for the held reply.
    expect(changes().map((message) => message.event!.payload)).toEqual([{}, {}]);
  });
});
