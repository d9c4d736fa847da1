import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { appeals, automodRules, groups } from '../../db/schema/index.js';
import { account, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { recordModerationAction, type ActionRecord } from './record-action.js';

const START = new Date('2026-12-05T09:10:00.000Z');
const MIN = 60_000;
const HOUR = 3_600_000;
const FREE_TEXT = 'FREE TEXT: the moderator’s own words about this person';

let hearth: TestApp;
const clock = new ManualClock(START);
type Someone = { client: TestClient; user: { id: string; handle: string } };
let moderator: Someone;
let second: Someone;
let author: Someone;
let reader: Someone;
let groupId: string;
let otherGroupId: string;
let ruleId: string;
const secrets: string[] = [FREE_TEXT];

/** An action as the actions code records it (action row + audit row), at the clock's time. */
const act = (input: Partial<ActionRecord> & Pick<ActionRecord, 'kind' | 'targetType' | 'targetId'>) =>
  recordModerationAction(hearth.deps.db, { actorId: moderator.user.id, subjectId: author.user.id, groupId, reason: FREE_TEXT, now: clock.now(), ...input });

beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
  moderator = await memberIn(hearth, 'anxiety', 'moderator');
  second = await memberIn(hearth, 'anxiety', 'moderator');
  author = await memberIn(hearth, 'anxiety');
  reader = await memberIn(hearth, 'anxiety');
  const [group] = await hearth.deps.db.select().from(groups).where(eq(groups.slug, 'anxiety'));
  const [other] = await hearth.deps.db.select().from(groups).where(eq(groups.slug, 'depression'));
  groupId = group!.id;
  otherGroupId = other!.id;
  const [rule] = await hearth.deps.db
    .insert(automodRules)
    .values({ kind: 'slurs', action: 'hold', name: 'No slurs', createdAt: START, updatedAt: START })
    .returning({ id: automodRules.id });
  ruleId = rule!.id;

  const { post } = await writePost(author.client, 'anxiety', { title: 'SECRET TITLE of an anonymous post', anonymous: true });
  const reply = await writeReply(author.client, post.id, { body: 'A reply under a handle.' });
  secrets.push(post.id, reply.id, author.user.id, author.user.handle, moderator.user.id, moderator.user.handle, second.user.handle, 'SECRET TITLE');

  // 09:10 remove the anonymous post (appealed and overturned at 11:40 below).
  const removal = await act({ kind: 'remove', targetType: 'post', targetId: post.id, reasonTemplate: 'personal_information' });
  // 09:20 automod holds the reply.
  clock.advance(10 * MIN);
  await act({ kind: 'hide', actorId: null, automodRuleId: ruleId, targetType: 'reply', targetId: reply.id });
  // 10:20 a mute in the group for three days, and things that are not the group's to publish.
  clock.advance(HOUR);
  await act({ kind: 'mute', targetType: 'member', targetId: author.user.id, reasonTemplate: 'be_kind', until: new Date(clock.now().getTime() + 72 * HOUR) });
  await act({ kind: 'warn', targetType: 'member', targetId: author.user.id, reasonTemplate: 'be_kind' });
  await act({ kind: 'suspend', targetType: 'member', targetId: author.user.id, until: new Date(clock.now().getTime() + 24 * HOUR) });
  await act({ kind: 'ban', targetType: 'member', targetId: author.user.id });
  await act({ kind: 'dismiss', targetType: 'reply', targetId: reply.id });
  await act({ kind: 'remove', targetType: 'post', targetId: crypto.randomUUID(), groupId: otherGroupId });
  // 10:50 a content warning under a template this log does not know.
  clock.advance(30 * MIN);
  await act({ kind: 'content_warning', targetType: 'reply', targetId: reply.id, reasonTemplate: 'made_up_template', before: { contentWarning: null }, after: { contentWarning: 'grief' } });
  // 11:40 the removal is overturned on appeal by another moderator; the undo is recorded as its own restore.
  clock.advance(50 * MIN);
  await hearth.deps.db.insert(appeals).values({
    actionId: removal.id,
    userId: author.user.id,
    body: 'SECRET appeal words',
    status: 'overturned',
    decidedBy: second.user.id,
    decisionReason: 'SECRET decision words',
    createdAt: new Date(clock.now().getTime() - 10 * MIN),
    decidedAt: clock.now(),
  });
  secrets.push('SECRET appeal words', 'SECRET decision words');
  await act({ kind: 'restore', actorId: second.user.id, targetType: 'post', targetId: post.id, reason: FREE_TEXT });
});
afterAll(async () => {
  await hearth?.close();
});

describe('a group’s public moderation log', () => {
  it('says what was done, in which hour and under which rule, newest first', async () => {
    const response = await reader.client.get('/api/groups/anxiety/moderation-log');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.group).toEqual({ slug: 'anxiety', name: expect.any(String) });
    // Inside one hour the order is by a random id: which came first is not told.
    expect(body.entries).toHaveLength(5);
    const hours = body.entries.map((entry: { hour: string }) => entry.hour);
    expect([...hours].sort().reverse()).toEqual(hours);
    expect(body.entries).toEqual(expect.arrayContaining([
      { kind: 'overturned', words: 'A post was restored on appeal', hour: '2026-12-05T11:00:00.000Z', reason: null, automatic: false },
      { kind: 'content_warning', words: 'A content warning was added to a reply', hour: '2026-12-05T10:00:00.000Z', reason: 'A rule of the group', automatic: false },
      { kind: 'mute', words: 'A member was muted in this group for 3 days', hour: '2026-12-05T10:00:00.000Z', reason: 'Be kind', automatic: false },
      { kind: 'hide', words: 'A reply was held for review', hour: '2026-12-05T09:00:00.000Z', reason: 'No slurs', automatic: true },
      { kind: 'remove', words: 'A post was removed', hour: '2026-12-05T09:00:00.000Z', reason: 'Personal information', automatic: false },
    ]));
    expect(body.nextCursor).toBeNull();
  });

  it('never includes a handle, an id of a member or content, a title or a moderator’s own words', async () => {
    const raw = (await reader.client.get('/api/groups/anxiety/moderation-log')).body;
    for (const secret of secrets) expect(raw, secret).not.toContain(secret);
    expect(raw).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    // Times to the hour only: nothing at 09:10 or 09:20 to line up with a member's activity.
    expect(raw).not.toMatch(/T\d{2}:(?!00:00\.000Z)\d{2}/);
  });

  it('leaves out warnings, site-wide sanctions, dismissals and other groups’ actions', async () => {
    const kinds = (await reader.client.get('/api/groups/anxiety/moderation-log')).json().entries.map((entry: { kind: string }) => entry.kind);
    expect(kinds).not.toContain('warn');
    expect(kinds).not.toContain('suspend');
    expect(kinds).not.toContain('ban');
    expect(kinds).not.toContain('dismiss');
    expect(kinds.filter((kind: string) => kind === 'remove')).toHaveLength(1);
    expect(kinds).not.toContain('restore');
    const other = (await reader.client.get('/api/groups/depression/moderation-log')).json();
    expect(other.entries.map((entry: { words: string }) => entry.words)).toEqual(['A post was removed']);
  });

  it('is for whoever can read the group: a private group is not found for others', async () => {
    const admin = await account(hearth, 'admin');
    const created = await admin.client.post('/api/groups', {
      slug: 'quiet-room',
      name: 'Quiet room',
      description: 'A private group for the test.',
      rules: 'Be kind to each other here.',
      visibility: 'private',
    });
    expect(created.statusCode).toBe(201);
    expect((await reader.client.get('/api/groups/quiet-room/moderation-log')).statusCode).toBe(404);
    expect((await reader.client.get('/api/groups/no-such-group/moderation-log')).statusCode).toBe(404);
    expect((await admin.client.get('/api/groups/quiet-room/moderation-log')).json().entries).toEqual([]);
    expect((await new (reader.client.constructor as new (app: unknown) => TestClient)(hearth.app).get('/api/groups/anxiety/moderation-log')).statusCode).toBe(401);
  });

  it('pages by hour with a cursor that carries no exact time', async () => {
    for (let i = 0; i < 35; i++) {
      clock.advance(HOUR);
      await act({ kind: i % 2 ? 'lock' : 'unlock', targetType: 'post', targetId: crypto.randomUUID() });
    }
    const first = (await reader.client.get('/api/groups/anxiety/moderation-log')).json();
    expect(first.entries).toHaveLength(30);
    const cursor = JSON.parse(Buffer.from(first.nextCursor, 'base64url').toString('utf8'));
    expect(cursor.h).toMatch(/T\d{2}:00:00Z$/);
    const second = (await reader.client.get(`/api/groups/anxiety/moderation-log?cursor=${first.nextCursor}`)).json();
    expect(first.entries.length + second.entries.length).toBe(35 + 5);
    expect(second.nextCursor).toBeNull();
    expect((await reader.client.get('/api/groups/anxiety/moderation-log?cursor=abc')).json().error.field).toBe('cursor');
    const odd = Buffer.from(JSON.stringify({ ...cursor, h: '2026-02-30T00:00:00Z' })).toString('base64url');
    expect((await reader.client.get(`/api/groups/anxiety/moderation-log?cursor=${odd}`)).json().error.field).toBe('cursor');
  });
});
