import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

/**
 * Blocks and anonymity (issue 10, defect 2). A block hides the other member's
 * content only where it is shown under their handle. If it hid anonymous content
 * too, the blocker would learn which anonymous posts are the blocked member's
 * (they turn into 404), and the blocked member could learn the same by comparing
 * with a second account. So anonymous content is untouched by blocks, both ways.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'students';

const memberIn = (role?: 'moderator') => memberInGroup(hearth, SLUG, role);

const ids = (response: { json(): { posts: { id: string }[] } }) => response.json().posts.map((p) => p.id);

/** Everything a member sees that a block could change, for a before/after comparison. */
async function viewOf(client: TestClient, threads: string[], exceptPosts: string[] = []) {
  const keep = (list: string[]) => list.filter((id) => !exceptPosts.includes(id));
  const view: Record<string, unknown> = {};
  for (const id of threads) {
    const response = await client.get(`/api/posts/${id}`);
    view[`thread ${id}`] = { status: response.statusCode, body: response.json() };
  }
  for (const feed of ['/api/feed', '/api/feed?sort=active', '/api/feed/needs-reply', `/api/groups/${SLUG}/feed`]) {
    view[feed] = keep(ids(await client.get(`${feed}${feed.includes('?') ? '&' : '?'}limit=50`)));
  }
  // Results under another member's handle are what a block may hide; everything else must not move.
  // (and so is everything in a thread under their handle).
  view.search = ((await client.get('/api/search?q=quince')).json().results as { postId: string; author: { kind: string; isYou: boolean } }[]).filter(
    (result) => (result.author.kind === 'anonymous' || result.author.isYou) && !exceptPosts.includes(result.postId),
  );
  return view;
}

describe('blocks and anonymous content', () => {
  it('a block hides only what is shown under a handle: anonymous posts and replies stay, both ways', async () => {
    const writer = await memberIn();
    const reader = await memberIn();
    const readersPost = await writePost(reader.client, SLUG, { title: 'Revision is hard', body: 'Any quince jam fans here?' });
    const anonymousPost = await writePost(writer.client, SLUG, { title: 'Lonely term', body: 'Quince trees remind me of home.', anonymous: true });
    const anonymousReply = await writeReply(writer.client, readersPost.post.id, { body: 'Quince jam, always.', anonymous: true });
    const handlePost = await writePost(writer.client, SLUG, { title: 'Under my handle', body: 'A quince question, openly.' });
    const handleReply = await writeReply(writer.client, readersPost.post.id, { body: 'And openly: quince paste.' });
    // The reader's own anonymous post, for the other direction.
    const readersAnonymous = await writePost(reader.client, SLUG, { title: 'Quietly', body: 'A quince tart for one.', anonymous: true });
    const threads = [anonymousPost.post.id, readersPost.post.id, readersAnonymous.post.id];
    const readerBefore = await viewOf(reader.client, threads, [handlePost.post.id]);
    const writerBefore = await viewOf(writer.client, [anonymousPost.post.id, readersAnonymous.post.id], [readersPost.post.id]);
    const withoutHandleReply = (view: Record<string, unknown>) => {
      const copy = structuredClone(view) as Record<string, { body: { replies: { id: string }[] } }>;
      const thread = copy[`thread ${readersPost.post.id}`]!;
      thread.body.replies = thread.body.replies.filter((reply) => reply.id !== handleReply.id);
      return copy;
    };

    for (const direction of ['the reader blocks the writer', 'the writer blocks the reader'] as const) {
      const [blocker, blocked] = direction === 'the reader blocks the writer' ? [reader, writer] : [writer, reader];
      expect((await blocker.client.post('/api/me/blocks', { handle: blocked.user.handle })).statusCode).toBe(200);

      // Content under the writer's handle is hidden from the reader...
      expect((await reader.client.get(`/api/posts/${handlePost.post.id}`)).statusCode, direction).toBe(404);
      const readersThread = (await reader.client.get(`/api/posts/${readersPost.post.id}`)).json();
      expect(readersThread.replies.map((r: { id: string }) => r.id), direction).toEqual([anonymousReply.id]);
      // ...and the writer's handle content is hidden from search and feeds, but nothing anonymous moved.
      expect(await viewOf(reader.client, threads, [handlePost.post.id]), direction).toEqual(withoutHandleReply(readerBefore));
      expect(await viewOf(writer.client, [anonymousPost.post.id, readersAnonymous.post.id], [readersPost.post.id]), direction).toEqual(writerBefore);
      expect((await blocker.client.delete(`/api/me/blocks/${blocked.user.id}`)).statusCode).toBe(200);
    }

    // While blocked, anonymous content can still be answered and reacted to, both ways.
    await reader.client.post('/api/me/blocks', { handle: writer.user.handle });
    expect((await reader.client.post(`/api/posts/${anonymousPost.post.id}/replies`, { body: 'Sending you warmth.' })).statusCode).toBe(201);
    expect((await reader.client.post(`/api/posts/${readersPost.post.id}/replies`, { body: 'Yes!', parentId: anonymousReply.id })).statusCode).toBe(201);
    expect((await reader.client.post(`/api/posts/${readersPost.post.id}/replies`, { body: 'Hm', parentId: handleReply.id })).statusCode).toBe(404);
    expect((await reader.client.request('PUT', `/api/posts/${anonymousPost.post.id}/reactions/hug`)).statusCode).toBe(200);
    expect((await reader.client.request('PUT', `/api/replies/${anonymousReply.id}/reactions/thanks`)).statusCode).toBe(200);
    expect((await reader.client.request('PUT', `/api/replies/${handleReply.id}/reactions/thanks`)).statusCode).toBe(404);
    expect((await writer.client.post(`/api/posts/${readersAnonymous.post.id}/replies`, { body: 'Enjoy it.' })).statusCode).toBe(201);
    expect((await writer.client.request('PUT', `/api/posts/${readersAnonymous.post.id}/reactions/strength`)).statusCode).toBe(200);
    expect((await writer.client.post(`/api/posts/${readersPost.post.id}/replies`, { body: 'Hi' })).statusCode).toBe(404);
  });

  it('muting the thread is how a member stops seeing an anonymous thread', async () => {
    const writer = await memberIn();
    const reader = await memberIn();
    const { post } = await writePost(writer.client, SLUG, { title: 'Anonymous and unwanted', anonymous: true });
    await reader.client.post('/api/me/blocks', { handle: writer.user.handle });
    expect(ids(await reader.client.get('/api/feed?limit=50'))).toContain(post.id);
    await reader.client.request('PUT', `/api/me/mutes/post/${post.id}`);
    expect(ids(await reader.client.get('/api/feed?limit=50'))).not.toContain(post.id);
    expect(ids(await reader.client.get('/api/feed/needs-reply?limit=50'))).not.toContain(post.id);
  });

  it('staff are not affected by blocks: they see what they moderate', async () => {
    const writer = await memberIn();
    const moderator = await memberIn('moderator');
    const { post } = await writePost(writer.client, SLUG, { title: 'Quince, openly, to a moderator' });
    const reply = await writeReply(writer.client, post.id, { body: 'And a quince reply.' });
    await moderator.client.post('/api/me/blocks', { handle: writer.user.handle });
    const thread = await moderator.client.get(`/api/posts/${post.id}`);
    expect(thread.statusCode).toBe(200);
    expect(thread.json().replies.map((r: { id: string }) => r.id)).toEqual([reply.id]);
    expect(ids(await moderator.client.get(`/api/groups/${SLUG}/feed?limit=50`))).toContain(post.id);
    expect((await moderator.client.get('/api/search?q=quince')).json().results.map((r: { postId: string }) => r.postId)).toContain(post.id);
  });
});
