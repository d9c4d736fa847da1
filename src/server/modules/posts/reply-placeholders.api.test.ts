import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts as postsTable } from '../../db/schema/index.js';
import { HELD_TEXT, memberIn as memberInGroup, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { repairThreadCounters } from './queries.js';

/**
 * A reply that is no longer readable (removed, or edited into words held for
 * crisis review) stays in its thread as a placeholder while replies are shown
 * under it. To other members a held placeholder must be indistinguishable from a
 * removed one (listing, counters, replying under it), or everyone learns that
 * its author wrote something held for crisis review (issue 10 review, finding 3);
 * and "shown under it" is recursive (finding 12).
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const memberIn = (slug: string, role?: 'moderator') => memberInGroup(hearth, slug, role);

interface ShownReply {
  id: string;
  parentId: string | null;
  status: string;
  body: string | null;
  author: unknown;
  createdAt: string;
}
interface ShownThread {
  post: { replyCount: number; needsReply: boolean };
  replies: ShownReply[];
}
const threadOf = async (reader: TestClient, postId: string) => (await reader.get(`/api/posts/${postId}`)).json() as ShownThread;

/** The crash case: the counters are wrong and the repair at start recomputes them. */
async function breakAndRepair(postId: string) {
  await hearth.deps.db.update(postsTable).set({ replyCount: 7, answeredAt: new Date(), lastActivityAt: new Date() }).where(eq(postsTable.id, postId));
  await repairThreadCounters(hearth.deps.db, new Date(Date.now() - 60_000));
}

/** A reply as the reader sees it, without what differs between any two replies (id, time). */
function placeholderShape(reply: ShownReply | undefined) {
  if (!reply) return undefined;
  const { id: _id, parentId: _parentId, createdAt: _createdAt, ...shape } = reply;
  return shape;
}

async function replyUnder(client: TestClient, postId: string, parentId: string) {
  const response = await client.post(`/api/posts/${postId}/replies`, { body: 'Answering this one.', parentId });
  return { statusCode: response.statusCode, error: response.json().error as unknown };
}

describe('reply placeholders', () => {
  it('a held reply with replies under it looks to others exactly like a removed one, and is refused alike', async () => {
    const slug = 'anxiety';
    const poster = await memberIn(slug);
    const writer = await memberIn(slug);
    const answerer = await memberIn(slug);
    const reader = await memberIn(slug);
    const staff = await memberIn(slug, 'moderator');
    const { post } = await writePost(poster.client, slug, { title: 'Two replies that change' });
    // Two replies written the same way, each answered by someone else.
    const toHold = await writeReply(writer.client, post.id, { body: 'Here is what helped me.', anonymous: true });
    const toRemove = await writeReply(writer.client, post.id, { body: 'Here is what helped me too.', anonymous: true });
    const heldAnswer = await writeReply(answerer.client, post.id, { body: 'That helps, thank you.', parentId: toHold.id });
    const removedAnswer = await writeReply(answerer.client, post.id, { body: 'Thank you for that.', parentId: toRemove.id });
    // And two leaves: one edited into held words, one removed.
    const heldLeaf = await writeReply(writer.client, post.id, { body: 'One more thought.' });
    const removedLeaf = await writeReply(writer.client, post.id, { body: 'And another.' });

    expect((await writer.client.patch(`/api/replies/${toHold.id}`, { body: HELD_TEXT })).statusCode).toBe(200);
    expect((await writer.client.patch(`/api/replies/${heldLeaf.id}`, { body: HELD_TEXT })).statusCode).toBe(200);
    expect((await writer.client.delete(`/api/replies/${toRemove.id}`)).statusCode).toBe(200);
    expect((await writer.client.delete(`/api/replies/${removedLeaf.id}`)).statusCode).toBe(200);

    const check = async (when: string) => {
      const thread = await threadOf(reader.client, post.id);
      const byId = new Map(thread.replies.map((reply) => [reply.id, reply]));
      // Reading order: each reply with its answers under it.
      expect(thread.replies.map((reply) => reply.id), when).toEqual([toHold.id, heldAnswer.id, toRemove.id, removedAnswer.id]);
      expect(byId.get(heldAnswer.id)?.parentId, when).toBe(toHold.id);
      // Same placeholder: no body, no author, nothing that says which is which.
      expect(placeholderShape(byId.get(toHold.id)), when).toEqual(placeholderShape(byId.get(toRemove.id)));
      expect(byId.get(toHold.id), when).toMatchObject({ body: null, author: null });
      expect(JSON.stringify(thread), when).not.toContain(writer.user.handle);
      expect(thread.post, when).toMatchObject({ replyCount: 4, needsReply: false });
    };
    await check('after the changes');
    await breakAndRepair(post.id);
    await check('after a repair');

    // Replying under them: the same refusal under both placeholders, and under both leaves.
    const underHeld = await replyUnder(reader.client, post.id, toHold.id);
    expect(underHeld).toMatchObject({ statusCode: 422, error: { code: 'parent_removed', field: 'parentId' } });
    expect(underHeld).toEqual(await replyUnder(reader.client, post.id, toRemove.id));
    const underHeldLeaf = await replyUnder(reader.client, post.id, heldLeaf.id);
    expect(underHeldLeaf.statusCode).toBe(404);
    expect(underHeldLeaf).toEqual(await replyUnder(reader.client, post.id, removedLeaf.id));
    expect((await threadOf(reader.client, post.id)).post.replyCount).toBe(4);

    // Its author and staff still see the held reply as held, and are told so when replying under it.
    for (const client of [writer.client, staff.client]) {
      const held = (await threadOf(client, post.id)).replies.find((reply) => reply.id === toHold.id);
      expect(held).toMatchObject({ status: 'held', body: HELD_TEXT });
      expect((await replyUnder(client, post.id, toHold.id)).error).toMatchObject({ code: 'parent_held' });
    }
  });

  it('a removed or held reply stays only while a reply somewhere below it is shown', async () => {
    const slug = 'loneliness';
    const poster = await memberIn(slug);
    const first = await memberIn(slug);
    const second = await memberIn(slug);
    const third = await memberIn(slug);
    const reader = await memberIn(slug);
    const { post } = await writePost(poster.client, slug, { title: 'Chains of replies' });
    // Two chains top > middle > bottom: both tops removed; one middle removed, the other edited into held words.
    const chain = async () => {
      const top = await writeReply(first.client, post.id, { body: 'You are not alone in this.' });
      const middle = await writeReply(second.client, post.id, { body: 'Agreed, we are here.', parentId: top.id });
      const bottom = await writeReply(third.client, post.id, { body: 'Me too, every evening.', parentId: middle.id });
      await first.client.delete(`/api/replies/${top.id}`);
      return { top, middle, bottom };
    };
    const removedChain = await chain();
    await second.client.delete(`/api/replies/${removedChain.middle.id}`);
    const heldChain = await chain();
    await second.client.patch(`/api/replies/${heldChain.middle.id}`, { body: HELD_TEXT });

    const whileShown = await threadOf(reader.client, post.id);
    expect(whileShown.replies.map((reply) => [reply.id, reply.status])).toEqual(
      [removedChain, heldChain].flatMap(({ top, middle, bottom }) => [
        [top.id, 'unavailable'],
        [middle.id, 'unavailable'],
        [bottom.id, 'visible'],
      ]),
    );
    expect(whileShown.post).toMatchObject({ replyCount: 6, needsReply: false });

    // The last shown reply of each chain goes: the whole chain leaves no trace.
    await third.client.delete(`/api/replies/${removedChain.bottom.id}`);
    await third.client.delete(`/api/replies/${heldChain.bottom.id}`);
    const gone = async (when: string) => {
      expect(await threadOf(reader.client, post.id), when).toMatchObject({ post: { replyCount: 0, needsReply: true }, replies: [] });
      for (const { top, middle } of [removedChain, heldChain]) {
        for (const id of [top.id, middle.id]) expect((await replyUnder(reader.client, post.id, id)).statusCode, when).toBe(404);
      }
    };
    await gone('after the last shown replies are removed');
    await breakAndRepair(post.id);
    await gone('after a repair');
  });
});
