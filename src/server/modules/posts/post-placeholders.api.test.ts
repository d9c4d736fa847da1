import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts as postsTable } from '../../db/schema/index.js';
import { HELD_TEXT, memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

/**
 * A post its author edits into words held for crisis review must look to every
 * other member exactly like a removed post (removed by its author or by staff):
 * same thread, same placeholder head, same replies and counters, the same
 * refusals. Before, the held post's thread answered 404 (replies gone too), so
 * anyone with the link learned its author wrote something held, and a post under
 * a handle tied the crisis to the handle (issue 10 review).
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const memberIn = (slug: string, role?: 'moderator') => memberInGroup(hearth, slug, role);

interface Outcome {
  statusCode: number;
  body: unknown;
}

/** What differs between any two threads whatever happened to them (ids, times) is left out of the comparison. */
function withoutIdsAndTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIdsAndTimes);
  if (value && typeof value === 'object') {
    const kept = Object.entries(value).filter(([key]) => !['id', 'parentId', 'createdAt', 'lastActivityAt'].includes(key));
    return Object.fromEntries(kept.map(([key, entry]) => [key, withoutIdsAndTimes(entry)]));
  }
  return value;
}

async function outcome(response: Promise<{ statusCode: number; body: string }>): Promise<Outcome> {
  const { statusCode, body } = await response;
  return { statusCode, body: withoutIdsAndTimes(body ? JSON.parse(body) : null) };
}

/** Everything another member can do with a thread, as they would notice it. */
async function seenBy(client: TestClient, postId: string) {
  return {
    thread: await outcome(client.get(`/api/posts/${postId}`)),
    reply: await outcome(client.post(`/api/posts/${postId}/replies`, { body: 'Thinking of you today.' })),
    react: await outcome(client.request('PUT', `/api/posts/${postId}/reactions/hug`)),
    unreact: await outcome(client.request('DELETE', `/api/posts/${postId}/reactions/strength`)),
    edit: await outcome(client.patch(`/api/posts/${postId}`, { body: 'Not mine to edit.' })),
    remove: await outcome(client.request('DELETE', `/api/posts/${postId}`)),
  };
}

describe('post placeholders', () => {
  for (const anonymous of [false, true]) {
    it(`a post ${anonymous ? 'written anonymously' : 'under a handle'} edited into held words looks to others exactly like a removed one`, async () => {
      const slug = anonymous ? 'anxiety' : 'depression';
      const poster = await memberIn(slug);
      const replier = await memberIn(slug);
      const reader = await memberIn(slug);
      const staff = await memberIn(slug, 'moderator');
      // Three posts written the same way, each answered and reacted to by others.
      const written: { postId: string; replyId: string }[] = [];
      for (const name of ['held', 'removed by the author', 'removed by staff']) {
        const { post } = await writePost(poster.client, slug, {
          title: `Winter evenings, ${name}`,
          body: 'The evenings are long and quiet lately.',
          anonymous,
          mood: 'low',
          contentWarning: 'talk of death',
          contentWarningTopics: ['death'],
        });
        const reply = await writeReply(replier.client, post.id, { body: 'Long evenings are hard. I am here too.' });
        expect((await replier.client.request('PUT', `/api/posts/${post.id}/reactions/strength`)).statusCode).toBe(200);
        expect((await reader.client.request('PUT', `/api/posts/${post.id}/reactions/hug`)).statusCode).toBe(200);
        written.push({ postId: post.id, replyId: reply.id });
      }
      const [held, removed, removedByStaff] = written as [(typeof written)[0], (typeof written)[0], (typeof written)[0]];
      // Listed before anything changes, so "listed nowhere" below means something.
      const groupFeed = (await replier.client.get(`/api/groups/${slug}/feed`)).json().posts.map((post: { id: string }) => post.id);
      expect(groupFeed).toEqual(expect.arrayContaining(written.map(({ postId }) => postId)));
      // The reader mutes the threads, so their mute list names them (muted threads leave only the reader's home feeds).
      for (const { postId } of written) expect((await reader.client.request('PUT', `/api/me/mutes/post/${postId}`)).statusCode).toBe(200);

      const edited = await poster.client.patch(`/api/posts/${held.postId}`, { title: 'Tonight', body: HELD_TEXT });
      expect(edited.json().post).toMatchObject({ status: 'held', body: HELD_TEXT });
      expect((await poster.client.delete(`/api/posts/${removed.postId}`)).statusCode).toBe(200);
      await hearth.deps.db.update(postsTable).set({ status: 'removed_by_staff' }).where(eq(postsTable.id, removedByStaff.postId));

      for (const [who, client] of [['the replier', replier.client], ['another member', reader.client]] as const) {
        const heldSeen = await seenBy(client, held.postId);
        expect(heldSeen, who).toEqual(await seenBy(client, removed.postId));
        expect(heldSeen, who).toEqual(await seenBy(client, removedByStaff.postId));
        // A readable thread whose head says nothing of who wrote it or what it said, with its replies kept.
        const thread = (await client.get(`/api/posts/${held.postId}`)).json();
        expect(thread.post, who).toMatchObject({
          status: 'unavailable',
          author: null,
          body: null,
          mood: null,
          contentWarning: null,
          contentWarningTopics: [],
          edited: false,
          heldReason: null,
          replyCount: 1,
          needsReply: false,
          reactions: { mine: [], counts: null, reactors: null },
        });
        expect(thread.replies.map((reply: { id: string; body: string }) => [reply.id, reply.body]), who).toEqual([[held.replyId, 'Long evenings are hard. I am here too.']]);
        const text = JSON.stringify(thread);
        for (const secret of [poster.user.handle, poster.user.id, 'Tonight', 'Winter evenings', 'pills']) expect(text, who).not.toContain(secret);
        expect(heldSeen.thread.statusCode, who).toBe(200);
        expect(heldSeen.reply, who).toMatchObject({ statusCode: 422, body: { error: { code: 'post_removed' } } });
        expect(heldSeen.react, who).toMatchObject({ statusCode: 422, body: { error: { code: 'post_removed' } } });

        // Listed nowhere, held or removed; the mute list names neither.
        for (const path of ['/api/feed', '/api/feed?sort=active', '/api/feed/needs-reply', `/api/groups/${slug}/feed`, `/api/members/${poster.user.handle}/posts`]) {
          const listed = (await client.get(path)).json().posts.map((post: { id: string }) => post.id);
          for (const { postId } of written) expect(listed, `${who} ${path}`).not.toContain(postId);
        }
        expect((await client.get('/api/search?q=winter')).json().results, who).toEqual([]);
      }
      const mutes = (await reader.client.get('/api/me/mutes')).json().mutes as { targetId: string; label: string }[];
      expect(mutes.filter((mute) => written.some(({ postId }) => postId === mute.targetId)).map((mute) => mute.label)).toEqual(Array(3).fill('Post no longer available'));

      // Its author and staff see the held post as it is.
      for (const client of [poster.client, staff.client]) {
        const thread = (await client.get(`/api/posts/${held.postId}`)).json();
        expect(thread.post).toMatchObject({ status: 'held', title: 'Tonight', body: HELD_TEXT, mood: 'low' });
        expect(thread.post.author).not.toBeNull();
      }
      const readerBefore = await outcome(reader.client.get(`/api/posts/${held.postId}`));
      // Its author can still write under it (a person in crisis is never made to stop): the reply is kept with
      // the post, seen by them and staff only, and moves nothing others see.
      const added = await poster.client.post(`/api/posts/${held.postId}/replies`, { body: 'Adding to it.' });
      expect(added.statusCode).toBe(201);
      expect(added.json().reply).toMatchObject({ status: 'held', body: 'Adding to it.' });
      const underIt = await poster.client.post(`/api/posts/${held.postId}/replies`, { body: 'And one more thing.', parentId: added.json().reply.id });
      expect(underIt.statusCode).toBe(201);
      for (const client of [poster.client, staff.client]) {
        const bodies = (await client.get(`/api/posts/${held.postId}`)).json().replies.map((reply: { body: string }) => reply.body);
        expect(bodies).toEqual(expect.arrayContaining(['Adding to it.', 'And one more thing.']));
      }
      // Staff are told it is held when they try to add to it (the safety team reaches its author another way).
      const refused = await staff.client.post(`/api/posts/${held.postId}/replies`, { body: 'Adding to it.' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'post_held' });
      expect((await staff.client.request('PUT', `/api/posts/${held.postId}/reactions/hug`)).json().error).toMatchObject({ code: 'post_held' });
      expect((await poster.client.request('PUT', `/api/posts/${held.postId}/reactions/hug`)).statusCode).toBe(422);
      // Nothing its author wrote under it, nor the refusals, changed what others see.
      expect(await outcome(reader.client.get(`/api/posts/${held.postId}`))).toEqual(readerBefore);
    });
  }

  it('a post held from the start is listed nowhere, and by its link reads like a removed post', async () => {
    const slug = 'loneliness';
    const poster = await memberIn(slug);
    const reader = await memberIn(slug);
    const held = await writePost(poster.client, slug, { title: 'Right now', body: HELD_TEXT });
    expect(held.post).toMatchObject({ status: 'held' });
    const removed = await writePost(poster.client, slug, { title: 'Right now', body: 'An ordinary evening.' });
    expect((await poster.client.delete(`/api/posts/${removed.post.id}`)).statusCode).toBe(200);

    expect(await seenBy(reader.client, held.post.id)).toEqual(await seenBy(reader.client, removed.post.id));
    for (const path of ['/api/feed', '/api/feed/needs-reply', `/api/groups/${slug}/feed`, `/api/members/${poster.user.handle}/posts`]) {
      const listed = (await reader.client.get(path)).json().posts.map((post: { id: string }) => post.id);
      expect(listed, path).not.toContain(held.post.id);
    }
    expect((await reader.client.get('/api/search?q=pills')).json().results).toEqual([]);
    expect((await reader.client.get('/api/search?q=right')).json().results).toEqual([]);
    // Its author still finds it among their own posts, held.
    expect((await poster.client.get('/api/feed/mine')).json().posts).toEqual(expect.arrayContaining([expect.objectContaining({ id: held.post.id, status: 'held' })]));
  });
});
