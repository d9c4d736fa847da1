import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { updateUser } from '../accounts/queries.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

async function member(role?: 'admin' | 'moderator' | 'professional') {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp();
  if (role) await updateUser(hearth.deps.db, user.id, { role });
  return { client, user: user as { id: string; handle: string } };
}

describe('the member profile', () => {
  it('shows handle, badge, pronouns, bio and joined month to other members; signed-out visitors get 401', async () => {
    const author = await member('professional');
    expect((await author.client.patch('/api/me', { pronouns: 'she/her', bio: 'Counsellor. Here on Tuesdays.' })).statusCode).toBe(200);
    const reader = await member();
    const response = await reader.client.get(`/api/members/${author.user.handle.toUpperCase()}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().profile).toEqual({
      handle: author.user.handle,
      role: 'professional',
      pronouns: 'she/her',
      bio: 'Counsellor. Here on Tuesdays.',
      joinedMonth: new Date().toISOString().slice(0, 7),
      isYou: false,
    });
    expect((await reader.client.get('/api/members/nobody_here_at_all')).statusCode).toBe(404);
    for (const bad of ['%00', 'a%00b', 'bad%20handle', 'x'.repeat(65)]) {
      const refused = await reader.client.get(`/api/members/${bad}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.field, bad).toBe('handle');
    }
    expect((await new TestClient(hearth.app).get(`/api/members/${author.user.handle}`)).statusCode).toBe(401);
    // A plain member carries no badge.
    expect((await author.client.get(`/api/members/${reader.user.handle}`)).json().profile.role).toBeNull();
  });

  it('lists posts under the handle, never anonymous ones; an anonymous post changes nothing on the profile', async () => {
    const author = await member();
    await join(author.client, 'loneliness');
    const named = await writePost(author.client, 'loneliness', { title: 'Sunday evenings', body: 'Sunday evenings are the quietest.' });
    const reader = await member();
    const profileBefore = (await reader.client.get(`/api/members/${author.user.handle}`)).body;
    const postsBefore = (await reader.client.get(`/api/members/${author.user.handle}/posts`)).json();
    expect(postsBefore.available).toBe(true);
    expect(postsBefore.posts.map((p: { id: string }) => p.id)).toEqual([named.post.id]);

    const anonymous = await writePost(author.client, 'loneliness', { title: 'Something I cannot say as me', body: 'This one is hard to say.', anonymous: true });
    const profileAfter = await reader.client.get(`/api/members/${author.user.handle}`);
    const postsAfter = await reader.client.get(`/api/members/${author.user.handle}/posts`);
    expect(profileAfter.body).toBe(profileBefore);
    expect(postsAfter.json()).toEqual(postsBefore);
    expect(postsAfter.body).not.toContain(anonymous.post.id);
    // The author sees the same page: their profile is what others see.
    expect((await author.client.get(`/api/members/${author.user.handle}/posts`)).body).not.toContain(anonymous.post.id);
  });

  it('pages the posts newest first with no repeat and no gap', async () => {
    const author = await member();
    await join(author.client, 'students');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await writePost(author.client, 'students', { title: `Exam week ${i}`, body: 'Revision again.' })).post.id);
    const reader = await member();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/members/${author.user.handle}/posts?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await reader.client.get(url)).json() as { posts: { id: string }[]; nextCursor: string | null };
      seen.push(...page.posts.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    for (const t of ['0000-01-01T00:00:00Z', '2026-01-01T00:00:00+16:00', '9999-12-31T23:59:59.999Z']) {
      const cursor = Buffer.from(JSON.stringify({ t, id: ids[0] })).toString('base64url');
      const odd = await reader.client.get(`/api/members/${author.user.handle}/posts?cursor=${cursor}`);
      expect(odd.statusCode, t).toBeLessThan(500);
    }
  });

  it('a block hides posts under the handle both ways, and only the member who blocked is told', async () => {
    const author = await member();
    await join(author.client, 'anxiety');
    await writePost(author.client, 'anxiety', { title: 'Trains', body: 'Crowded trains are hard.' });
    const blocker = await member();
    const blocked = await member();
    expect((await blocker.client.post('/api/me/blocks', { handle: author.user.handle })).statusCode).toBe(200);
    expect((await author.client.post('/api/me/blocks', { handle: blocked.user.handle })).statusCode).toBe(200);
    // The member who blocked is told why the list is empty.
    expect((await blocker.client.get(`/api/members/${author.user.handle}/posts`)).json()).toEqual({ available: false, posts: [], nextCursor: null });
    // The member who was blocked sees exactly what a member with no posts under their handle shows.
    const quiet = await member();
    const asBlocked = await blocked.client.get(`/api/members/${author.user.handle}/posts`);
    expect(asBlocked.statusCode).toBe(200);
    expect(asBlocked.json()).toEqual({ available: true, posts: [], nextCursor: null });
    expect((await blocked.client.get(`/api/members/${quiet.user.handle}/posts`)).json()).toEqual(asBlocked.json());
    // Staff are not affected by blocks.
    const moderator = await member('moderator');
    await moderator.client.post('/api/me/blocks', { handle: author.user.handle });
    expect((await moderator.client.get(`/api/members/${author.user.handle}/posts`)).json().posts).toHaveLength(1);
  });

  it('shows posts in a private group only to those who can read it', async () => {
    const admin = await member('admin');
    expect(
      (
        await admin.client.post('/api/groups', {
          slug: 'quiet-room',
          name: 'Quiet room',
          description: 'A closed group for quiet people.',
          rules: 'What is said here stays here.',
          visibility: 'private',
        })
      ).statusCode,
    ).toBe(201);
    const author = await member();
    await join(author.client, 'quiet-room');
    await admin.client.post(`/api/groups/quiet-room/requests/${author.user.id}`, { decision: 'approve' });
    const secret = await writePost(author.client, 'quiet-room', { title: 'Only for this room', body: 'Said in the quiet room.' });

    const outsider = await member();
    expect((await outsider.client.get(`/api/members/${author.user.handle}/posts`)).body).not.toContain(secret.post.id);
    const insider = await member();
    await join(insider.client, 'quiet-room');
    await admin.client.post(`/api/groups/quiet-room/requests/${insider.user.id}`, { decision: 'approve' });
    expect((await insider.client.get(`/api/members/${author.user.handle}/posts`)).body).toContain(secret.post.id);
  });
});
