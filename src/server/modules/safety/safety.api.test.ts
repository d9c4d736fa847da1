import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskAssessments, safetyAlerts, supportResponses } from '../../db/schema/index.js';
import { HELD_TEXT, join, writeReply } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { updateUser } from '../accounts/queries.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

async function memberIn(slug = 'depression', extra: Record<string, unknown> = {}) {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp(undefined, undefined, extra);
  await join(client, slug);
  return { client, user };
}

async function staffMember() {
  const client = new TestClient(hearth.app);
  const { user } = await client.signUp();
  await updateUser(hearth.deps.db, user.id, { role: 'moderator' });
  return { client, user };
}

const alertsFor = (contentId: string) => hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, contentId));

describe('the risk assessor in the write path', () => {
  it('stores an assessment with every post, and an ordinary post gets no support card and no alert', async () => {
    const { client } = await memberIn();
    const response = await client.post('/api/groups/depression/posts', { title: 'Small win', body: 'I went for a walk today and it helped a little.' });
    expect(response.statusCode).toBe(201);
    const { post, support } = response.json();
    expect(support).toBeNull();
    const [assessment] = await hearth.deps.db.select().from(riskAssessments).where(eq(riskAssessments.contentId, post.id));
    expect(assessment).toMatchObject({ contentType: 'post', level: expect.stringMatching(/none|low/) });
    expect(assessment!.modelVersion).toMatch(/\+/);
    expect(await alertsFor(post.id)).toEqual([]);
  });

  it('a crisis post is answered with the support card, emergency number first, and a human is alerted with a deadline', async () => {
    const { client, user } = await memberIn('depression', { country: 'GB' });
    const before = Date.now();
    const response = await client.post('/api/groups/depression/posts', {
      title: 'Goodbye',
      body: 'I have written my note and tonight is the night. Thank you all for everything.',
    });
    expect(response.statusCode).toBe(201);
    const { post, support } = response.json();
    expect(support).toMatchObject({ level: 'imminent', about: 'self', emergency: { number: '999', countryName: 'United Kingdom', first: true }, countryCode: 'GB' });
    expect(support.services.map((s: { name: string }) => s.name).join(' ')).toMatch(/Samaritans/);
    expect(support.actions.map((a: { id: string }) => a.id)).toEqual(['talk_to_someone', 'safe_for_now']);
    expect(post.status).toBe('visible'); // in pain, not silenced

    const [assessment] = await hearth.deps.db.select().from(riskAssessments).where(eq(riskAssessments.contentId, post.id));
    expect(assessment).toMatchObject({ level: 'imminent', authorId: user.id });
    expect(assessment!.categories.length).toBeGreaterThan(0);
    expect(assessment!.evidence.length).toBeGreaterThan(0);
    const [alert] = await alertsFor(post.id);
    expect(alert).toMatchObject({ level: 'imminent', status: 'open', reason: 'assessment', subjectId: user.id, assessmentId: assessment!.id });
    // Imminent: two minutes by default.
    expect(alert!.deadlineAt.getTime() - before).toBeGreaterThan(60_000);
    expect(alert!.deadlineAt.getTime() - before).toBeLessThanOrEqual(2 * 60_000 + 5_000);
  });

  it('uses Accept-Language when the profile has no country, and the international list when nothing matches', async () => {
    const { client } = await memberIn();
    const australian = await client.post('/api/groups/depression/posts', { title: 'Tired', body: 'I want to kill myself. I think about it every day now.' }, { 'accept-language': 'en-AU,en;q=0.8' });
    expect(australian.json().support).toMatchObject({ level: 'high', emergency: { number: '000' }, countryCode: 'AU' });
    const nowhere = await client.post('/api/groups/depression/posts', { title: 'Tired', body: 'I want to kill myself, I keep thinking about ending it.' }, { 'accept-language': 'xx' });
    expect(nowhere.json().support).toMatchObject({ countryCode: null, services: [] });
    expect(nowhere.json().support.international.length).toBeGreaterThan(0);
  });

  it('"this exam is killing me" raises nothing', async () => {
    const { client } = await memberIn('students');
    const response = await client.post('/api/groups/students/posts', { title: 'Finals week', body: 'this exam is killing me lol, dying for the weekend' });
    expect(response.json().support).toBeNull();
  });

  it('worry about someone else gets resources for helpers and no alert about the writer', async () => {
    const { client } = await memberIn();
    const response = await client.post('/api/groups/depression/posts', { title: 'Worried', body: 'My friend says she will jump tonight. What do I do?' });
    const { post, support } = response.json();
    expect(support).toMatchObject({ level: 'elevated', about: 'other' });
    expect(await alertsFor(post.id)).toEqual([]);
  });

  it('a reply is assessed too, and carries the card', async () => {
    const author = await memberIn();
    const { post } = (await author.client.post('/api/groups/depression/posts', { title: 'Rough night', body: 'Could not sleep again.' })).json();
    const replier = await memberIn();
    const response = await replier.client.post(`/api/posts/${post.id}/replies`, { body: 'Same. Honestly I want to die, I think about suicide all the time.' });
    expect(response.statusCode).toBe(201);
    expect(response.json().support.level).toMatch(/high|imminent/);
    expect(await alertsFor(response.json().reply.id)).toHaveLength(1);
  });
});

describe('held content (Samaritans guidelines on method details)', () => {
  it('is invisible to other members, visible to its author and to staff, and the author is told why', async () => {
    const { client } = await memberIn('trauma-and-ptsd');
    const response = await client.post('/api/groups/trauma-and-ptsd/posts', { title: 'Now', body: 'I took all of my pills an hour ago. I just wanted someone to know.' });
    const { post, support } = response.json();
    expect(post.status).toBe('held');
    expect(support.held.reason).toMatch(/not to other members/);
    expect(support.level).toBe('imminent');

    expect((await client.get(`/api/posts/${post.id}`)).statusCode).toBe(200);
    const staff = await staffMember();
    expect((await staff.client.get(`/api/posts/${post.id}`)).json().post.status).toBe('held');

    const other = await memberIn('trauma-and-ptsd');
    // By its link it reads like a removed post (posts/post-placeholders.api.test.ts): nothing of what was said.
    const seen = await other.client.get(`/api/posts/${post.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().post).toMatchObject({ status: 'unavailable', author: null, body: null, heldReason: null });
    expect(seen.body).not.toContain('pills');
    expect((await other.client.get('/api/groups/trauma-and-ptsd/feed')).json().posts.map((p: { id: string }) => p.id)).not.toContain(post.id);
    expect((await other.client.get('/api/search?q=pills')).json().results).toEqual([]);
    expect((await client.get('/api/feed/mine')).json().posts[0]).toMatchObject({ id: post.id, status: 'held' });
  });

  it('a held reply is hidden from others in the thread', async () => {
    const author = await memberIn('loneliness');
    const { post } = (await author.client.post('/api/groups/loneliness/posts', { title: 'Evening', body: 'Quiet evening again.' })).json();
    const replier = await memberIn('loneliness');
    const reply = await writeReply(replier.client, post.id, { body: HELD_TEXT });
    const forAuthor = (await author.client.get(`/api/posts/${post.id}`)).json();
    expect(forAuthor.replies.map((r: { id: string }) => r.id)).not.toContain(reply.id);
    expect(forAuthor.post.needsReply).toBe(true);
    const forReplier = (await replier.client.get(`/api/posts/${post.id}`)).json();
    expect(forReplier.replies.find((r: { id: string }) => r.id === reply.id).status).toBe('held');
  });
});

describe('support actions', () => {
  it('"Talk to someone now" is recorded and alerts the team; "I\'m safe for now" is recorded', async () => {
    const { client, user } = await memberIn();
    const { support } = (await client.post('/api/groups/depression/posts', { title: 'Heavy', body: 'What is even the point anymore, I wish I could disappear.' })).json();
    expect(support.level).toBe('elevated');
    const talk = await client.post('/api/safety/support-actions', { assessmentId: support.assessmentId, action: 'talk_to_someone' });
    expect(talk.json()).toMatchObject({ recorded: true, alerted: true });
    const alerts = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.assessmentId, support.assessmentId));
    expect(alerts).toEqual([expect.objectContaining({ reason: 'talk_to_someone', subjectId: user.id, status: 'open', level: 'high' })]);
    const safe = await client.post('/api/safety/support-actions', { assessmentId: support.assessmentId, action: 'safe_for_now' });
    expect(safe.json()).toMatchObject({ recorded: true, alerted: false });
    const recorded = await hearth.deps.db.select().from(supportResponses).where(eq(supportResponses.userId, user.id));
    expect(recorded.map((r) => r.action).sort()).toEqual(['safe_for_now', 'talk_to_someone']);
  });

  it("refuses another member's card, a bad action, and strangers", async () => {
    const { client } = await memberIn();
    const { support } = (await client.post('/api/groups/depression/posts', { title: 'Heavy', body: 'I wish I could go to sleep and not wake up.' })).json();
    const other = await memberIn();
    expect((await other.client.post('/api/safety/support-actions', { assessmentId: support.assessmentId, action: 'safe_for_now' })).statusCode).toBe(404);
    expect((await client.post('/api/safety/support-actions', { assessmentId: support.assessmentId, action: 'panic' })).json().error.field).toBe('action');
    expect((await new TestClient(hearth.app).post('/api/safety/support-actions', { assessmentId: support.assessmentId, action: 'safe_for_now' })).statusCode).toBe(401);
  });
});

describe('the hotline directory', () => {
  it('admins edit it; members cannot; the help page shows the change', async () => {
    const admin = new TestClient(hearth.app);
    const { user } = await admin.signUp();
    const member = new TestClient(hearth.app);
    await member.signUp();
    const entry = {
      countryCode: 'LU',
      countryName: 'Luxembourg',
      emergencyNumber: '112',
      services: [{ name: 'Test line', description: 'A line for this test.', phone: '123 456', hours: '24/7', url: 'https://example.org', sourceUrl: 'https://example.org/source', checkedOn: '2026-11-22' }],
    };
    expect((await member.request('PUT', '/api/admin/hotlines/LU', entry)).statusCode).toBe(403);
    await updateUser(hearth.deps.db, user.id, { role: 'admin' });
    const bad = await admin.request('PUT', '/api/admin/hotlines/LU', { ...entry, services: [{ ...entry.services[0], url: 'http://insecure.example' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('services.0.url');
    expect((await admin.request('PUT', '/api/admin/hotlines/LU', entry)).statusCode).toBe(200);
    expect((await member.get('/api/help?country=LU')).json().country.services[0].name).toBe('Test line');
    expect((await admin.delete('/api/admin/hotlines/LU')).statusCode).toBe(200);
    expect((await member.get('/api/help?country=LU')).json().country).toBeNull();
  });

  it('two admins cannot silently overwrite each other: adds are add-only, edits name the version they edit', async () => {
    const first = new TestClient(hearth.app);
    const second = new TestClient(hearth.app);
    for (const client of [first, second]) {
      const { user } = await client.signUp();
      await updateUser(hearth.deps.db, user.id, { role: 'admin' });
    }
    const entry = {
      countryCode: 'LU',
      countryName: 'Luxembourg',
      emergencyNumber: '112',
      services: [{ name: 'First line', description: 'A line for this test.', phone: '123 456', hours: '24/7', url: 'https://example.org', sourceUrl: 'https://example.org/source', checkedOn: '2026-11-22' }],
    };
    const added = await first.request('PUT', '/api/admin/hotlines/LU?expect=new', entry);
    expect(added.statusCode).toBe(200);
    const again = await second.request('PUT', '/api/admin/hotlines/LU?expect=new', entry);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('countryCode');

    // Both open the entry at the same version; the first save wins, the second is refused.
    const { versions } = (await second.get('/api/admin/hotlines')).json();
    expect(versions.LU).toBe(added.json().version);
    const rename = (name: string) => ({ ...entry, services: [{ ...entry.services[0], name }] });
    const saved = await first.request('PUT', `/api/admin/hotlines/LU?expect=${versions.LU}`, rename('Renamed by the first'));
    expect(saved.statusCode).toBe(200);
    const stale = await second.request('PUT', `/api/admin/hotlines/LU?expect=${versions.LU}`, rename('Renamed by the second'));
    expect(stale.statusCode).toBe(409);
    expect((await second.get('/api/help?country=LU')).json().country.services[0].name).toBe('Renamed by the first');
    // With the new version the second admin's edit goes through.
    const fresh = await second.request('PUT', `/api/admin/hotlines/LU?expect=${saved.json().version}`, rename('Renamed by the second'));
    expect(fresh.statusCode).toBe(200);

    expect((await first.request('PUT', '/api/admin/hotlines/LU?expect=yesterday', entry)).json().error.field).toBe('expect');
    await first.delete('/api/admin/hotlines/LU');
    expect((await second.request('PUT', `/api/admin/hotlines/LU?expect=${fresh.json().version}`, entry)).statusCode).toBe(404);
  });
});
