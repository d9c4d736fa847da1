import { updateUser } from '../modules/accounts/queries.js';
import type { TestApp } from './test-app.js';
import { TestClient } from './test-client.js';

/** Method details in the present tense: the assessor holds this from other members (Samaritans guidelines). */
export const HELD_TEXT = 'i already took the whole bottle of pills, its happening now';

/** A new account, given a staff role when asked (no group joined). */
export async function account(hearth: TestApp, role?: 'moderator' | 'admin') {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp();
  if (role) await updateUser(hearth.deps.db, user.id, { role });
  return { client, user };
}

/** A new member (or moderator) who has joined the group `slug`. */
export async function memberIn(hearth: TestApp, slug: string, role?: 'moderator') {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp();
  if (role) await updateUser(hearth.deps.db, user.id, { role });
  await join(client, slug);
  return { client, user };
}

/** Steps members take, for tests that need a group, a post or a reply. */
export async function join(client: TestClient, slug: string) {
  const response = await client.post(`/api/groups/${slug}/join`, { acceptRules: true });
  if (response.statusCode !== 200) throw new Error(`join failed: ${response.statusCode} ${response.body}`);
  return response.json().group as { id: string; membership: { status: string } | null };
}

export async function writePost(client: TestClient, slug: string, body: Record<string, unknown> = {}) {
  const response = await client.post(`/api/groups/${slug}/posts`, { title: 'A hard week', body: 'Work has been a lot this week.', ...body });
  if (response.statusCode !== 201) throw new Error(`post failed: ${response.statusCode} ${response.body}`);
  return response.json() as { post: { id: string; author: Record<string, unknown> }; replies: unknown[] };
}

export async function writeReply(client: TestClient, postId: string, body: Record<string, unknown> = {}) {
  const response = await client.post(`/api/posts/${postId}/replies`, { body: 'I hear you. That sounds so tiring.', ...body });
  if (response.statusCode !== 201) throw new Error(`reply failed: ${response.statusCode} ${response.body}`);
  return response.json().reply as { id: string; author: Record<string, unknown>; depth: number };
}
