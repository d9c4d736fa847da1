import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { account, join, memberIn } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

let hearth: TestApp;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const newGroup = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `Group ${slug}`,
  description: 'A group for the staff screens test.',
  rules: 'Be kind to each other here.',
  ...extra,
});

/** A group an admin starts, with `moderator` approved and appointed as its group moderator. */
async function groupWithModerator(slug: string) {
  const admin = await account(hearth, 'admin');
  expect((await admin.client.post('/api/groups', newGroup(slug, { visibility: 'private' }))).statusCode).toBe(201);
  const moderator = await account(hearth);
  await join(moderator.client, slug);
  await admin.client.post(`/api/groups/${slug}/requests/${moderator.user.id}`, { decision: 'approve' });
  expect((await admin.client.patch(`/api/groups/${slug}/members/${moderator.user.id}`, { role: 'moderator' })).statusCode).toBe(200);
  return { admin, moderator };
}

const team = (client: TestClient, slug: string, q = '') => client.get(`/api/groups/${slug}/team${q ? `?q=${encodeURIComponent(q)}` : ''}`);

describe('starting a group', () => {
  it('site moderators and admins start groups; a member is refused', async () => {
    const member = await account(hearth);
    const refused = await member.client.post('/api/groups', newGroup('members-cannot'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/site moderators and admins/);
    const admin = await account(hearth, 'admin');
    const byAdmin = await admin.client.post('/api/groups', newGroup('started-by-admin', { tags: ['sleep'] }));
    expect(byAdmin.statusCode).toBe(201);
    // An admin has every group's powers already: they are not made a member.
    expect(byAdmin.json().group).toMatchObject({ tags: ['sleep'], membership: null, memberCount: 0 });
  });

  it('a site moderator who starts a private group is its first moderator and can build its team', async () => {
    const siteModerator = await account(hearth, 'moderator');
    const created = await siteModerator.client.post('/api/groups', newGroup('started-by-moderator', { visibility: 'private' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().group).toMatchObject({ visibility: 'private', membership: { role: 'moderator', status: 'active' }, memberCount: 1 });

    const helper = await account(hearth);
    await join(helper.client, 'started-by-moderator');
    expect((await siteModerator.client.post(`/api/groups/started-by-moderator/requests/${helper.user.id}`, { decision: 'approve' })).statusCode).toBe(200);
    const seen = (await team(siteModerator.client, 'started-by-moderator')).json();
    expect(seen.powers).toEqual({ editDetails: true, archive: false, changeModerators: true });
    expect((await siteModerator.client.patch(`/api/groups/started-by-moderator/members/${helper.user.id}`, { role: 'moderator' })).statusCode).toBe(200);
    const after = (await team(siteModerator.client, 'started-by-moderator')).json();
    expect(after.team.map((entry: { handle: string; role: string }) => [entry.handle, entry.role]).sort()).toEqual(
      [
        [siteModerator.user.handle, 'moderator'],
        [helper.user.handle, 'moderator'],
      ].sort(),
    );
  });

  it('a taken or reserved address is refused on its field', async () => {
    const admin = await account(hearth, 'admin');
    const taken = await admin.client.post('/api/groups', newGroup('anxiety'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('slug');
    // The address of the page that starts a group.
    expect((await admin.client.post('/api/groups', newGroup('new'))).statusCode).toBe(409);
  });
});

describe('a group’s moderators edit their group', () => {
  it('name, description, rules, tags and visibility; not archiving', async () => {
    const { moderator } = await groupWithModerator('edit-details');
    const edited = await moderator.client.patch('/api/groups/edit-details', {
      name: 'Renamed by its moderator',
      description: 'A new description, written by the group moderator.',
      rules: '1. Be kind.\n2. Keep names private.',
      tags: ['sleep', 'anxiety'],
      visibility: 'public',
      showReactionCounts: true,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().group).toMatchObject({
      name: 'Renamed by its moderator',
      tags: ['sleep', 'anxiety'],
      visibility: 'public',
      showReactionCounts: true,
      archived: false,
    });
    const archive = await moderator.client.patch('/api/groups/edit-details', { archived: true });
    expect(archive.statusCode).toBe(403);
    expect(archive.json().error.message).toMatch(/Only admins can archive/);
    // Nothing of a refused request is applied.
    expect((await moderator.client.patch('/api/groups/edit-details', { name: 'Sneaky rename', archived: true })).statusCode).toBe(403);
    expect((await moderator.client.get('/api/groups/edit-details')).json().group).toMatchObject({ name: 'Renamed by its moderator', archived: false });
  });

  it('never outside their groups, and never as a plain member', async () => {
    const { moderator } = await groupWithModerator('own-group');
    await groupWithModerator('other-group');
    const plain = await memberIn(hearth, 'parents');
    // A private group the moderator is not in stays "not found"; a public one refuses.
    expect((await moderator.client.patch('/api/groups/other-group', { name: 'Not my group' })).statusCode).toBe(404);
    expect((await moderator.client.patch('/api/groups/parents', { name: 'Not my group' })).statusCode).toBe(403);
    expect((await plain.client.patch('/api/groups/parents', { description: 'A member should not change this.' })).statusCode).toBe(403);
    expect((await team(moderator.client, 'parents')).statusCode).toBe(403);
    expect((await team(plain.client, 'parents')).statusCode).toBe(403);
    expect((await team(moderator.client, 'other-group')).statusCode).toBe(404);
  });

  it('a site moderator edits any group; only an admin archives', async () => {
    const siteModerator = await account(hearth, 'moderator');
    const admin = await account(hearth, 'admin');
    await groupWithModerator('site-wide');
    expect((await siteModerator.client.patch('/api/groups/site-wide', { description: 'Tidied up by a site moderator.' })).statusCode).toBe(200);
    expect((await siteModerator.client.patch('/api/groups/site-wide', { archived: true })).statusCode).toBe(403);
    expect((await admin.client.patch('/api/groups/site-wide', { archived: true })).json().group.archived).toBe(true);
  });

  it('bad input names its field', async () => {
    const { moderator } = await groupWithModerator('bad-input');
    const short = await moderator.client.patch('/api/groups/bad-input', { description: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('description');
    const visibility = await moderator.client.patch('/api/groups/bad-input', { visibility: 'secret' });
    expect(visibility.json().error.field).toBe('visibility');
    expect((await moderator.client.get('/api/groups/bad-input/team?q=' + 'x'.repeat(80))).statusCode).toBe(400);
  });
});

describe('the group’s team', () => {
  it('lists moderators and facilitators, finds members by handle, and says what the viewer may change', async () => {
    const { admin, moderator } = await groupWithModerator('team-list');
    const helper = await account(hearth);
    await join(helper.client, 'team-list');
    const asking = await account(hearth);
    await join(asking.client, 'team-list');
    await moderator.client.post(`/api/groups/team-list/requests/${helper.user.id}`, { decision: 'approve' });

    const seen = await team(moderator.client, 'team-list', helper.user.handle.slice(0, 6).toUpperCase());
    expect(seen.statusCode).toBe(200);
    const body = seen.json();
    expect(body.group.slug).toBe('team-list');
    // A group moderator who did not start the group does not reshape its team (groups/policies.ts).
    expect(body.powers).toEqual({ editDetails: true, archive: false, changeModerators: false });
    expect(body.team).toEqual([expect.objectContaining({ userId: moderator.user.id, handle: moderator.user.handle, role: 'moderator' })]);
    expect(body.members.map((entry: { userId: string }) => entry.userId)).toContain(helper.user.id);
    // A pending request is not a member yet.
    expect((await team(moderator.client, 'team-list', asking.user.handle)).json().members).toEqual([]);
    expect((await team(moderator.client, 'team-list')).json().members).toEqual([]);

    expect((await team(admin.client, 'team-list')).json().powers).toEqual({ editDetails: true, archive: true, changeModerators: true });
  });
});
