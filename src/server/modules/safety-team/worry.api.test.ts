import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { liveEvents, safetyReviewItems, users } from '../../db/schema/index.js';
import { userChannel } from '../../live/hub.js';
import { HELD_TEXT, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { WORRY_DAILY_LIMIT } from './worry-service.js';

let hearth: TestApp;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const worry = (client: TestClient, body: Record<string, unknown>) => client.post('/api/safety/worries', body);
const worryItems = (contentId: string) =>
  hearth.deps.db.select().from(safetyReviewItems).where(and(eq(safetyReviewItems.kind, 'worry'), eq(safetyReviewItems.contentId, contentId)));

describe('"I\'m worried about this person"', () => {
  it('raises a review item with the reporter’s words, answered kindly with a link to help; staff see the reporter’s history', async () => {
    const writer = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const { post } = await writePost(writer.client, 'depression', { title: 'Tired', body: 'Everything feels grey lately.' });
    const response = await worry(reporter.client, { contentType: 'post', contentId: post.id, words: 'They have gone quiet and this sounds different.' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'raised', helpPath: '/help' });
    expect(response.json().message).toMatch(/won’t know who asked/);

    const list = (await moderator.client.get('/api/safety/review')).json();
    const item = list.open.find((entry: { kind: string; content: { id: string } }) => entry.kind === 'worry' && entry.content.id === post.id);
    expect(item).toMatchObject({
      worry: { words: 'They have gone quiet and this sounds different.', reporterHandle: reporter.user.handle, history: { last30Days: 1, markedFine: 0 } },
      content: { authorHandle: writer.user.handle },
    });
    // A report marked fine counts in the reporter's history.
    expect((await moderator.client.post(`/api/safety/review/${item.id}`, { decision: 'fine' })).statusCode).toBe(200);
    const { post: other } = await writePost(writer.client, 'depression', { title: 'Again', body: 'Another grey day.' });
    await worry(reporter.client, { contentType: 'post', contentId: other.id });
    const next = (await moderator.client.get('/api/safety/review')).json();
    const second = next.open.find((entry: { content: { id: string } }) => entry.content.id === other.id);
    expect(second.worry).toMatchObject({ words: null, history: { last30Days: 2, markedFine: 1 } });
  });

  it('works on replies too', async () => {
    const writer = await memberIn(hearth, 'depression');
    const replier = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression');
    const reply = await writeReply(replier.client, post.id, { body: 'Same here, honestly I am not sure I can keep going.' });
    const response = await worry(reporter.client, { contentType: 'reply', contentId: reply.id });
    expect(response.json().status).toBe('raised');
    expect((await worryItems(reply.id))[0]).toMatchObject({ subjectId: replier.user.id, reporterId: reporter.user.id, contentType: 'reply' });
  });

  it('once per reporter per post per day: asking again answers "already raised" and stores nothing; the next day counts again', async () => {
    const writer = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression');
    expect((await worry(reporter.client, { contentType: 'post', contentId: post.id })).json().status).toBe('raised');
    const again = await worry(reporter.client, { contentType: 'post', contentId: post.id, words: 'again' });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('already_raised');
    expect(await worryItems(post.id)).toHaveLength(1);
    clock.advance(24 * 3_600_000);
    expect((await worry(reporter.client, { contentType: 'post', contentId: post.id })).json().status).toBe('raised');
    expect(await worryItems(post.id)).toHaveLength(2);
  });

  it(`at most ${WORRY_DAILY_LIMIT} reports per reporter in 24 hours, refused kindly with 429`, async () => {
    // Two writers: more than 10 posts from one member in 10 minutes are held by automod's default rate rule.
    const writers = [await memberIn(hearth, 'depression'), await memberIn(hearth, 'depression')];
    const reporter = await memberIn(hearth, 'depression');
    const postIds: string[] = [];
    for (let i = 0; i <= WORRY_DAILY_LIMIT; i += 1) postIds.push((await writePost(writers[i % 2]!.client, 'depression', { title: `Post ${i}` })).post.id);
    for (const postId of postIds.slice(0, WORRY_DAILY_LIMIT)) {
      expect((await worry(reporter.client, { contentType: 'post', contentId: postId })).json().status).toBe('raised');
    }
    const refused = await worry(reporter.client, { contentType: 'post', contentId: postIds[WORRY_DAILY_LIMIT]! });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'worry_limit' });
    expect(refused.json().error.message).toMatch(/Thank you for caring/);
    // Asking again about one already raised today is still answered calmly.
    expect((await worry(reporter.client, { contentType: 'post', contentId: postIds[0]! })).json().status).toBe('already_raised');
    clock.advance(24 * 3_600_000 + 1);
    expect((await worry(reporter.client, { contentType: 'post', contentId: postIds[WORRY_DAILY_LIMIT]! })).json().status).toBe('raised');
  });

  it('not on your own words: pointed to help instead', async () => {
    const writer = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression', { anonymous: true });
    const response = await worry(writer.client, { contentType: 'post', contentId: post.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('own_content');
    expect(response.json().error.message).toMatch(/Get help now/);
    expect(await worryItems(post.id)).toEqual([]);
  });

  it('404 for what the reporter cannot read: unknown, or held (answered exactly as removed)', async () => {
    const writer = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const held = (await writePost(writer.client, 'depression', { title: 'Now', body: HELD_TEXT })).post.id;
    const removed = (await writePost(writer.client, 'depression')).post.id;
    expect((await writer.client.delete(`/api/posts/${removed}`)).statusCode).toBe(200);
    const heldAnswer = await worry(reporter.client, { contentType: 'post', contentId: held });
    const removedAnswer = await worry(reporter.client, { contentType: 'post', contentId: removed });
    expect(heldAnswer.statusCode).toBe(404);
    expect(heldAnswer.body).toBe(removedAnswer.body);
    expect((await worry(reporter.client, { contentType: 'reply', contentId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await worry(new TestClient(hearth.app), { contentType: 'post', contentId: held })).statusCode).toBe(401);
  });

  it('the author is never told: everything they can read is byte for byte the same, and no event reaches them', async () => {
    const writer = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression', { title: 'Quiet', body: 'Not much to say today.' });
    const reply = await writeReply(writer.client, post.id, { body: 'Adding a little more.' });
    const views = ['/api/me', `/api/posts/${post.id}`, '/api/feed', '/api/feed/mine', '/api/feed/needs-reply', '/api/groups/depression/feed', '/api/groups/depression', `/api/members/${writer.user.handle}`, `/api/members/${writer.user.handle}/posts`];
    const read = async () =>
      Promise.all(
        views.map(async (url) => {
          const response = await writer.client.get(url);
          return `${url} ${response.statusCode} ${response.body}`;
        }),
      );
    const eventsForWriter = async () => (await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.channel, userChannel(writer.user.id)))).length;
    const before = await read();
    const eventsBefore = await eventsForWriter();
    expect((await worry(reporter.client, { contentType: 'post', contentId: post.id, words: 'worried' })).json().status).toBe('raised');
    expect((await worry(reporter.client, { contentType: 'reply', contentId: reply.id })).json().status).toBe('raised');
    expect(await read()).toEqual(before);
    expect(await eventsForWriter()).toBe(eventsBefore);
    // Nor does anyone else's view change: the reporter's own thread reads the same.
    expect((await reporter.client.get(`/api/posts/${post.id}`)).body).not.toContain('worr');
  });

  it('an automatic reply from the Hearth Safety account is no person to worry about', async () => {
    const writer = await memberIn(hearth, 'depression');
    const system = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression');
    const reply = await writeReply(system.client, post.id);
    await hearth.deps.db.update(users).set({ isSystem: true }).where(eq(users.id, system.user.id));
    const response = await worry(reporter.client, { contentType: 'reply', contentId: reply.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('automatic_message');
    expect(await worryItems(reply.id)).toEqual([]);
  });

  it('refuses words over 1000 characters, naming the field', async () => {
    const writer = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression');
    const response = await worry(reporter.client, { contentType: 'post', contentId: post.id, words: 'a'.repeat(1001) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('words');
  });

  it('a moderator who raised a worry cannot decide it themselves (403 own_report, so no outreach alone on it); a colleague decides it', async () => {
    const writer = await memberIn(hearth, 'depression');
    const moderator = await memberIn(hearth, 'depression', 'moderator');
    const colleague = await memberIn(hearth, 'depression', 'moderator');
    const { post } = await writePost(writer.client, 'depression', { title: 'Quiet', body: 'Not much to say today.' });
    expect((await worry(moderator.client, { contentType: 'post', contentId: post.id })).json().status).toBe('raised');
    const [item] = await worryItems(post.id);
    for (const decision of ['needs_outreach', 'raise_to_alert', 'fine']) {
      const refused = await moderator.client.post(`/api/safety/review/${item!.id}`, { decision });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('own_report');
    }
    const decided = await colleague.client.post(`/api/safety/review/${item!.id}`, { decision: 'needs_outreach' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().item).toMatchObject({ decision: 'needs_outreach', reviewedByHandle: colleague.user.handle });
  });
});
