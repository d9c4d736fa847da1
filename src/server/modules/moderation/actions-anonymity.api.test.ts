import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { account, memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { act, groupModeratorOf } from './actions-test-steps.js';
import { report } from './moderation-test-support.js';

/** Regression tests for the attacker's review: anonymity and abuse of moderation actions. */
let hearth: TestApp;
const clock = new ManualClock(new Date('2026-06-01T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'anxiety';
const BOGUS_SANCTION = '00000000-0000-4000-8000-000000000000';

async function itemIdFor(client: TestClient, targetId: string): Promise<string> {
  const queue = (await client.get('/api/moderation/queue')).json() as { items: { id: string; target: { id: string } }[] };
  return queue.items.find((entry) => entry.target.id === targetId)!.id;
}

async function reportedAnonymousPost(author: TestClient, title = 'Anon') {
  const reporter = await memberIn(hearth, SLUG);
  const { post } = await writePost(author, SLUG, { anonymous: true, title, body: 'Something I cannot say under my name.' });
  expect((await report(reporter.client, { targetType: 'post', targetId: post.id, reason: 'spam' })).statusCode).toBeLessThan(300);
  return post;
}

describe('no action request tells a moderator who wrote anonymous content', () => {
  it('an anonymous post’s queue item answers a member target the same way whoever the member is', async () => {
    const author = await memberIn(hearth, SLUG);
    const other = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const post = await reportedAnonymousPost(author.client);
    const itemId = await itemIdFor(moderator.client, post.id);
    const probe = async (memberId: string) => {
      const response = await act(moderator.client, 'lift', { type: 'member', id: memberId }, { itemId, sanctionId: BOGUS_SANCTION });
      return { status: response.statusCode, body: response.json() };
    };
    const wrong = await probe(other.user.id);
    const right = await probe(author.user.id);
    expect(right).toEqual(wrong);
    expect(right.status).toBe(400);
    expect(right.body.error.message).toContain('That queue item is about something else');
  });

  it('a lift on anonymous content with another action’s sanction is "not found" whoever it sanctions', async () => {
    const author = await memberIn(hearth, SLUG);
    const stranger = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const anon = await reportedAnonymousPost(author.client, 'Anon lift');
    const otherAnon = await reportedAnonymousPost(stranger.client, 'Anon lift two');
    const muted = await act(moderator.client, 'mute', { type: 'member', id: author.user.id }, { group: SLUG, hours: 24 });
    expect(muted.statusCode).toBe(200);
    const sanction = await hearth.deps.db.query.sanctions.findFirst({ where: (row, { eq }) => eq(row.actionId, muted.json().action.id) });
    const onAuthors = await act(moderator.client, 'lift', { type: 'post', id: anon.id }, { sanctionId: sanction!.id });
    const onOthers = await act(moderator.client, 'lift', { type: 'post', id: otherAnon.id }, { sanctionId: sanction!.id });
    expect(onAuthors.statusCode).toBe(404);
    expect(onAuthors.json()).toEqual(onOthers.json());
    // Lifted on the member it sanctions, it ends.
    expect((await act(moderator.client, 'lift', { type: 'member', id: author.user.id }, { sanctionId: sanction!.id })).statusCode).toBe(200);
  });

  it('a group moderator’s mute on an anonymous post by a site moderator is refused without saying who wrote it', async () => {
    const staffAuthor = await memberIn(hearth, SLUG, 'moderator');
    const moderator = await groupModeratorOf(hearth, SLUG);
    const post = await reportedAnonymousPost(staffAuthor.client, 'Anon staff');
    const muted = await act(moderator.client, 'mute', { type: 'post', id: post.id }, { hours: 1 });
    expect(muted.statusCode).toBe(403);
    expect(muted.json().error.message).not.toMatch(/site moderator|admin can only be sanctioned/);
  });
});

describe('member history never links anonymous and named content', () => {
  it('a mute given on an anonymous post is not in the history of the member’s named post, nor in the admins’ list', async () => {
    const author = await memberIn(hearth, SLUG);
    const reporter = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const anon = await reportedAnonymousPost(author.client, 'Anon history');
    const { post: named } = await writePost(author.client, SLUG, { title: 'Named history', body: 'Words under my handle.' });
    // Only a global moderator may mute the author of anonymous content (a group moderator is refused alike for any author).
    const global = await account(hearth, 'moderator');
    const muted = await act(global.client, 'mute', { type: 'post', id: anon.id }, { itemId: await itemIdFor(global.client, anon.id), hours: 24, reason: 'Marker reason 7f3a for the anonymous post.' });
    expect(muted.statusCode).toBe(200);
    await report(reporter.client, { targetType: 'post', targetId: named.id, reason: 'spam' });
    const detail = (await moderator.client.get(`/api/moderation/items/${await itemIdFor(moderator.client, named.id)}`)).json();
    expect(JSON.stringify(detail.history)).not.toContain('Marker reason 7f3a');
    expect(detail.history.sanctions).toEqual([]);

    const admin = await account(hearth, 'admin');
    const listed = (await admin.client.get(`/api/admin/users?q=${author.user.handle}`)).json().users[0];
    expect(listed).toMatchObject({ handle: author.user.handle, sanction: null });
  });
});

describe('the team search says nothing about when a member joined', () => {
  it('members found by handle come without a join date', async () => {
    const moderator = await groupModeratorOf(hearth, SLUG);
    const newcomer = await memberIn(hearth, SLUG);
    const team = (await moderator.client.get(`/api/groups/${SLUG}/team?q=${newcomer.user.handle}`)).json();
    expect(team.members[0]).toEqual({ userId: newcomer.user.id, handle: newcomer.user.handle, role: 'member' });
    expect(JSON.stringify(team)).not.toContain('joinedAt');
  });
});

describe('a group moderator warns and mutes only members of their group', () => {
  it('a member who never joined the group nor wrote there is refused, and is told nothing', async () => {
    const moderator = await groupModeratorOf(hearth, SLUG);
    const stranger = await memberIn(hearth, 'students');
    const warned = await act(moderator.client, 'warn', { type: 'member', id: stranger.user.id }, { group: SLUG, reason: 'Any words a rogue moderator wants this member to read.' });
    expect(warned.statusCode).toBe(403);
    expect((await act(moderator.client, 'mute', { type: 'member', id: stranger.user.id }, { group: SLUG, hours: 8760 })).statusCode).toBe(403);
    expect(JSON.stringify((await stranger.client.get('/api/me/moderation')).json())).not.toContain('rogue moderator');
    // A member of the group can be warned; a global moderator reaches anyone.
    const member = await memberIn(hearth, SLUG);
    expect((await act(moderator.client, 'warn', { type: 'member', id: member.user.id }, { group: SLUG })).statusCode).toBe(200);
    const global = await account(hearth, 'moderator');
    expect((await act(global.client, 'warn', { type: 'member', id: stranger.user.id }, { group: SLUG })).statusCode).toBe(200);
  });
});

describe('an open appeal is decided through the appeal', () => {
  it('while a mute is appealed, the same moderator cannot mute again; after the decision they can', async () => {
    const author = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const second = await groupModeratorOf(hearth, SLUG);
    const target = { type: 'member' as const, id: author.user.id };
    const { post: named } = await writePost(author.client, SLUG, { title: 'Named appeal', body: 'Words under my handle.' });
    const { post: anon } = await writePost(author.client, SLUG, { anonymous: true, title: 'Anon appeal', body: 'Anonymous words.' });
    const muted = await act(moderator.client, 'mute', target, { group: SLUG, hours: 24 });
    expect(muted.statusCode).toBe(200);
    expect((await author.client.post(`/api/moderation/actions/${muted.json().action.id}/appeal`, { body: 'That was unfair.' })).statusCode).toBe(201);
    const again = await act(moderator.client, 'mute', target, { group: SLUG, hours: 48 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('appeal');
    // Nor through the member's named post in the same group.
    expect((await act(moderator.client, 'mute', { type: 'post', id: named.id }, { hours: 48 })).statusCode).toBe(409);
    // Anonymous content is matched on itself only: a refusal there would tell who wrote it (a global moderator mutes there).
    const global = await account(hearth, 'moderator');
    expect((await act(global.client, 'mute', { type: 'post', id: anon.id }, { hours: 1 })).statusCode).toBe(200);
    const appeal = (await second.client.get('/api/moderation/appeals')).json().appeals.find((entry: { action: { id: string } }) => entry.action.id === muted.json().action.id);
    const decided = await second.client.post(`/api/moderation/appeals/${appeal.id}/decision`, { decision: 'overturn', reason: 'Read in context, it was fine.' });
    expect(decided.statusCode).toBe(200);
    expect((await act(moderator.client, 'mute', target, { group: SLUG, hours: 48 })).statusCode).toBe(200);
  });
});

describe('a group moderator never warns or mutes the author of anonymous content', () => {
  it('is refused with the same words whoever wrote it, staff or member; a global moderator may', async () => {
    const moderator = await groupModeratorOf(hearth, SLUG);
    const member = await memberIn(hearth, SLUG);
    const staff = await account(hearth, 'moderator');
    await staff.client.post(`/api/groups/${SLUG}/join`, { acceptRules: true });
    const answers = [];
    for (const author of [member, staff]) {
      const post = await reportedAnonymousPost(author.client, `Anon by ${author === staff ? 'staff' : 'member'}`);
      for (const kind of ['warn', 'mute'] as const) {
        const refused = await act(moderator.client, kind, { type: 'post', id: post.id }, { itemId: await itemIdFor(moderator.client, post.id), ...(kind === 'mute' ? { hours: 24 } : {}) });
        answers.push({ kind, status: refused.statusCode, body: refused.json() as unknown });
      }
    }
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect(answers[0]!.body).toEqual(answers[2]!.body);
    expect(answers[1]!.body).toEqual(answers[3]!.body);
  });
});
