import { describe, expect, it, vi } from 'vitest';
import { threadChannel } from '../modules/posts/live.js';
import { connectLive, useLiveTestApp, type LiveMessage } from '../test-support/live-socket.js';

/** Attacker's review of the socket gateway (issue 15). Each test here failed before its fix. */

const live = useLiveTestApp('gwatk');
const { call, signUp } = live;

async function joined(): Promise<{ id: string; cookie: string }> {
  const account = await signUp();
  expect((await call(account.cookie, 'POST', '/api/groups/anxiety/join', { acceptRules: true })).statusCode).toBe(200);
  return account;
}

describe('attack: the socket gateway', () => {
  // A real member (or a script with one session) could: send `{type:"subscribe", channel, since:0}` for a busy
  // thread over and over on one socket. Every message replays the thread's whole history from the table, and each
  // replayed event costs a session read, the thread head, memberships, blocks and the reply (several queries), even
  // though the socket already has those events and gets none of them again (the sent-id guard drops them after the
  // work is done). There is no limit on how often a socket may subscribe: a few bytes from one tab buy thousands of
  // queries, queued without bound on the topic, slowing every live thread on the node for people in crisis.
  it('re-subscribing to a thread it already follows does not replay the thread’s history every time', async () => {
    const writer = await joined();
    const reader = await joined();
    const created = await call(writer.cookie, 'POST', '/api/groups/anxiety/posts', { title: 'A hard week', body: 'Work has been a lot this week.' });
    const postId = (created.json() as { post: { id: string } }).post.id;
    for (let n = 0; n < 5; n++) expect((await call(writer.cookie, 'POST', `/api/posts/${postId}/replies`, { body: `Reply ${n}: I hear you.` })).statusCode).toBe(201);
    const channel = threadChannel(postId);

    const pagesSince = vi.spyOn(live.hearth.deps.live, 'pagesSince');
    try {
      const socket = connectLive(live.baseUrl, reader.cookie);
      await socket.waitFor((message) => message.type === 'ready');
      const burst = 40;
      for (let n = 0; n < burst; n++) socket.socket.send(JSON.stringify({ type: 'subscribe', channel, since: 0 }));
      // Every answer, whatever it is (served, refused, an error), or the socket closed by the server.
      const answered = (message: LiveMessage) => ['subscribed', 'subscribe_refused', 'error'].includes(message.type);
      await Promise.race([socket.waitFor(() => socket.messages.filter(answered).length >= burst, 20_000).catch(() => undefined), socket.closed]);
      const replays = pagesSince.mock.calls.filter(([channels]) => channels.includes(channel)).length;
      // One replay is what the member needed; a handful would be tolerable. One per message is the amplification.
      expect(replays).toBeLessThan(burst / 4);
      socket.socket.close();
    } finally {
      pagesSince.mockRestore();
    }
  });

  // The codebase's rule: bad input gets a clear answer naming the field. A client (ours after a change, or a
  // developer of a third-party app) that sends `since: "12"` is told only "Unknown message.", and a reconnecting
  // tab that never resumes looks to the member like a page that silently stopped updating.
  it('a malformed socket message is answered with the field that is wrong', async () => {
    const member = await joined();
    const socket = connectLive(live.baseUrl, member.cookie);
    await socket.waitFor((message) => message.type === 'ready');
    socket.socket.send(JSON.stringify({ type: 'resume', since: '12' }));
    const error = (await socket.waitFor((message) => message.type === 'error')) as LiveMessage & { error: { code: string; message: string; field?: string } };
    expect(`${error.error.message} ${error.error.field ?? ''}`).toContain('since');
    socket.socket.close();
  });
});
