import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, automodRules, groupMembers, groups } from '../../db/schema/index.js';
import { account as accountOf, memberIn } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { DEFAULT_RULES, ensureDefaultRules } from './automod-rules.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const account = (role?: 'moderator' | 'admin') => accountOf(hearth, role);

/** A member made moderator of one group (an active membership with the moderator role). */
async function groupModerator(slug: string) {
  const person = await memberIn(hearth, slug);
  const [group] = await hearth.deps.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug));
  await hearth.deps.db.update(groupMembers).set({ role: 'moderator' }).where(and(eq(groupMembers.userId, person.user.id), eq(groupMembers.groupId, group!.id)));
  return person;
}

const put = (client: TestClient, url: string, body: unknown) => client.request('PUT', url, body);
const audits = (action: string, targetId: string) =>
  hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

describe('automod rules', () => {
  it('the default site rules exist once, even when two nodes start together', async () => {
    await Promise.all([ensureDefaultRules(hearth.deps.db, new Date()), ensureDefaultRules(hearth.deps.db, new Date())]);
    const site = await hearth.deps.db.select().from(automodRules).where(isNull(automodRules.groupId));
    expect(site.map((rule) => rule.kind).sort()).toEqual(DEFAULT_RULES.map((rule) => rule.kind).sort());
    const admin = await account('admin');
    const listed = (await admin.client.get('/api/moderation/automod/rules')).json();
    expect(listed.canEdit).toBe(true);
    expect(listed.rules.find((rule: { kind: string }) => rule.kind === 'link_limit')).toMatchObject({ action: 'hold', config: { maxLinks: 2 }, enabled: true });
    expect(listed.rules.find((rule: { kind: string }) => rule.kind === 'duplicate')).toMatchObject({ action: 'flag', config: { minutes: 30 } });
  });

  it('admins change the site’s rules, audited with before and after; moderators only read them; members neither', async () => {
    const admin = await account('admin');
    const moderator = await account('moderator');
    const member = await account();
    const rule = { kind: 'slurs', name: 'No name-calling', action: 'content_warning', config: { extraTerms: ['gremlinface'], allowedTerms: [] } };
    expect((await moderator.client.post('/api/moderation/automod/rules', rule)).statusCode).toBe(403);
    expect((await member.client.get('/api/moderation/automod/rules')).statusCode).toBe(403);
    const read = await moderator.client.get('/api/moderation/automod/rules');
    expect(read.statusCode).toBe(200);
    expect(read.json().canEdit).toBe(false);

    const created = await admin.client.post('/api/moderation/automod/rules', rule);
    expect(created.statusCode).toBe(201);
    const id = created.json().rule.id as string;
    expect(created.json().rule).toMatchObject({ groupId: null, kind: 'slurs', action: 'content_warning', enabled: true });
    expect((await audits('automod.rule_created', id))[0]).toMatchObject({ actorId: admin.user.id, details: { groupId: null, after: { name: 'No name-calling' } } });

    expect((await moderator.client.patch(`/api/moderation/automod/rules/${id}`, { enabled: false })).statusCode).toBe(403);
    expect((await member.client.patch(`/api/moderation/automod/rules/${id}`, { enabled: false })).statusCode).toBe(404);
    const changed = await admin.client.patch(`/api/moderation/automod/rules/${id}`, { enabled: false, action: 'hold' });
    expect(changed.json().rule).toMatchObject({ enabled: false, action: 'hold' });
    expect((await audits('automod.rule_changed', id))[0]!.details).toMatchObject({ before: { enabled: true, action: 'content_warning' }, after: { enabled: false, action: 'hold' } });

    expect((await admin.client.delete(`/api/moderation/automod/rules/${id}`)).statusCode).toBe(200);
    expect(await audits('automod.rule_deleted', id)).toHaveLength(1);
    expect((await admin.client.delete(`/api/moderation/automod/rules/${id}`)).statusCode).toBe(404);
  });

  it('refuses a config that does not fit its kind with a 400 naming the field', async () => {
    const admin = await account('admin');
    const bad = await admin.client.post('/api/moderation/automod/rules', { kind: 'rate_limit', name: 'Too fast', action: 'hold', config: { maxPosts: 0, minutes: 10 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/config\.maxPosts/);
    const unknownKind = await admin.client.post('/api/moderation/automod/rules', { kind: 'vibes', name: 'Bad vibes', action: 'hold', config: {} });
    expect(unknownKind.statusCode).toBe(400);
    const created = await admin.client.post('/api/moderation/automod/rules', { kind: 'duplicate', name: 'Again', action: 'flag', config: { minutes: 5 } });
    const patched = await admin.client.patch(`/api/moderation/automod/rules/${created.json().rule.id}`, { config: { minutes: 'soon' } });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.field).toBe('config.minutes');
  });

  it('refuses as a slurs rule’s extra terms the words people use about their own crisis, with a 400 naming config.extraTerms', async () => {
    const admin = await account('admin');
    for (const extraTerms of [['kill myself'], ['gremlinface', 'want to die'], ['hang myself']]) {
      const refused = await admin.client.post('/api/moderation/automod/rules', { kind: 'slurs', name: 'Banned words', action: 'hold', config: { extraTerms, allowedTerms: [] } });
      expect({ status: refused.statusCode, field: refused.json().error?.field }, extraTerms.join()).toEqual({ status: 400, field: 'config.extraTerms' });
    }
    const created = await admin.client.post('/api/moderation/automod/rules', { kind: 'slurs', name: 'Banned words', action: 'hold', config: { extraTerms: ['gremlinface'], allowedTerms: [] } });
    expect(created.statusCode).toBe(201);
    const patched = await admin.client.patch(`/api/moderation/automod/rules/${created.json().rule.id}`, { config: { extraTerms: ['gremlinface', 'end my life'], allowedTerms: [] } });
    expect({ status: patched.statusCode, field: patched.json().error?.field }).toEqual({ status: 400, field: 'config.extraTerms' });
  });

  it('a group’s rules belong to its moderators and the global moderators, never to moderators of other groups', async () => {
    const own = await groupModerator('anxiety');
    const other = await groupModerator('students');
    const global = await account('moderator');
    const member = await memberIn(hearth, 'anxiety');
    const rule = { kind: 'link_limit', name: 'Few links here', action: 'flag', config: { maxLinks: 1 } };
    expect((await other.client.post('/api/moderation/automod/rules?group=anxiety', rule)).statusCode).toBe(403);
    expect((await member.client.get('/api/moderation/automod/rules?group=anxiety')).statusCode).toBe(403);
    expect((await own.client.post('/api/moderation/automod/rules', rule)).statusCode).toBe(403);
    const created = await own.client.post('/api/moderation/automod/rules?group=anxiety', rule);
    expect(created.statusCode).toBe(201);
    const id = created.json().rule.id as string;
    const listed = (await global.client.get('/api/moderation/automod/rules?group=anxiety')).json();
    expect(listed.group).toMatchObject({ slug: 'anxiety', holdNewMemberPosts: 0 });
    expect(listed.rules.map((entry: { id: string }) => entry.id)).toEqual([id]);
    expect((await other.client.patch(`/api/moderation/automod/rules/${id}`, { enabled: false })).statusCode).toBe(404);
    expect((await other.client.delete(`/api/moderation/automod/rules/${id}`)).statusCode).toBe(404);
    expect((await global.client.patch(`/api/moderation/automod/rules/${id}`, { name: 'Fewer links here' })).statusCode).toBe(200);
    expect((await own.client.delete(`/api/moderation/automod/rules/${id}`)).statusCode).toBe(200);
    expect((await own.client.get('/api/moderation/automod/rules?group=no-such-group')).statusCode).toBe(404);
  });

  it('the new-members hold is set by the group’s moderators (0 to 20), audited', async () => {
    const own = await groupModerator('grief-and-loss');
    const other = await groupModerator('students');
    expect((await put(other.client, '/api/moderation/groups/grief-and-loss/new-members', { holdNewMemberPosts: 2 })).statusCode).toBe(403);
    const tooMany = await put(own.client, '/api/moderation/groups/grief-and-loss/new-members', { holdNewMemberPosts: 21 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.field).toBe('holdNewMemberPosts');
    const set = await put(own.client, '/api/moderation/groups/grief-and-loss/new-members', { holdNewMemberPosts: 2 });
    expect(set.json()).toEqual({ holdNewMemberPosts: 2 });
    const [group] = await hearth.deps.db.select().from(groups).where(eq(groups.slug, 'grief-and-loss'));
    expect(group!.holdNewMemberPosts).toBe(2);
    expect((await audits('moderation.new_members_changed', group!.id))[0]).toMatchObject({ actorId: own.user.id, details: { before: { holdNewMemberPosts: 0 }, after: { holdNewMemberPosts: 2 } } });
    await put(own.client, '/api/moderation/groups/grief-and-loss/new-members', { holdNewMemberPosts: 0 });
  });

  it('the new-account age is an admin setting, audited', async () => {
    const admin = await account('admin');
    const moderator = await account('moderator');
    expect((await admin.client.get('/api/admin/moderation/settings')).json()).toEqual({ settings: { newAccountDays: 7 } });
    expect((await moderator.client.get('/api/admin/moderation/settings')).statusCode).toBe(403);
    expect((await put(moderator.client, '/api/admin/moderation/settings', { newAccountDays: 3 })).statusCode).toBe(403);
    const bad = await put(admin.client, '/api/admin/moderation/settings', { newAccountDays: -1 });
    expect(bad.json().error.field).toBe('newAccountDays');
    expect((await put(admin.client, '/api/admin/moderation/settings', { newAccountDays: 3 })).json()).toEqual({ settings: { newAccountDays: 3 } });
    expect((await audits('moderation.settings_changed', 'moderation'))[0]!.details).toEqual({ before: { newAccountDays: 7 }, after: { newAccountDays: 3 } });
    await put(admin.client, '/api/admin/moderation/settings', { newAccountDays: 7 });
  });
});
