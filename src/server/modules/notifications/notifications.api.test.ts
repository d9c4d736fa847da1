import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_TEXT, account, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

/**
 * Notifications (issue 15, part 4) through the API, as members see them: the
 * list, the badge, batching, anonymity, blocks and hidden content.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'loneliness';
const member = () => memberIn(hearth, SLUG);

interface Listed {
  id: string;
  kind: string;
  read: boolean;
  actor: { kind: string; handle?: string; alias?: string; name?: string } | null;
  count: number | null;
  postTitle: string | null;
  link: string;
}

async function listOf(client: TestClient) {
  const response = await client.get('/api/notifications');
  expect(response.statusCode).toBe(200);
  return response.json() as { notifications: Listed[]; unread: number; nextCursor: string | null };
}

async function unreadOf(client: TestClient): Promise<number> {
  return (await client.get('/api/notifications/unread')).json().unread as number;
}

const react = (client: TestClient, type: 'posts' | 'replies', id: string, kind = 'hug') => client.request('PUT', `/api/${type}/${id}/reactions/${kind}`);

describe('replies and mentions', () => {
  it('tells a post’s author of a reply, and a reply’s author of an answer, newest first, each once', async () => {
    const author = await member();
    const first = await member();
    const second = await member();
    const { post } = await writePost(author.client, SLUG, { title: 'Sunday evenings' });
    const reply = await writeReply(first.client, post.id);
    await writeReply(second.client, post.id, { parentId: reply.id, body: `I feel that too, @${author.user.handle}.` });

    const authors = await listOf(author.client);
    // The answer to a reply also reaches the post's author, once (as a reply, not a second time as a mention).
    expect(authors.notifications.map((n) => [n.kind, n.actor])).toEqual([
      ['reply_to_post', { kind: 'member', handle: second.user.handle }],
      ['reply_to_post', { kind: 'member', handle: first.user.handle }],
    ]);
    expect(authors.notifications[0]).toMatchObject({ postTitle: 'Sunday evenings', read: false, link: expect.stringMatching(new RegExp(`^/posts/${post.id}\\?reply=`)) });
    expect(authors.unread).toBe(2);
    expect((await listOf(first.client)).notifications.map((n) => [n.kind, n.actor])).toEqual([['reply_to_reply', { kind: 'member', handle: second.user.handle }]]);
    // Nobody is told of their own writing.
    expect((await listOf(second.client)).notifications).toEqual([]);
  });

  it('tells a member they were mentioned; in anonymous writing under the thread alias, never the handle', async () => {
    const author = await member();
    const writer = await member();
    const mentioned = await member();
    const { post } = await writePost(author.client, SLUG);
    const reply = await writeReply(writer.client, post.id, { body: `@${mentioned.user.handle} knows this feeling well.`, anonymous: true });
    const response = await mentioned.client.get('/api/notifications');
    const [mention] = response.json().notifications as Listed[];
    expect(mention).toMatchObject({ kind: 'mention', actor: { kind: 'anonymous', alias: reply.author.alias } });
    expect(response.body).not.toContain(writer.user.handle);
    expect(response.body).not.toContain(writer.user.id);
    // The post's author is told of the reply under the same alias.
    const authors = await author.client.get('/api/notifications');
    expect(authors.json().notifications[0].actor).toEqual({ kind: 'anonymous', alias: reply.author.alias });
    expect(authors.body).not.toContain(writer.user.handle);
  });

  it('a mention in a post tells the member mentioned, and an address is not a mention', async () => {
    const writer = await member();
    const mentioned = await member();
    await writePost(writer.client, SLUG, { body: `Thinking of @${mentioned.user.handle} today. Mail me at x@${mentioned.user.handle}.org` });
    expect((await listOf(mentioned.client)).notifications.map((n) => n.kind)).toEqual(['mention']);
  });
});

describe('mentions the member may not see', () => {
  it('a mention in a private group they are not in, or by someone they blocked under a handle, is not told', async () => {
    const admin = await account(hearth, 'admin');
    const made = await admin.client.post('/api/groups', { slug: 'quiet-room', name: 'Quiet room', description: 'A closed group for a few.', rules: 'Be gentle with each other.', visibility: 'private' });
    expect(made.statusCode).toBe(201);
    await admin.client.post('/api/groups/quiet-room/join', { acceptRules: true });
    expect((await admin.client.post(`/api/groups/quiet-room/requests/${admin.user.id}`, { decision: 'approve' })).statusCode).toBe(200);
    const outsider = await member();
    await writePost(admin.client, 'quiet-room', { body: `Should we invite @${outsider.user.handle}?` });
    const blocked = await member();
    await outsider.client.post('/api/me/blocks', { handle: blocked.user.handle });
    await writePost(blocked.client, SLUG, { body: `Hey @${outsider.user.handle}, are you around?` });
    expect(await listOf(outsider.client)).toMatchObject({ notifications: [], unread: 0 });
  });
});

describe('reactions are batched', () => {
  it('gathers everyone who sends care to one piece of content into one notification, updated in place', async () => {
    const author = await member();
    const { post } = await writePost(author.client, SLUG);
    const reactors = [await member(), await member(), await member()];
    for (const reactor of reactors) expect((await react(reactor.client, 'posts', post.id)).statusCode).toBe(200);
    // A second kind from the same person is not a second person.
    await react(reactors[0]!.client, 'posts', post.id, 'strength');
    const listed = await listOf(author.client);
    expect(listed.notifications).toEqual([expect.objectContaining({ kind: 'reaction', count: 3, actor: null })]);
    expect(listed.unread).toBe(1);

    // Once read, the next person's care starts a new notification.
    await author.client.post(`/api/notifications/${listed.notifications[0]!.id}/read`);
    await react((await member()).client, 'posts', post.id);
    const after = await listOf(author.client);
    expect(after.notifications.map((n) => [n.count, n.read])).toEqual([
      [1, false],
      [3, true],
    ]);
  });

  it('counts only people who still send care', async () => {
    const author = await member();
    const { post } = await writePost(author.client, SLUG);
    const reactor = await member();
    await react(reactor.client, 'posts', post.id);
    expect(await unreadOf(author.client)).toBe(1);
    await reactor.client.delete(`/api/posts/${post.id}/reactions/hug`);
    expect(await listOf(author.client)).toMatchObject({ notifications: [], unread: 0 });
  });
});

describe('what the recipient may not see is not told, nor counted', () => {
  it('a blocked member’s named reply is not told either way; their anonymous reply is, under its alias', async () => {
    const author = await member();
    const blocked = await member();
    // Anonymous, so the blocked member can still read and answer it.
    const { post } = await writePost(author.client, SLUG, { anonymous: true });
    expect((await author.client.post('/api/me/blocks', { handle: blocked.user.handle })).statusCode).toBe(200);
    await writeReply(blocked.client, post.id, { body: 'Under my handle.' });
    expect(await listOf(author.client)).toMatchObject({ notifications: [], unread: 0 });
    // A block hides only what is under a handle: hiding the anonymous reply's notification would say whose it is.
    const anonymous = await writeReply(blocked.client, post.id, { body: 'Quietly.', anonymous: true });
    expect((await listOf(author.client)).notifications.map((n) => n.actor)).toEqual([{ kind: 'anonymous', alias: anonymous.author.alias }]);
  });

  it('a block made later takes the blocked member’s notifications out of the list and the badge', async () => {
    const author = await member();
    const other = await member();
    const { post } = await writePost(author.client, SLUG);
    await writeReply(other.client, post.id);
    await react(other.client, 'posts', post.id);
    expect(await unreadOf(author.client)).toBe(2);
    // The other member blocks the author: blocks are two-way.
    await other.client.post('/api/me/blocks', { handle: author.user.handle });
    expect(await listOf(author.client)).toMatchObject({ notifications: [], unread: 0 });
  });

  it('a held reply is not told (nor counted) until it is visible; a removed reply’s notification disappears', async () => {
    const author = await member();
    const writer = await member();
    const { post } = await writePost(author.client, SLUG);
    const held = await writer.client.post(`/api/posts/${post.id}/replies`, { body: HELD_TEXT });
    expect(held.statusCode).toBe(201);
    expect(held.json().reply.status).toBe('held');
    expect(await listOf(author.client)).toMatchObject({ notifications: [], unread: 0 });

    const reply = await writeReply(writer.client, post.id);
    expect(await unreadOf(author.client)).toBe(1);
    expect((await writer.client.delete(`/api/replies/${reply.id}`)).statusCode).toBe(200);
    expect(await listOf(author.client)).toMatchObject({ notifications: [], unread: 0 });
  });
});

describe('the list', () => {
  it('pages newest first with a cursor; marks one or all read; refuses someone else’s', async () => {
    const author = await member();
    const other = await member();
    const { post } = await writePost(author.client, SLUG);
    for (let index = 0; index < 3; index += 1) await writeReply(other.client, post.id, { body: `Reply number ${index} for you.` });
    const first = (await author.client.get('/api/notifications?limit=2')).json();
    expect(first.notifications).toHaveLength(2);
    const second = (await author.client.get(`/api/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.notifications).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.notifications, ...second.notifications].map((n: Listed) => n.id);
    expect(new Set(ids).size).toBe(3);

    expect((await other.client.post(`/api/notifications/${ids[0]}/read`)).statusCode).toBe(404);
    expect((await author.client.post(`/api/notifications/${ids[0]}/read`)).json()).toEqual({ unread: 2 });
    expect((await author.client.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
    expect((await listOf(author.client)).notifications.every((n) => n.read)).toBe(true);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const { client } = await member();
    const badCursor = await client.get('/api/notifications?cursor=nope');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.field).toBe('cursor');
    const badZone = await client.patch('/api/notifications/settings', { quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' } });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.field).toBe('quietHours.timeZone');
    expect((await client.post('/api/notifications/not-an-id/read')).statusCode).toBe(400);
  });
});

describe('preferences', () => {
  it('a kind turned off in the app is neither listed nor counted; safety outreach cannot be turned off in the app', async () => {
    const author = await member();
    const { post } = await writePost(author.client, SLUG);
    const saved = await author.client.patch('/api/notifications/settings', {
      preferences: { reaction: { inApp: false, push: false }, outreach: { inApp: false, push: true } },
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      preferences: { reaction: { inApp: false, push: false }, outreach: { inApp: true, push: true }, reply_to_post: { inApp: true, push: true } },
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' },
      push: { publicKey: expect.any(String), subscriptions: 0 },
    });
    await react((await member()).client, 'posts', post.id);
    expect(await listOf(author.client)).toMatchObject({ notifications: [], unread: 0 });
    // Turned back on: the batch shows again (it was kept, not lost).
    await author.client.patch('/api/notifications/settings', { preferences: { reaction: { inApp: true, push: false } } });
    expect((await listOf(author.client)).notifications.map((n) => n.kind)).toEqual(['reaction']);
    // Quiet hours are kept when only preferences change, and cleared with null.
    expect((await author.client.get('/api/notifications/settings')).json().quietHours).toMatchObject({ start: '22:00' });
    expect((await author.client.patch('/api/notifications/settings', { quietHours: null })).json().quietHours).toBeNull();
  });
});

describe('other kinds', () => {
  it('a join approval is told; a decline is not', async () => {
    const admin = await account(hearth, 'admin');
    const made = await admin.client.post('/api/groups', { slug: 'night-readers', name: 'Night readers', description: 'A closed group for readers.', rules: 'Be gentle with each other.', visibility: 'private' });
    expect(made.statusCode).toBe(201);
    const approved = await account(hearth);
    const declined = await account(hearth);
    for (const asker of [approved, declined]) await asker.client.post('/api/groups/night-readers/join', { acceptRules: true });
    await admin.client.post(`/api/groups/night-readers/requests/${approved.user.id}`, { decision: 'approve' });
    await admin.client.post(`/api/groups/night-readers/requests/${declined.user.id}`, { decision: 'decline' });
    expect((await listOf(approved.client)).notifications).toEqual([expect.objectContaining({ kind: 'join_approved', link: '/groups/night-readers', actor: null })]);
    expect((await listOf(declined.client)).notifications).toEqual([]);
  });

  it('a moderation decision about a member appears in their notifications, and the Moderation page still lists it', async () => {
    const moderator = await account(hearth, 'moderator');
    const author = await member();
    const acted = await moderator.client.post('/api/moderation/actions', { kind: 'warn', target: { type: 'member', id: author.user.id }, reason: 'Please be kind to others.' });
    expect(acted.statusCode, acted.body).toBeLessThan(300);
    expect((await listOf(author.client)).notifications).toEqual([expect.objectContaining({ kind: 'moderation', link: '/settings/moderation', actor: null })]);
    const page = await author.client.get('/api/me/moderation');
    expect(page.statusCode).toBe(200);
    expect(JSON.stringify(page.json())).toContain('warn');
    // Read on the Moderation page, read in the notifications too.
    expect((await author.client.post('/api/me/moderation/read')).statusCode).toBe(200);
    expect(await listOf(author.client)).toMatchObject({ notifications: [expect.objectContaining({ kind: 'moderation', read: true })], unread: 0 });
  });
});
