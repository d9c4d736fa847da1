import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { moderationActions, sanctions } from '../../db/schema/index.js';
import { account, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

let hearth: TestApp;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const HOUR = 3_600_000;

/** A suspension as the actions part records it: an action row and its sanction. */
async function suspend(userId: string, actorId: string, hours: number) {
  const now = clock.now();
  const [action] = await hearth.deps.db
    .insert(moderationActions)
    .values({ kind: 'suspend', actorId, targetType: 'member', targetId: userId, subjectId: userId, reason: 'Repeated harassment.', until: new Date(now.getTime() + hours * HOUR), createdAt: now })
    .returning({ id: moderationActions.id });
  await hearth.deps.db.insert(sanctions).values({ userId, kind: 'suspend', actionId: action!.id, reason: 'Repeated harassment.', startsAt: now, until: new Date(now.getTime() + hours * HOUR) });
}

describe('admins find members', () => {
  it('each member listed says whether a sanction is in force, and until when', async () => {
    const admin = await account(hearth, 'admin');
    const calm = await account(hearth);
    const suspended = await account(hearth);
    await suspend(suspended.user.id, admin.user.id, 48);

    const list = async (handle: string) => (await admin.client.get(`/api/admin/users?q=${handle}`)).json().users[0];
    expect(await list(calm.user.handle)).toMatchObject({ handle: calm.user.handle, role: 'member', sanction: null });
    expect(await list(suspended.user.handle)).toEqual({
      id: suspended.user.id,
      handle: suspended.user.handle,
      role: 'member',
      createdAt: expect.any(String),
      sanction: { kind: 'suspend', until: '2026-03-04T09:00:00.000Z' },
    });
    // The suspension ends on its own: the list follows the clock.
    clock.advance(49 * HOUR);
    expect((await list(suspended.user.handle)).sanction).toBeNull();
  });

  it('a moderator cannot list members or change roles', async () => {
    const moderator = await account(hearth, 'moderator');
    expect((await moderator.client.get('/api/admin/users')).statusCode).toBe(403);
    expect((await moderator.client.patch(`/api/admin/users/${moderator.user.id}`, { role: 'admin' })).statusCode).toBe(403);
  });
});

describe('the logged reveal', () => {
  it('staff see an anonymous author with a reason, and the reveal is in the admins’ log, newest first', async () => {
    const author = await memberIn(hearth, 'loneliness');
    const moderator = await account(hearth, 'moderator');
    const admin = await account(hearth, 'admin');
    const { post } = await writePost(author.client, 'loneliness', { title: 'Awake again', body: 'Third night without sleep.', anonymous: true });
    const reply = await writeReply(author.client, post.id, { body: 'Still awake.', anonymous: true });

    const short = await moderator.client.post('/api/staff/reveal', { contentType: 'post', contentId: post.id, reason: 'because' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('reason');
    const member = await memberIn(hearth, 'loneliness');
    expect((await member.client.post('/api/staff/reveal', { contentType: 'post', contentId: post.id, reason: 'I just want to know who.' })).statusCode).toBe(403);

    const revealed = await moderator.client.post('/api/staff/reveal', { contentType: 'post', contentId: post.id, reason: 'Reported for harassment twice today.' });
    expect(revealed.json().author).toEqual({ id: author.user.id, handle: author.user.handle });
    await admin.client.post('/api/staff/reveal', { contentType: 'reply', contentId: reply.id, reason: 'Checking a ban is not being evaded.' });

    // The member sees that staff looked, at what, when and why; not who looked. Nobody else sees it.
    const mine = (await author.client.get('/api/me/reveals')).json().reveals;
    expect(mine).toEqual([
      { contentType: 'reply', contentId: reply.id, reason: 'Checking a ban is not being evaded.', at: expect.any(String) },
      { contentType: 'post', contentId: post.id, reason: 'Reported for harassment twice today.', at: expect.any(String) },
    ]);
    expect(JSON.stringify(mine)).not.toContain(moderator.user.handle);
    expect((await member.client.get('/api/me/reveals')).json().reveals).toEqual([]);
    expect((await moderator.client.get('/api/me/reveals')).json().reveals).toEqual([]);

    expect((await moderator.client.get('/api/staff/reveals')).statusCode).toBe(403);
    const log = (await admin.client.get('/api/staff/reveals')).json().reveals.filter((entry: { revealedHandle: string }) => entry.revealedHandle === author.user.handle);
    expect(log.map((entry: { staffHandle: string; reason: string }) => [entry.staffHandle, entry.reason])).toEqual([
      [admin.user.handle, 'Checking a ban is not being evaded.'],
      [moderator.user.handle, 'Reported for harassment twice today.'],
    ]);
  });
});
