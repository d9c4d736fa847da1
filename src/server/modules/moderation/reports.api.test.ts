import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTS_PER_HOUR } from '../../../shared/api/moderation-reports.js';
import { ManualClock } from '../../clock.js';
import { liveEvents, moderationItems, reports, safetyReviewItems } from '../../db/schema/index.js';
import { staffChannel, userChannel } from '../../live/hub.js';
import { account, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { isUniqueViolation } from './reports-service.js';
import { directMessage, groupId, makeGroupModerator, report } from './moderation-test-support.js';

/**
 * Members' reports (issue 13 item 1): what can be reported, the refusals, the
 * reporter's own list, and that the reported member learns nothing of who.
 */
let hearth: TestApp;
const clock = new ManualClock(new Date('2026-04-01T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const HOUR = 3_600_000;
const itemOf = async (targetId: string) => (await hearth.deps.db.select().from(moderationItems).where(eq(moderationItems.targetId, targetId)))[0];

describe('reporting', () => {
  it('a post: 201 with kind words, an open item in its group at the reason’s severity, listed under My reports', async () => {
    const writer = await memberIn(hearth, 'anxiety');
    const reporter = await memberIn(hearth, 'anxiety');
    const { post } = await writePost(writer.client, 'anxiety', { title: 'Panic on the bus' });
    const response = await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'harassment', details: 'They mocked someone in the replies.' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.message).toMatch(/My reports/);
    expect(body.message).toMatch(/worried about this person/);
    expect(body.report).toMatchObject({ reason: 'harassment', reasonLabel: 'Harassment or bullying', status: 'open', outcome: null, target: { type: 'post', description: '“Panic on the bus”' } });
    expect(await itemOf(post.id)).toMatchObject({ kind: 'report', status: 'open', severity: 4, groupId: await groupId(hearth, 'anxiety'), reasons: ['harassment'] });
    const mine = (await reporter.client.get('/api/me/reports')).json();
    expect(mine.reports[0]).toMatchObject({ id: body.report.id, details: 'They mocked someone in the replies.' });
  });

  it('a reply, described as “a reply in <title>”; several reporters gather on one item at the worst severity', async () => {
    const writer = await memberIn(hearth, 'anxiety');
    const replier = await memberIn(hearth, 'anxiety');
    const first = await memberIn(hearth, 'anxiety');
    const second = await memberIn(hearth, 'anxiety');
    const { post } = await writePost(writer.client, 'anxiety', { title: 'Sleep' });
    const reply = await writeReply(replier.client, post.id, { body: 'Buy my sleep course, link in bio.' });
    const one = await report(first.client, { targetType: 'reply', targetId: reply.id, reason: 'spam' });
    expect(one.json().report.target.description).toBe('A reply in “Sleep”');
    expect((await report(second.client, { targetType: 'reply', targetId: reply.id, reason: 'misinformation' })).statusCode).toBe(201);
    const items = await hearth.deps.db.select().from(moderationItems).where(eq(moderationItems.targetId, reply.id));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ severity: 3, reasons: ['spam', 'misinformation'], subjectId: replier.user.id });
  });

  it('a member, by id or by handle: a site-wide item (no group); described as @handle', async () => {
    const target = await account(hearth);
    const reporter = await account(hearth);
    const byHandle = await report(reporter.client, { targetType: 'member', targetHandle: target.user.handle, reason: 'impersonation' });
    expect(byHandle.statusCode).toBe(201);
    expect(byHandle.json().report.target).toMatchObject({ type: 'member', description: `@${target.user.handle}`, link: `/members/${target.user.handle}` });
    expect(await itemOf(target.user.id)).toMatchObject({ groupId: null, escalateAt: null, targetType: 'member' });
    const other = await account(hearth);
    expect((await report(other.client, { targetType: 'member', targetId: target.user.id, reason: 'harassment' })).statusCode).toBe(201);
  });

  it('a message in a conversation the reporter takes part in; outsiders get 404', async () => {
    const sender = await account(hearth);
    const recipient = await account(hearth);
    const outsider = await account(hearth);
    const messageId = await directMessage(hearth, sender.user.id, recipient.user.id, 'Send me your address or else.');
    const outside = await report(outsider.client, { targetType: 'message', targetId: messageId, reason: 'harassment' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.field).toBe('targetId');
    const response = await report(recipient.client, { targetType: 'message', targetId: messageId, reason: 'harassment' });
    expect(response.statusCode).toBe(201);
    expect(response.json().report.target.description).toBe('A message in your conversations');
    expect(await itemOf(messageId)).toMatchObject({ groupId: null, targetType: 'message', subjectId: sender.user.id });
  });
});

describe('refusals', () => {
  it('own content and oneself: 422 naming the field', async () => {
    const writer = await memberIn(hearth, 'students');
    const { post } = await writePost(writer.client, 'students');
    const reply = await writeReply(writer.client, post.id);
    for (const body of [
      { targetType: 'post', targetId: post.id, reason: 'spam' },
      { targetType: 'reply', targetId: reply.id, reason: 'spam' },
      { targetType: 'member', targetId: writer.user.id, reason: 'spam' },
    ]) {
      const response = await report(writer.client, body);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.field).toBe('targetId');
    }
    expect((await report(writer.client, { targetType: 'member', targetHandle: writer.user.handle, reason: 'spam' })).json().error.field).toBe('targetHandle');
  });

  it('content the reporter cannot see: removed, in a private group, or unknown: the same 404', async () => {
    const admin = await account(hearth, 'admin');
    expect(
      (await admin.client.post('/api/groups', { slug: 'report-room', name: 'Report room', description: 'A closed room.', rules: 'Be kind to everyone here.', visibility: 'private' })).statusCode,
    ).toBe(201);
    const insider = await account(hearth);
    await insider.client.post('/api/groups/report-room/join', { acceptRules: true });
    await admin.client.post(`/api/groups/report-room/requests/${insider.user.id}`, { decision: 'approve' });
    const { post: secret } = await writePost(insider.client, 'report-room');
    const writer = await memberIn(hearth, 'students');
    const { post: removed } = await writePost(writer.client, 'students');
    expect((await writer.client.delete(`/api/posts/${removed.id}`)).statusCode).toBe(200);

    const outsider = await memberIn(hearth, 'students');
    const answers = await Promise.all([
      report(outsider.client, { targetType: 'post', targetId: secret.id, reason: 'spam' }),
      report(outsider.client, { targetType: 'post', targetId: removed.id, reason: 'spam' }),
      report(outsider.client, { targetType: 'post', targetId: '00000000-0000-4000-8000-000000000000', reason: 'spam' }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404, 404]);
    expect(new Set(answers.map((answer) => answer.json().error.message)).size).toBe(1);
  });

  it('a second open report of the same target: 409 already_reported, kindly; nothing more stored', async () => {
    const writer = await memberIn(hearth, 'students');
    const reporter = await memberIn(hearth, 'students');
    const { post } = await writePost(writer.client, 'students');
    expect((await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'spam' })).statusCode).toBe(201);
    const again = await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'hate' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already_reported', field: 'targetId' });
    expect(again.json().error.message).toMatch(/already reported/);
    // Racing requests: one is stored, the other is the same 409 (the unique index is the backstop).
    const { post: other } = await writePost(writer.client, 'students');
    const raced = await Promise.all([1, 2, 3].map(() => report(reporter.client, { targetType: 'post', targetId: other.id, reason: 'spam' })));
    expect(raced.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409]);
    const stored = await hearth.deps.db.select().from(reports).where(and(eq(reports.reporterId, reporter.user.id), eq(reports.targetId, other.id)));
    expect(stored).toHaveLength(1);
    // The backstop itself: a second open row is refused by reports_open_once_key, which the service maps to the same 409.
    const { id: _id, ...row } = stored[0]!;
    const violation = await hearth.deps.db.insert(reports).values(row).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(violation, 'reports_open_once_key')).toBe(true);
    expect(isUniqueViolation(violation, 'another_key')).toBe(false);
  });

  it(`at most ${REPORTS_PER_HOUR} reports an hour: 429 with kind words and retry-after; an hour later it is open again`, async () => {
    // Several writers: one member writing 21 replies at once would meet automod's rate rule (held replies cannot be reported).
    const writers = [];
    for (let i = 0; i < 4; i += 1) writers.push(await memberIn(hearth, 'loneliness'));
    const reporter = await memberIn(hearth, 'loneliness');
    const { post } = await writePost(writers[0]!.client, 'loneliness');
    const targets: string[] = [];
    for (let i = 0; i <= REPORTS_PER_HOUR; i += 1) targets.push((await writeReply(writers[i % writers.length]!.client, post.id, { body: `Reply number ${i}` })).id);
    for (const id of targets.slice(0, REPORTS_PER_HOUR)) {
      expect((await report(reporter.client, { targetType: 'reply', targetId: id, reason: 'spam' })).statusCode).toBe(201);
      clock.advance(60_000);
    }
    const refused = await report(reporter.client, { targetType: 'reply', targetId: targets.at(-1), reason: 'spam' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/try again a little later/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    clock.advance(HOUR);
    expect((await report(reporter.client, { targetType: 'reply', targetId: targets.at(-1), reason: 'spam' })).statusCode).toBe(201);
  });

  it('bad input names the field: long details, a missing target, an unknown reason', async () => {
    const reporter = await account(hearth);
    const cases: [Record<string, unknown>, string][] = [
      [{ targetType: 'member', targetHandle: 'someone', reason: 'spam', details: 'x'.repeat(1001) }, 'details'],
      [{ targetType: 'post', reason: 'spam' }, 'targetId'],
      [{ targetType: 'post', targetId: 'not-an-id', reason: 'spam' }, 'targetId'],
      [{ targetType: 'member', targetHandle: 'someone', reason: 'rude' }, 'reason'],
      [{ targetType: 'post', targetHandle: 'someone', reason: 'spam' }, 'targetHandle'],
    ];
    for (const [body, field] of cases) {
      const response = await report(reporter.client, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
  });
});

describe('safety reasons', () => {
  it('encouraging self-harm or method details on content also raise a safety review item with the reporter’s words; other reasons do not', async () => {
    const writer = await memberIn(hearth, 'depression');
    const reporter = await memberIn(hearth, 'depression');
    const { post } = await writePost(writer.client, 'depression', { title: 'Advice', body: 'Some words.' });
    expect((await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'method_details', details: 'It describes how.' })).statusCode).toBe(201);
    const [item] = await hearth.deps.db.select().from(safetyReviewItems).where(and(eq(safetyReviewItems.kind, 'report'), eq(safetyReviewItems.contentId, post.id)));
    expect(item).toMatchObject({ contentType: 'post', subjectId: writer.user.id, reporterId: reporter.user.id, reporterWords: 'It describes how.' });
    const staffEvents = await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.channel, staffChannel));
    expect(staffEvents.some((event) => event.type === 'safety.review_changed' && event.payload.itemId === item!.id)).toBe(true);
    expect(await itemOf(post.id)).toMatchObject({ severity: 5 });

    const moderator = await account(hearth, 'moderator');
    const list = (await moderator.client.get('/api/safety/review')).json();
    expect(list.open.some((entry: { kind: string; content: { id: string } }) => entry.kind === 'report' && entry.content.id === post.id)).toBe(true);

    const { post: spam } = await writePost(writer.client, 'depression');
    await report(reporter.client, { targetType: 'post', targetId: spam.id, reason: 'spam' });
    expect(await hearth.deps.db.select().from(safetyReviewItems).where(eq(safetyReviewItems.contentId, spam.id))).toHaveLength(0);
  });
});

describe('the reported member learns nothing of who reported', () => {
  it('no response, event or page they can read carries it, even when they moderate the group', async () => {
    const writer = await memberIn(hearth, 'parents');
    await makeGroupModerator(hearth, writer.user.id, 'parents');
    const reporter = await memberIn(hearth, 'parents');
    const { post } = await writePost(writer.client, 'parents', { title: 'Bedtime battles' });
    const before = await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.channel, userChannel(writer.user.id)));
    expect((await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'harassment', details: 'Unkind.' })).statusCode).toBe(201);
    expect((await report(reporter.client, { targetType: 'member', targetId: writer.user.id, reason: 'harassment' })).statusCode).toBe(201);

    const after = await hearth.deps.db.select().from(liveEvents).where(eq(liveEvents.channel, userChannel(writer.user.id)));
    expect(after).toHaveLength(before.length);

    const pages = [
      await writer.client.get(`/api/posts/${post.id}`),
      await writer.client.get('/api/me/reports'),
      await writer.client.get('/api/moderation/queue'),
      await writer.client.get(`/api/members/${writer.user.handle}`),
      await writer.client.get('/api/me'),
    ];
    for (const page of pages) {
      expect(page.body).not.toContain(reporter.user.handle);
      expect(page.body).not.toContain(reporter.user.id);
      expect(page.body).not.toContain('Unkind.');
    }
    // As a moderator of the group they see the queue, but never the item about themselves.
    expect(pages[2]!.statusCode).toBe(200);
    expect(pages[2]!.json().items.some((entry: { target: { id: string } }) => entry.target.id === post.id)).toBe(false);
    const item = await itemOf(post.id);
    expect((await writer.client.get(`/api/moderation/items/${item!.id}`)).statusCode).toBe(404);
    expect((await writer.client.get('/api/me/reports')).json().reports).toEqual([]);
  });
});

describe('My reports', () => {
  it('newest first, paged; a target hidden from the reporter since is described in neutral words', async () => {
    const writer = await memberIn(hearth, 'caregivers');
    const reporter = await memberIn(hearth, 'caregivers');
    const ids: string[] = [];
    for (const title of ['First', 'Second', 'Third']) {
      const { post } = await writePost(writer.client, 'caregivers', { title });
      ids.push(post.id);
      await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'other' });
      clock.advance(1000);
    }
    expect((await writer.client.delete(`/api/posts/${ids[2]}`)).statusCode).toBe(200);
    const first = (await reporter.client.get('/api/me/reports?limit=2')).json();
    expect(first.reports.map((entry: { target: { description: string } }) => entry.target.description)).toEqual(['A post that is no longer available', '“Second”']);
    expect(first.nextCursor).toBeTruthy();
    const second = (await reporter.client.get(`/api/me/reports?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.reports.map((entry: { target: { description: string } }) => entry.target.description)).toEqual(['“First”']);
    expect(second.nextCursor).toBeNull();
    expect((await reporter.client.get('/api/me/reports?cursor=nonsense')).json().error.field).toBe('cursor');
  });
});
