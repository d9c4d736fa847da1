import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { join, writePost, writeReply } from '../../test-support/community.js';
import { TestClient } from '../../test-support/test-client.js';
import { updateUser } from '../accounts/queries.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

async function memberIn(slug = 'anxiety', role?: 'moderator') {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp();
  if (role) await updateUser(hearth.deps.db, user.id, { role });
  await join(client, slug);
  return { client, user };
}

describe('posts', () => {
  it('a member writes a post with a content warning and a mood; Markdown is sanitised', async () => {
    const { client, user } = await memberIn();
    const response = await client.post('/api/groups/anxiety/posts', {
      title: 'Panic on the bus',
      body: 'It happened *again*.\n\n<script>alert(1)</script>\n\n- breathing\n- counting',
      contentWarning: 'panic attack description',
      contentWarningTopics: ['self-harm'],
      mood: 'low',
    });
    expect(response.statusCode).toBe(201);
    const { post } = response.json();
    expect(post.author).toMatchObject({ kind: 'member', id: user.id, isYou: true });
    expect(post.bodyHtml).toContain('<em>again</em>');
    expect(post.bodyHtml).not.toContain('<script');
    expect(post).toMatchObject({ contentWarning: 'panic attack description', contentWarningTopics: ['self-harm'], mood: 'low', needsReply: true, replyCount: 0 });
  });

  it('needs membership to post, and names bad fields', async () => {
    const outsider = new TestClient(hearth.app);
    await outsider.signUp();
    expect((await outsider.post('/api/groups/anxiety/posts', { title: 'Hello all', body: 'Hi' })).statusCode).toBe(403);
    const { client } = await memberIn();
    const noTitle = await client.post('/api/groups/anxiety/posts', { body: 'Hi' });
    expect(noTitle.json().error.field).toBe('title');
    const badTopic = await client.post('/api/groups/anxiety/posts', { title: 'Hello all', body: 'Hi', contentWarningTopics: ['spiders'] });
    expect(badTopic.json().error.field).toBe('contentWarningTopics.0');
    const badMood = await client.post('/api/groups/anxiety/posts', { title: 'Hello all', body: 'Hi', mood: 'ecstatic' });
    expect(badMood.json().error.field).toBe('mood');
    expect((await client.post('/api/groups/no-such-group/posts', { title: 'Hello all', body: 'Hi' })).statusCode).toBe(404);
    expect((await new TestClient(hearth.app).post('/api/groups/anxiety/posts', { title: 'Hello all', body: 'Hi' })).statusCode).toBe(401);
  });

  it('an anonymous post shows an alias; the author is told which one', async () => {
    const { client } = await memberIn();
    const { post } = await writePost(client, 'anxiety', { anonymous: true });
    expect(post.author).toEqual({ kind: 'anonymous', alias: expect.stringMatching(/^[A-Z][a-z]+ [A-Z][a-z]+$/), isYou: true });
    const reader = await memberIn();
    const seen = (await reader.client.get(`/api/posts/${post.id}`)).json().post.author;
    expect(seen).toEqual({ kind: 'anonymous', alias: (post.author as { alias: string }).alias, isYou: false });
  });

  it('the anonymity default comes from the member’s settings', async () => {
    const { client } = await memberIn();
    await client.patch('/api/me/community-settings', { anonymousByDefault: true });
    const { post } = await writePost(client, 'anxiety');
    expect(post.author.kind).toBe('anonymous');
    const open = await writePost(client, 'anxiety', { anonymous: false });
    expect(open.post.author.kind).toBe('member');
  });

  it('the alias is stable within a thread and differs across threads', async () => {
    const { client } = await memberIn();
    const aliases = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { post } = await writePost(client, 'anxiety', { anonymous: true });
      const reply = await writeReply(client, post.id, { anonymous: true });
      expect(reply.author.alias).toBe(post.author.alias);
      aliases.add(post.author.alias as string);
    }
    expect(aliases.size).toBeGreaterThan(1);
  });

  it('edits are shown as edited and earlier versions are kept for staff only', async () => {
    const { client } = await memberIn();
    const { post } = await writePost(client, 'anxiety', { body: 'First words.' });
    const edited = await client.patch(`/api/posts/${post.id}`, { body: 'Second words.' });
    expect(edited.json().post).toMatchObject({ edited: true, body: 'Second words.' });
    const other = await memberIn();
    expect((await other.client.patch(`/api/posts/${post.id}`, { body: 'Hijack' })).statusCode).toBe(403);
    expect((await other.client.get(`/api/posts/${post.id}/revisions`)).statusCode).toBe(403);
    const staff = await memberIn('anxiety', 'moderator');
    const revisions = await staff.client.get(`/api/posts/${post.id}/revisions`);
    expect(revisions.json().revisions.map((r: { body: string }) => r.body)).toEqual(['First words.']);
  });

  it('removing a post leaves a placeholder (to its author: "removed by the author") and keeps its replies', async () => {
    const { client } = await memberIn();
    const { post } = await writePost(client, 'anxiety');
    const replier = await memberIn();
    await writeReply(replier.client, post.id);
    expect((await replier.client.delete(`/api/posts/${post.id}`)).statusCode).toBe(403);
    expect((await client.delete(`/api/posts/${post.id}`)).statusCode).toBe(200);
    // Others see the neutral placeholder a held post also shows (post-placeholders.api.test.ts).
    const thread = (await replier.client.get(`/api/posts/${post.id}`)).json();
    expect(thread.post).toMatchObject({ status: 'unavailable', author: null, body: null, bodyHtml: null });
    expect(thread.replies).toHaveLength(1);
    expect((await client.get(`/api/posts/${post.id}`)).json().post).toMatchObject({ status: 'removed_by_author', body: null, bodyHtml: null });
  });
});

describe('replies', () => {
  it('thread at least two levels deep and answer the post', async () => {
    const author = await memberIn();
    const { post } = await writePost(author.client, 'anxiety');
    const a = await memberIn();
    const first = await writeReply(a.client, post.id);
    const b = await memberIn();
    const second = await writeReply(b.client, post.id, { parentId: first.id });
    const third = await writeReply(a.client, post.id, { parentId: second.id });
    expect([first.depth, second.depth, third.depth]).toEqual([0, 1, 2]);
    const thread = (await author.client.get(`/api/posts/${post.id}`)).json();
    expect(thread.replies.map((r: { parentId: string | null }) => r.parentId)).toEqual([null, first.id, second.id]);
    expect(thread.post).toMatchObject({ replyCount: 3, needsReply: false });
  });

  it("the author's own reply does not count as an answer", async () => {
    const author = await memberIn();
    const { post } = await writePost(author.client, 'anxiety');
    await writeReply(author.client, post.id, { body: 'Update: still here.' });
    expect((await author.client.get(`/api/posts/${post.id}`)).json().post.needsReply).toBe(true);
  });

  it('refuses a parent from another thread, and an empty body', async () => {
    const author = await memberIn();
    const one = await writePost(author.client, 'anxiety');
    const two = await writePost(author.client, 'anxiety');
    const replier = await memberIn();
    const reply = await writeReply(replier.client, one.post.id);
    expect((await replier.client.post(`/api/posts/${two.post.id}/replies`, { body: 'Hi', parentId: reply.id })).statusCode).toBe(404);
    expect((await replier.client.post(`/api/posts/${two.post.id}/replies`, { body: '   ' })).json().error.field).toBe('body');
  });
});

describe('thread counters', () => {
  it('are repaired from the replies after a crash between a reply and its counter update', async () => {
    const author = await memberIn();
    const { post } = await writePost(author.client, 'anxiety');
    const replier = await memberIn();
    await writeReply(replier.client, post.id);
    await writeReply(replier.client, post.id);
    const { posts: postsTable } = await import('../../db/schema/index.js');
    const { eq } = await import('drizzle-orm');
    const { repairThreadCounters } = await import('./queries.js');
    await hearth.deps.db.update(postsTable).set({ replyCount: 0, answeredAt: null }).where(eq(postsTable.id, post.id));
    await repairThreadCounters(hearth.deps.db, new Date(Date.now() - 60_000));
    expect((await author.client.get(`/api/posts/${post.id}`)).json().post).toMatchObject({ replyCount: 2, needsReply: false });
  });
});

describe('reactions', () => {
  it('the author sees who reacted and the counts; others see only their own', async () => {
    const author = await memberIn();
    const { post } = await writePost(author.client, 'anxiety');
    const hugger = await memberIn();
    const other = await memberIn();
    expect((await hugger.client.request('PUT', `/api/posts/${post.id}/reactions/hug`)).statusCode).toBe(200);
    await other.client.request('PUT', `/api/posts/${post.id}/reactions/me_too`);
    await other.client.request('PUT', `/api/posts/${post.id}/reactions/hug`);

    const forAuthor = (await author.client.get(`/api/posts/${post.id}`)).json().post.reactions;
    expect(forAuthor.counts).toEqual({ hug: 2, me_too: 1 });
    expect(forAuthor.reactors).toHaveLength(3);
    const forHugger = (await hugger.client.get(`/api/posts/${post.id}`)).json().post.reactions;
    expect(forHugger).toEqual({ mine: ['hug'], counts: null, reactors: null });

    await hugger.client.request('DELETE', `/api/posts/${post.id}/reactions/hug`);
    expect((await author.client.get(`/api/posts/${post.id}`)).json().post.reactions.counts).toEqual({ hug: 1, me_too: 1 });
    expect((await author.client.request('PUT', `/api/posts/${post.id}/reactions/hug`)).statusCode).toBe(422);
    expect((await hugger.client.request('PUT', `/api/posts/${post.id}/reactions/like`)).json().error.field).toBe('kind');
  });

  it('a group may choose to show counts to everyone', async () => {
    const admin = new TestClient(hearth.app);
    const { user } = await admin.signUp();
    await updateUser(hearth.deps.db, user.id, { role: 'admin' });
    await admin.patch('/api/groups/students', { showReactionCounts: true });
    const author = await memberIn('students');
    const { post } = await writePost(author.client, 'students');
    const reader = await memberIn('students');
    await reader.client.request('PUT', `/api/posts/${post.id}/reactions/strength`);
    const third = await memberIn('students');
    const seen = (await third.client.get(`/api/posts/${post.id}`)).json().post.reactions;
    expect(seen).toEqual({ mine: [], counts: { strength: 1 }, reactors: null });
  });
});
