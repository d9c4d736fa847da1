import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyAlerts } from '../../db/schema/index.js';
import { memberIn as memberInGroup, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

/**
 * The automatic content warning and the automatic reply are public: other
 * members see them. They follow the words alone, so they never carry a signal
 * from the writer's private history (on an anonymous post, that would narrow
 * down who wrote it). The history still raises the level staff see.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'depression';
const HOPELESS = { title: 'Hopeless', body: 'I feel hopeless, nothing will ever change and I am a burden to everyone.', anonymous: true };
const memberIn = () => memberInGroup(hearth, SLUG);

async function publicShape(client: TestClient, postId: string) {
  const response = await client.get(`/api/posts/${postId}`);
  expect(response.statusCode).toBe(200);
  const thread = response.json() as { post: { contentWarning: unknown; contentWarningTopics: unknown }; replies: { automatic?: boolean }[] };
  return { warning: thread.post.contentWarning, topics: thread.post.contentWarningTopics, automaticReply: thread.replies.some((reply) => reply.automatic === true) };
}

describe('public signals on anonymous posts', () => {
  it('the same anonymous words get the same warning and automatic reply whoever wrote them, while staff still see the history-raised level', async () => {
    const x = await memberIn();
    const y = await memberIn();
    const reader = await memberIn();
    // X's earlier writing this week: low, then elevated; the same words from X are then raised by the rising pattern.
    await writePost(x.client, SLUG);
    await writePost(x.client, SLUG, HOPELESS);
    const fromX = (await writePost(x.client, SLUG, HOPELESS)).post.id;
    const fromY = (await writePost(y.client, SLUG, HOPELESS)).post.id;
    const seenX = await publicShape(reader.client, fromX);
    expect(seenX).toEqual(await publicShape(reader.client, fromY));
    expect(seenX).toEqual({ warning: null, topics: [], automaticReply: false });
    // The history still counts for the team: X's post raised an alert, Y's words alone did not.
    const alerted = (await hearth.deps.db.select({ contentId: safetyAlerts.contentId }).from(safetyAlerts)).map((alert) => alert.contentId);
    expect(alerted).toContain(fromX);
    expect(alerted).not.toContain(fromY);
  });

  it('a post edited into words assessed high gets the warning, even when the writer’s history had already raised it to high', async () => {
    const x = await memberIn();
    const reader = await memberIn();
    await writePost(x.client, SLUG);
    await writePost(x.client, SLUG, HOPELESS);
    const postId = (await writePost(x.client, SLUG, HOPELESS)).post.id;
    expect((await publicShape(reader.client, postId)).warning).toBeNull();
    const edited = await x.client.patch(`/api/posts/${postId}`, { body: 'I want to kill myself. I think about it every day now.' });
    expect(edited.statusCode).toBe(200);
    expect(await publicShape(reader.client, postId)).toMatchObject({ warning: 'Suicide and self-harm', topics: ['suicide', 'self-harm'] });
  });
});
