import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { join, writePost, writeReply } from '../../test-support/community.js';
import { TestClient } from '../../test-support/test-client.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

async function memberIn(...slugs: string[]) {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp();
  for (const slug of slugs) await join(client, slug);
  return { client, user };
}

const ids = (response: { json(): { posts: { id: string }[] } }) => response.json().posts.map((p) => p.id);

describe('feeds', () => {
  it('home shows posts from my groups only, newest first; a muted group leaves it', async () => {
    const me = await memberIn('depression', 'relationships');
    const writer = await memberIn('depression', 'relationships', 'loneliness');
    const a = await writePost(writer.client, 'depression', { title: 'First of two' });
    const b = await writePost(writer.client, 'relationships', { title: 'Second of two' });
    const elsewhere = await writePost(writer.client, 'loneliness', { title: 'Not in my groups' });
    const home = ids(await me.client.get('/api/feed'));
    expect(home.indexOf(b.post.id)).toBeLessThan(home.indexOf(a.post.id));
    expect(home).not.toContain(elsewhere.post.id);

    const relationships = (await me.client.get('/api/groups/relationships')).json().group;
    expect((await me.client.request('PUT', `/api/me/mutes/group/${relationships.id}`)).statusCode).toBe(200);
    expect(ids(await me.client.get('/api/feed'))).not.toContain(b.post.id);
    expect((await me.client.get('/api/me/mutes')).json().mutes[0]).toMatchObject({ targetType: 'group', label: 'Relationships' });
    // The group's own page still shows it: muting is for the home feed.
    expect(ids(await me.client.get('/api/groups/relationships/feed'))).toContain(b.post.id);
  });

  it('"most active" puts the thread with the latest reply first', async () => {
    const me = await memberIn('caregivers');
    const older = await writePost(me.client, 'caregivers', { title: 'Older thread' });
    const newer = await writePost(me.client, 'caregivers', { title: 'Newer thread' });
    const replier = await memberIn('caregivers');
    await writeReply(replier.client, older.post.id);
    const active = ids(await me.client.get('/api/groups/caregivers/feed?sort=active'));
    expect(active.indexOf(older.post.id)).toBeLessThan(active.indexOf(newer.post.id));
  });

  it('"needs a reply" lists unanswered posts in my groups, oldest first, not my own', async () => {
    const me = await memberIn('parents');
    const writer = await memberIn('parents');
    const first = await writePost(writer.client, 'parents', { title: 'Waiting longest' });
    const second = await writePost(writer.client, 'parents', { title: 'Waiting less' });
    const mine = await writePost(me.client, 'parents', { title: 'My own' });
    const answered = await writePost(writer.client, 'parents', { title: 'Answered' });
    await writeReply(me.client, answered.post.id);
    const feed = await me.client.get('/api/feed/needs-reply');
    const list = ids(feed);
    expect(list.indexOf(first.post.id)).toBeLessThan(list.indexOf(second.post.id));
    expect(list).not.toContain(mine.post.id);
    expect(list).not.toContain(answered.post.id);
    expect(feed.json().posts.every((p: { needsReply: boolean }) => p.needsReply)).toBe(true);
  });

  it('"my posts" includes my anonymous posts, marked as mine', async () => {
    const me = await memberIn('trauma-and-ptsd');
    const anonymous = await writePost(me.client, 'trauma-and-ptsd', { anonymous: true });
    const posts = (await me.client.get('/api/feed/mine')).json().posts;
    expect(posts[0]).toMatchObject({ id: anonymous.post.id, author: { kind: 'anonymous', isYou: true } });
  });

  it('pages with a cursor that stays stable while new posts arrive', async () => {
    const me = await memberIn('chronic-illness-and-pain');
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push((await writePost(me.client, 'chronic-illness-and-pain', { title: `Post number ${i}` })).post.id);
    const first = await me.client.get('/api/groups/chronic-illness-and-pain/feed?limit=2');
    expect(ids(first)).toEqual([written[4], written[3]]);
    await writePost(me.client, 'chronic-illness-and-pain', { title: 'Arrives in between' });
    const second = await me.client.get(`/api/groups/chronic-illness-and-pain/feed?limit=2&cursor=${first.json().nextCursor}`);
    expect(ids(second)).toEqual([written[2], written[1]]);
    const third = await me.client.get(`/api/groups/chronic-illness-and-pain/feed?limit=2&cursor=${second.json().nextCursor}`);
    expect(ids(third)).toEqual([written[0]]);
    expect(third.json().nextCursor).toBeNull();
    expect((await me.client.get('/api/feed?cursor=garbage')).json().error.field).toBe('cursor');
  });
});

describe('blocks', () => {
  it('neither member sees the other, they cannot reply to each other, and the blocked one is not told', async () => {
    const alice = await memberIn('students');
    const bob = await memberIn('students');
    const bobsPost = await writePost(bob.client, 'students', { title: 'Bob writes' });
    const alicesPost = await writePost(alice.client, 'students', { title: 'Alice writes' });
    const bobsReply = await writeReply(bob.client, alicesPost.post.id, { body: 'Bob answers Alice' });

    expect((await alice.client.post('/api/me/blocks', { handle: bob.user.handle })).statusCode).toBe(200);
    expect((await alice.client.get('/api/me/blocks')).json().blocked).toEqual([expect.objectContaining({ id: bob.user.id })]);

    expect((await alice.client.get(`/api/posts/${bobsPost.post.id}`)).statusCode).toBe(404);
    expect(ids(await alice.client.get('/api/groups/students/feed'))).not.toContain(bobsPost.post.id);
    expect((await alice.client.get(`/api/posts/${alicesPost.post.id}`)).json().replies.map((r: { id: string }) => r.id)).not.toContain(bobsReply.id);
    // Bob, blocked, sees nothing of Alice and cannot answer her; nothing tells him why.
    expect((await bob.client.get(`/api/posts/${alicesPost.post.id}`)).statusCode).toBe(404);
    expect((await bob.client.post(`/api/posts/${alicesPost.post.id}/replies`, { body: 'hello?' })).statusCode).toBe(404);
    expect((await bob.client.get('/api/me/blocks')).json().blocked).toEqual([]);

    expect((await alice.client.post('/api/me/blocks', { handle: alice.user.handle })).statusCode).toBe(422);
    expect((await alice.client.delete(`/api/me/blocks/${bob.user.id}`)).statusCode).toBe(200);
    expect((await alice.client.get(`/api/posts/${bobsPost.post.id}`)).statusCode).toBe(200);
  });

  it('a muted thread leaves the home feed and can be unmuted', async () => {
    const me = await memberIn('job-loss-and-money');
    const { post } = await writePost(me.client, 'job-loss-and-money');
    await me.client.request('PUT', `/api/me/mutes/post/${post.id}`);
    expect((await me.client.get(`/api/posts/${post.id}`)).json().post.muted).toBe(true);
    expect(ids(await me.client.get('/api/feed'))).not.toContain(post.id);
    expect((await me.client.request('DELETE', `/api/me/mutes/post/${post.id}`)).statusCode).toBe(200);
    expect(ids(await me.client.get('/api/feed'))).toContain(post.id);
  });
});

describe('search', () => {
  it('finds posts and replies I may see, ranked, with highlighted snippets', async () => {
    const me = await memberIn('grief-and-loss');
    const writer = await memberIn('grief-and-loss');
    const { post } = await writePost(writer.client, 'grief-and-loss', { title: 'Missing my grandmother', body: 'Her garden still smells of lavender every morning.' });
    await writeReply(me.client, post.id, { body: 'Lavender was my grandad’s favourite too.' });
    const response = await me.client.get('/api/search?q=lavender');
    expect(response.statusCode).toBe(200);
    const results = response.json().results;
    expect(results.map((r: { type: string }) => r.type).sort()).toEqual(['post', 'reply']);
    expect(results[0].snippet.some((part: { text: string; match: boolean }) => part.match && /lavender/i.test(part.text))).toBe(true);
    expect((await me.client.get('/api/search?q=x')).json().error.field).toBe('q');
  });

  it('never finds anonymous posts by the author’s handle, nor removed or blocked content', async () => {
    const writer = await memberIn('addiction-recovery');
    await writePost(writer.client, 'addiction-recovery', { title: 'Ninety days sober', body: 'Ninety days and a jar of marmalade to celebrate.', anonymous: true });
    const removed = await writePost(writer.client, 'addiction-recovery', { title: 'Removed marmalade', body: 'marmalade' });
    await writer.client.delete(`/api/posts/${removed.post.id}`);
    const searcher = await memberIn('addiction-recovery');
    const byHandle = (await searcher.client.get(`/api/search?q=${writer.user.handle}`)).json().results;
    expect(byHandle).toEqual([]);
    const byWord = (await searcher.client.get('/api/search?q=marmalade')).json().results;
    expect(byWord).toHaveLength(1);
    expect(byWord[0].author).toEqual({ kind: 'anonymous', alias: expect.any(String), isYou: false });
    expect(JSON.stringify(byWord)).not.toContain(writer.user.id);
  });

  it('searches groups by name and description', async () => {
    const me = await memberIn();
    const groups = (await me.client.get('/api/search?q=redundancy')).json().groups;
    expect(groups[0].slug).toBe('job-loss-and-money');
  });
});
