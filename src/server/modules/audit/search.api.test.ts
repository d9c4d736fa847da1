import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { eq } from 'drizzle-orm';
import { auditLog, safetyAlerts } from '../../db/schema/index.js';
import { account, memberIn } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const MIN = 60_000;
const DAY = 86_400_000;

let hearth: TestApp;
let admin: { client: TestClient; user: { id: string; handle: string } };
let moderator: { client: TestClient; user: { id: string; handle: string } };
let member: { client: TestClient; user: { id: string; handle: string } };
const postId = crypto.randomUUID();

/** Rows written directly at known times: this file is about reading the log. */
async function seed(values: { ago: number; actorId: string | null; action: string; targetType: string; targetId?: string; details?: Record<string, unknown> }) {
  await hearth.deps.db.insert(auditLog).values({
    actorId: values.actorId,
    action: values.action,
    targetType: values.targetType,
    targetId: values.targetId ?? null,
    details: values.details ?? {},
    createdAt: new Date(NOW.getTime() - values.ago),
  });
}

beforeAll(async () => {
  hearth = await createTestApp({}, { clock: new ManualClock(NOW) });
  admin = await account(hearth, 'admin');
  moderator = await memberIn(hearth, 'anxiety', 'moderator');
  member = await memberIn(hearth, 'anxiety');
  // 55 automatic entries a minute apart over the last hour: more than one page.
  for (let i = 0; i < 55; i++) await seed({ ago: (i + 1) * MIN, actorId: null, action: 'safety.alert_escalated', targetType: 'safety_alert', targetId: crypto.randomUUID(), details: { step: 1 } });
  // A removal of a post, with keys no admin should ever read (a writer that forgot the rule).
  await seed({
    ago: 2 * DAY,
    actorId: moderator.user.id,
    action: 'moderation.remove',
    targetType: 'post',
    targetId: postId,
    details: {
      reason: 'This shared a phone number.',
      reasonTemplate: 'personal_information',
      subjectId: member.user.id,
      body: 'SECRET BODY of the post',
      title: 'SECRET TITLE',
      before: { contentWarning: 'old warning', body: 'SECRET EARLIER BODY' },
      after: { contentWarning: 'new warning', text: 'SECRET TEXT' },
      nested: { deep: { body: 'SECRET DEEP' } },
    },
  });
  // A mute of a member: here the member is the target and may be named.
  await seed({ ago: 3 * DAY, actorId: moderator.user.id, action: 'moderation.mute', targetType: 'member', targetId: member.user.id, details: { subjectId: member.user.id, reason: 'Cooling off.', until: '2026-12-10T00:00:00.000Z' } });
  await seed({ ago: 10 * DAY, actorId: admin.user.id, action: 'user.role_changed', targetType: 'user', targetId: moderator.user.id, details: { from: 'member', to: 'moderator' } });
});
afterAll(async () => {
  await hearth?.close();
});

const search = (query = '') => admin.client.get(`/api/admin/audit${query}`);

describe('the admins’ search of the audit log', () => {
  it('is for admins only', async () => {
    expect((await moderator.client.get('/api/admin/audit')).statusCode).toBe(403);
    expect((await member.client.get('/api/admin/audit')).statusCode).toBe(403);
    expect((await member.client.get('/api/admin/audit/actions')).statusCode).toBe(403);
    expect((await (await account(hearth)).client.get('/api/admin/moderation/figures')).statusCode).toBe(403);
  });

  it('pages newest first, 50 at a time, with nothing repeated or skipped', async () => {
    const first = (await search()).json();
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]).toMatchObject({ actor: null, action: 'safety.alert_escalated', target: { type: 'safety_alert' } });
    expect(first.entries[0].at).toBe(new Date(NOW.getTime() - MIN).toISOString());
    const second = (await search(`?cursor=${first.nextCursor}`)).json();
    const all = [...first.entries, ...second.entries];
    expect(all).toHaveLength(55 + 3);
    expect(second.nextCursor).toBeNull();
    expect(new Set(all.map((entry: { id: string }) => entry.id)).size).toBe(all.length);
    const times = all.map((entry: { at: string }) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by action, actor handle (any case), target and days', async () => {
    const removed = (await search('?action=moderation.remove')).json().entries;
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ actor: { handle: moderator.user.handle }, action: 'moderation.remove', target: { type: 'post', id: postId, label: null } });

    const byModerator = (await search(`?actor=${moderator.user.handle.toUpperCase()}`)).json().entries;
    expect(byModerator.map((entry: { action: string }) => entry.action)).toEqual(['moderation.remove', 'moderation.mute']);
    expect((await search('?actor=nobody-by-this-name')).json().entries).toEqual([]);

    const target = (await search(`?targetType=user&targetId=${moderator.user.id}`)).json().entries;
    expect(target).toHaveLength(1);
    expect(target[0]).toMatchObject({ action: 'user.role_changed', target: { label: moderator.user.handle } });

    // 2 and 3 days ago: 2026-12-02 and 2026-12-03, both days included.
    const days = (await search('?from=2026-12-02&to=2026-12-03')).json().entries;
    expect(days.map((entry: { action: string }) => entry.action)).toEqual(['moderation.remove', 'moderation.mute']);
    expect((await search('?to=2026-11-25')).json().entries.map((entry: { action: string }) => entry.action)).toEqual(['user.role_changed']);
  });

  it('never returns details outside the allow-list, nor the author of content', async () => {
    const [entry] = (await search('?action=moderation.remove')).json().entries;
    const raw = JSON.stringify(entry);
    expect(raw).not.toMatch(/SECRET/);
    expect(raw).not.toContain(member.user.handle);
    expect(raw).not.toContain(member.user.id);
    expect(entry.details).toEqual([
      { key: 'reason', label: 'Reason', value: 'This shared a phone number.' },
      { key: 'reasonTemplate', label: 'Reason template', value: 'personal_information' },
      { key: 'before.contentWarning', label: 'Content warning before', value: 'old warning' },
      { key: 'after.contentWarning', label: 'Content warning after', value: 'new warning' },
    ]);
    // A sanction's member is its target, named by handle.
    const [mute] = (await search('?action=moderation.mute')).json().entries;
    expect(mute.target.label).toBe(member.user.handle);
    expect(mute.details).toContainEqual({ key: 'subjectId', label: 'Member', value: member.user.handle });
  });

  it('lists the action names present, for the filter', async () => {
    const { actions, targetTypes } = (await admin.client.get('/api/admin/audit/actions')).json();
    expect(actions).toEqual(expect.arrayContaining(['moderation.remove', 'moderation.mute', 'safety.alert_escalated', 'user.role_changed']));
    expect(targetTypes).toEqual(expect.arrayContaining(['post', 'member', 'user', 'safety_alert']));
  });

  it('records a real staff action, found by its actor', async () => {
    const joined = await memberIn(hearth, 'anxiety');
    const response = await admin.client.patch(`/api/groups/anxiety/members/${joined.user.id}`, { role: 'moderator' });
    expect(response.statusCode).toBe(200);
    const [entry] = (await search(`?actor=${admin.user.handle}&action=group.role_changed`)).json().entries;
    expect(entry).toMatchObject({ actor: { handle: admin.user.handle }, target: { type: 'group' } });
    expect(entry.target.label).toBeTruthy();
    expect(entry.details).toContainEqual({ key: 'userId', label: 'Member', value: joined.user.handle });
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['?from=yesterday', 'from'],
      ['?to=2026-02-30', 'to'],
      ['?from=2026-12-05&to=2026-12-01', 'to'],
      // Real dates the database cannot take: year 0, and a last day with no day after it.
      ['?from=0000-01-01', 'from'],
      ['?from=1969-12-31', 'from'],
      ['?to=9999-12-31', 'to'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?surprise=1', undefined],
    ] as const) {
      const response = await search(query);
      expect(response.statusCode, query).toBe(400);
      if (field) expect(response.json().error.field, query).toBe(field);
    }
  });
});

describe('who acted, without tying a member to anonymous content', () => {
  it('shows a member who answered the alert on their anonymous post as "a member", never by handle, nor found by it', async () => {
    const author = await memberIn(hearth, 'depression');
    const staff = await memberIn(hearth, 'depression', 'moderator');
    const posted = await author.client.post('/api/groups/depression/posts', {
      title: 'Tonight',
      body: 'I have written my note and tonight is the night. Thank you all for everything.',
      anonymous: true,
    });
    expect(posted.statusCode).toBe(201);
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, posted.json().post.id));
    expect((await staff.client.post(`/api/safety/alerts/${alert!.id}/outreach`, { body: 'We are here for you. Can you tell us more?' })).statusCode).toBe(201);
    const conversationId = (await author.client.get('/api/conversations')).json().conversations[0].id;
    expect((await author.client.post(`/api/conversations/${conversationId}/messages`, { body: 'Thank you for writing.' })).statusCode).toBe(201);

    const response = await search(`?targetType=safety_alert&targetId=${alert!.id}`);
    expect(response.statusCode).toBe(200);
    const entries = response.json().entries as { action: string; actor: unknown }[];
    expect(entries.find((entry) => entry.action === 'safety.alert_member_replied')?.actor).toEqual({ kind: 'member', handle: null });
    // The staff member who wrote the outreach is named.
    expect(entries.find((entry) => entry.action === 'safety.alert_outreach')?.actor).toEqual({ kind: 'staff', handle: staff.user.handle });
    expect(JSON.stringify(entries)).not.toContain(author.user.handle);
    // A search by the member's handle finds nothing, as if the handle did nothing.
    expect((await search(`?actor=${author.user.handle}`)).json().entries).toEqual([]);
  });

  it('shows an actor whose account is gone as "a former member", not as automatic', async () => {
    await seed({ ago: 30 * DAY, actorId: crypto.randomUUID(), action: 'post.edited', targetType: 'post', targetId: crypto.randomUUID() });
    const [entry] = (await search('?action=post.edited&to=2026-11-05')).json().entries;
    expect(entry.actor).toEqual({ kind: 'former_member', handle: null });
  });
});
