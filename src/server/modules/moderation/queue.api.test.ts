import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_AUTHOR_NOTE } from '../../../shared/api/moderation-queue.js';
import { ManualClock } from '../../clock.js';
import { moderationItems } from '../../db/schema/index.js';
import { account, join, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { resolveQueueItem } from './queue-items.js';
import { recordModerationAction } from './record-action.js';
import { makeGroupModerator, report } from './moderation-test-support.js';

/**
 * The moderators' queue (issue 13 item 2): who sees what, the order, and an
 * item in full with the member's history (never for anonymous content).
 */
let hearth: TestApp;
const clock = new ManualClock(new Date('2026-05-01T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const itemIdOf = async (targetId: string) => (await hearth.deps.db.select({ id: moderationItems.id }).from(moderationItems).where(eq(moderationItems.targetId, targetId)))[0]!.id;
type Listed = { id: string; target: { id: string }; severity: number; createdAt: string };
const queueOf = async (client: { get(url: string): Promise<{ json(): { items: Listed[] } }> }, query = '') => (await client.get(`/api/moderation/queue${query}`)).json().items;

describe('who sees the queue', () => {
  it('a member who moderates nothing: scope says so, and the queue and items are 403', async () => {
    const member = await memberIn(hearth, 'anxiety');
    expect((await member.client.get('/api/moderation/scope')).json()).toEqual({ moderates: false, global: false, groups: [] });
    const queue = await member.client.get('/api/moderation/queue');
    expect(queue.statusCode).toBe(403);
    expect(queue.json().error.message).toMatch(/for moderators/);
    expect((await member.client.get('/api/moderation/items/00000000-0000-4000-8000-000000000000')).statusCode).toBe(403);
  });

  it('a group moderator sees their groups’ items only, and 404 on another group’s item or a site-wide one, as for a missing one', async () => {
    const groupMod = await memberIn(hearth, 'grief-and-loss');
    await makeGroupModerator(hearth, groupMod.user.id, 'grief-and-loss');
    const writer = await memberIn(hearth, 'grief-and-loss');
    await join(writer.client, 'students');
    const reporter = await memberIn(hearth, 'grief-and-loss');
    await join(reporter.client, 'students');
    const { post: mine } = await writePost(writer.client, 'grief-and-loss', { title: 'Missing my dad' });
    const { post: theirs } = await writePost(writer.client, 'students', { title: 'Exams' });
    await report(reporter.client, { targetType: 'post', targetId: mine.id, reason: 'spam' });
    await report(reporter.client, { targetType: 'post', targetId: theirs.id, reason: 'spam' });
    await report(reporter.client, { targetType: 'member', targetId: writer.user.id, reason: 'spam' });

    expect((await groupMod.client.get('/api/moderation/scope')).json()).toEqual({ moderates: true, global: false, groups: [{ slug: 'grief-and-loss', name: 'Grief and loss' }] });
    const seen = (await queueOf(groupMod.client)).map((item) => item.target.id);
    expect(seen).toContain(mine.id);
    expect(seen).not.toContain(theirs.id);
    expect(seen).not.toContain(writer.user.id);
    const other = await groupMod.client.get(`/api/moderation/items/${await itemIdOf(theirs.id)}`);
    const siteWide = await groupMod.client.get(`/api/moderation/items/${await itemIdOf(writer.user.id)}`);
    const missing = await groupMod.client.get('/api/moderation/items/00000000-0000-4000-8000-000000000000');
    expect([other.statusCode, siteWide.statusCode, missing.statusCode]).toEqual([404, 404, 404]);
    expect(new Set([other.body, siteWide.body, missing.body]).size).toBe(1);
    expect((await groupMod.client.get('/api/moderation/queue?group=students')).statusCode).toBe(404);
    expect((await queueOf(groupMod.client, '?group=grief-and-loss')).map((item) => item.target.id)).toContain(mine.id);

    const global = await account(hearth, 'moderator');
    expect((await global.client.get('/api/moderation/scope')).json()).toMatchObject({ moderates: true, global: true });
    const all = (await queueOf(global.client)).map((item) => item.target.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id, writer.user.id]));
    const admin = await account(hearth, 'admin');
    expect((await admin.client.get(`/api/moderation/items/${await itemIdOf(theirs.id)}`)).statusCode).toBe(200);
  });
});

describe('order', () => {
  it('worst severity first, then oldest; the list shows reasons with labels and counts, the excerpt and the group', async () => {
    const groupMod = await memberIn(hearth, 'trauma-and-ptsd');
    await makeGroupModerator(hearth, groupMod.user.id, 'trauma-and-ptsd');
    const writer = await memberIn(hearth, 'trauma-and-ptsd');
    const reporters = [await memberIn(hearth, 'trauma-and-ptsd'), await memberIn(hearth, 'trauma-and-ptsd')];
    const posts: string[] = [];
    // Each its own words: the same words twice would also be flagged by automod's duplicate rule.
    for (const title of ['Old spam', 'New hate', 'Old hate', 'Newest spam']) posts.push((await writePost(writer.client, 'trauma-and-ptsd', { title, body: `About ${title}.` })).post.id);
    await report(reporters[0]!.client, { targetType: 'post', targetId: posts[0], reason: 'spam' });
    clock.advance(60_000);
    await report(reporters[0]!.client, { targetType: 'post', targetId: posts[2], reason: 'hate' });
    clock.advance(60_000);
    await report(reporters[0]!.client, { targetType: 'post', targetId: posts[1], reason: 'hate' });
    await report(reporters[1]!.client, { targetType: 'post', targetId: posts[1], reason: 'hate' });
    clock.advance(60_000);
    await report(reporters[0]!.client, { targetType: 'post', targetId: posts[3], reason: 'spam' });
    const items = await queueOf(groupMod.client, '?group=trauma-and-ptsd');
    expect(items.map((item) => item.target.id)).toEqual([posts[2], posts[1], posts[0], posts[3]]);
    expect(items[1]).toMatchObject({
      severity: 4,
      severityLabel: 'Attack on a person',
      reasons: [{ reason: 'hate', label: 'Hate', count: 2 }],
      reportCount: 2,
      escalated: false,
      target: { type: 'post', excerpt: expect.stringMatching(/^New hate: /), group: { slug: 'trauma-and-ptsd', name: 'Trauma and PTSD' } },
    });
    expect((await groupMod.client.get('/api/moderation/queue?cursor=nonsense')).json().error.field).toBe('cursor');
    // Well-formed cursors whose day does not exist, or that PostgreSQL cannot take, are a 400 too (not a 500).
    const cursorAt = (t: string) => Buffer.from(JSON.stringify({ s: 1, e: 0, t, id: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    for (const [status, t] of [['open', '2026-02-30T00:00:00.000000Z'], ['open', '0000-01-01T00:00:00.000000Z'], ['resolved', '2026-04-31T00:00:00.000000Z']]) {
      const response = await groupMod.client.get(`/api/moderation/queue?status=${status}&cursor=${cursorAt(t!)}`);
      expect({ status: response.statusCode, field: response.json().error?.field }, t).toEqual({ status: 400, field: 'cursor' });
    }
    expect((await groupMod.client.get('/api/moderation/queue?status=closed')).json().error.field).toBe('status');
  });
});

describe('paging', () => {
  it('keyset pages follow the order (worst first, then oldest) with nothing repeated or skipped', async () => {
    const global = await account(hearth, 'moderator');
    // Several writers: one member writing 30 replies at once would meet automod's rate rule and the posting limit.
    const writers = [];
    for (let i = 0; i < 4; i += 1) writers.push(await memberIn(hearth, 'addiction-recovery'));
    const reporters = [await memberIn(hearth, 'addiction-recovery'), await memberIn(hearth, 'addiction-recovery')];
    const { post } = await writePost(writers[0]!.client, 'addiction-recovery');
    for (let i = 0; i < 30; i += 1) {
      const reply = await writeReply(writers[i % writers.length]!.client, post.id, { body: `Reply ${i}` });
      await report(reporters[i % 2]!.client, { targetType: 'reply', targetId: reply.id, reason: i % 3 === 0 ? 'hate' : 'spam' });
      clock.advance(1000);
    }
    const seen: Listed[] = [];
    let cursor: string | null = null;
    do {
      const page = (await global.client.get(`/api/moderation/queue?group=addiction-recovery${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Listed[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((item) => item.id)).size).toBe(30);
    expect(seen.slice(0, 10).every((item) => item.severity === 4)).toBe(true);
    expect(seen.slice(10).every((item) => item.severity === 1)).toBe(true);
    for (const part of [seen.slice(0, 10), seen.slice(10)]) {
      const times = part.map((item) => item.createdAt);
      expect(times).toEqual([...times].sort());
    }
  });
});

describe('an item in full', () => {
  it('the content as staff see it, each report with its reporter, and the member’s history', async () => {
    const moderator = await account(hearth, 'moderator');
    const writer = await memberIn(hearth, 'caregivers');
    const reporter = await memberIn(hearth, 'caregivers');
    const { post } = await writePost(writer.client, 'caregivers', { title: 'Rant', body: 'Everyone here is useless.' });
    const reply = await writeReply(writer.client, post.id, { body: 'And stupid too.' });
    await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'harassment' });
    await recordModerationAction(hearth.deps.db, {
      kind: 'warn',
      actorId: moderator.user.id,
      targetType: 'member',
      targetId: writer.user.id,
      subjectId: writer.user.id,
      groupId: null,
      reason: 'Please be kind.',
      now: clock.now(),
    });
    await report(reporter.client, { targetType: 'reply', targetId: reply.id, reason: 'harassment', details: 'Name-calling.' });
    const detail = (await moderator.client.get(`/api/moderation/items/${await itemIdOf(reply.id)}`)).json();
    expect(detail.content).toMatchObject({ type: 'reply', body: 'And stupid too.', status: 'visible', link: `/posts/${post.id}?reply=${reply.id}`, anonymous: false, author: { kind: 'member', handle: writer.user.handle } });
    expect(detail.reports).toEqual([expect.objectContaining({ reason: 'harassment', details: 'Name-calling.', reporterHandle: reporter.user.handle, status: 'open' })]);
    expect(detail.history.actions).toEqual([expect.objectContaining({ kind: 'warn', reason: 'Please be kind.' })]);
    expect(detail.history.reportsAgainst).toEqual([expect.objectContaining({ reason: 'harassment', targetType: 'post', status: 'open' })]);
    expect(detail.historyNote).toBeNull();
  });

  it('anonymous content: the author is the thread’s alias, no history, and the note about the logged reveal', async () => {
    const moderator = await account(hearth, 'moderator');
    const writer = await memberIn(hearth, 'lgbtq-support');
    const reporter = await memberIn(hearth, 'lgbtq-support');
    const { post: named } = await writePost(writer.client, 'lgbtq-support', { title: 'Named' });
    await report(reporter.client, { targetType: 'post', targetId: named.id, reason: 'spam' });
    const { post } = await writePost(writer.client, 'lgbtq-support', { title: 'Coming out', body: 'Quietly.', anonymous: true });
    await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'other' });
    const response = await moderator.client.get(`/api/moderation/items/${await itemIdOf(post.id)}`);
    const detail = response.json();
    expect(detail.content.author).toMatchObject({ kind: 'anonymous' });
    expect(detail.history).toBeNull();
    expect(detail.historyNote).toBe(ANONYMOUS_AUTHOR_NOTE);
    expect(response.body).not.toContain(writer.user.handle);
    expect(response.body).not.toContain(writer.user.id);
    // Nor does the named post's history give the anonymous one away.
    const namedDetail = (await moderator.client.get(`/api/moderation/items/${await itemIdOf(named.id)}`)).json();
    expect(namedDetail.history.reportsAgainst).toEqual([]);
  });
});

describe('resolved items', () => {
  it('leave the open list, show under resolved (newest first), and the reporter reads the outcome on My reports', async () => {
    const moderator = await account(hearth, 'moderator');
    const writer = await memberIn(hearth, 'job-loss-and-money');
    const reporter = await memberIn(hearth, 'job-loss-and-money');
    const { post } = await writePost(writer.client, 'job-loss-and-money', { title: 'Budget help' });
    await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'spam' });
    const itemId = await itemIdOf(post.id);
    clock.advance(60_000);
    const events = await hearth.deps.db.transaction((tx) =>
      resolveQueueItem(tx, hearth.deps.live, { itemId, resolvedBy: moderator.user.id, actionId: null, outcomeForReporters: 'A moderator looked and found nothing against the rules.', now: clock.now() }),
    );
    await hearth.deps.live.announce(events);
    expect((await queueOf(moderator.client, '?group=job-loss-and-money')).map((item) => item.id)).not.toContain(itemId);
    const resolved = await queueOf(moderator.client, '?status=resolved&group=job-loss-and-money');
    expect(resolved[0]).toMatchObject({ id: itemId, status: 'resolved' });
    const mine = (await reporter.client.get('/api/me/reports')).json().reports[0];
    expect(mine).toMatchObject({ status: 'dismissed', outcome: 'A moderator looked and found nothing against the rules.' });
    // Reporting it again opens a new report: the first one is closed.
    expect((await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'spam' })).statusCode).toBe(201);
  });
});

