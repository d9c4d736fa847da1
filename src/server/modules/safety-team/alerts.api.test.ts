import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import { ManualClock } from '../../clock.js';
import { anonymityReveals, auditLog, safetyAlerts, safetyAlertState, safetyReviewItems } from '../../db/schema/index.js';
import { memberIn, writePost } from '../../test-support/community.js';
import { connectLive, type LiveSocket } from '../../test-support/live-socket.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { GOOD_PASSWORD } from '../../test-support/test-client.js';
import { updateUser } from '../accounts/queries.js';
import { openAlert } from './open-alert.js';
import { writeSafetySettings, readSafetySettings } from './settings.js';

const IMMINENT = { title: 'Goodbye', body: 'I have written my note and tonight is the night. Thank you all for everything.' };
const HIGH = { title: 'Tired', body: 'I want to kill myself. I think about it every day now.' };

let hearth: TestApp;
let baseUrl: string;
const clock = new ManualClock(new Date());
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
  baseUrl = await hearth.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const live of sockets) live.socket.close();
  await hearth?.close();
});

/** A moderator (site role) who joined `slug` only, with a cookie for a live socket. */
async function moderator(slug = 'students', role: 'moderator' | 'admin' = 'moderator') {
  const staff = await memberIn(hearth, slug, 'moderator');
  if (role === 'admin') await updateUser(hearth.deps.db, staff.user.id, { role });
  const signIn = await hearth.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ handle: staff.user.handle, password: GOOD_PASSWORD }) });
  const session = signIn.cookies.find((cookie) => cookie.value !== '')!;
  return { ...staff, cookie: `${session.name}=${session.value}` };
}

async function crisis(text = IMMINENT, extra: Record<string, unknown> = {}) {
  const writer = await memberIn(hearth, 'depression');
  const { post } = await writePost(writer.client, 'depression', { ...text, ...extra });
  const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, post.id));
  return { writer, postId: post.id, alertId: alert!.id };
}

const state = async (alertId: string) => (await hearth.deps.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alertId)))[0]!;
const changed = (alertId: string, change: string) => (message: { event?: { type: string; payload: Record<string, unknown> } }) =>
  message.event?.type === SAFETY_LIVE.alertChanged && message.event.payload.alertId === alertId && message.event.payload.change === change;

describe('the safety dashboard: an alert from claim to outcome', () => {
  it('lists, claims (a second claim is refused with the holder), notes, releases, claims again and resolves, live', async () => {
    const first = await moderator();
    const second = await moderator('loneliness');
    const watching = connectLive(baseUrl, second.cookie);
    sockets.push(watching);
    await watching.waitFor((message) => message.type === 'ready');

    const high = await crisis(HIGH);
    clock.advance(1000);
    const { alertId, postId } = await crisis(IMMINENT);
    await watching.waitFor((message) => message.event?.type === SAFETY_LIVE.alertRaised && message.event.payload.alertId === alertId);

    // Imminent first, whatever the order they came in; a moderator of another group sees the depression group's alerts.
    const list = (await first.client.get('/api/safety/alerts')).json();
    const ids = list.alerts.map((alert: { id: string }) => alert.id);
    expect(ids.indexOf(alertId)).toBeLessThan(ids.indexOf(high.alertId));
    const row = list.alerts.find((alert: { id: string }) => alert.id === alertId);
    expect(row).toMatchObject({ level: 'imminent', status: 'open', claimedBy: null, group: { slug: 'depression' }, contentType: 'post', escalationStep: 0 });
    expect(row.excerpt).toContain('tonight is the night');
    const before = (await first.client.get('/api/safety/alerts/summary')).json();
    expect(before.open).toBeGreaterThanOrEqual(2);
    expect(before.imminent).toBeGreaterThanOrEqual(1);

    clock.advance(1000);
    const claim = await first.client.post(`/api/safety/alerts/${alertId}/claim`);
    expect(claim.statusCode).toBe(200);
    expect(claim.json().alert).toMatchObject({ status: 'claimed', claimedBy: { handle: first.user.handle } });
    expect((await state(alertId)).nextStepAt).toBeNull();
    await watching.waitFor(changed(alertId, 'claimed'));
    expect((await first.client.post(`/api/safety/alerts/${alertId}/claim`)).statusCode).toBe(200); // own claim again: nothing changes
    const refused = await second.client.post(`/api/safety/alerts/${alertId}/claim`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'already_claimed' });
    expect(refused.json().error.message).toContain(first.user.handle);
    expect((await second.client.post(`/api/safety/alerts/${alertId}/release`)).statusCode).toBe(403);
    const after = (await first.client.get('/api/safety/alerts/summary')).json();
    expect(after.unclaimed).toBe(before.unclaimed - 1);

    clock.advance(1000);
    const note = await second.client.post(`/api/safety/alerts/${alertId}/notes`, { body: 'Known to me from the group; usually answers DMs quickly.' });
    expect(note.statusCode).toBe(200);
    await watching.waitFor(changed(alertId, 'note'));

    // Released after the deadline passed: the escalation clock runs again at once.
    clock.advance(5 * 60_000);
    expect((await first.client.post(`/api/safety/alerts/${alertId}/release`)).json().alert).toMatchObject({ status: 'open', claimedBy: null });
    expect((await state(alertId)).nextStepAt?.getTime()).toBe(clock.now().getTime());
    await watching.waitFor(changed(alertId, 'released'));

    clock.advance(1000);
    expect((await second.client.post(`/api/safety/alerts/${alertId}/claim`)).json().alert.claimedBy).toEqual({ handle: second.user.handle });
    clock.advance(1000);
    const resolved = await second.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'real_concern', note: 'Reached them; they are with family now.' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().alert).toMatchObject({ status: 'resolved', outcome: 'real_concern' });
    await watching.waitFor(changed(alertId, 'resolved'));
    expect((await second.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'real_concern' })).json().error.code).toBe('already_resolved');
    expect(await state(alertId)).toMatchObject({ nextStepAt: null, outcome: 'real_concern', outcomeNote: 'Reached them; they are with family now.', resolvedBy: second.user.id });

    const listed = (await first.client.get('/api/safety/alerts')).json();
    expect(listed.alerts.map((alert: { id: string }) => alert.id)).not.toContain(alertId);
    expect(listed.recentlyResolved.map((alert: { id: string }) => alert.id)).toContain(alertId);

    const detail = (await first.client.get(`/api/safety/alerts/${alertId}`)).json();
    expect(detail.content).toMatchObject({ type: 'post', id: postId, title: IMMINENT.title, body: IMMINENT.body, anonymous: false, evidenceMatchesText: true });
    expect(detail.assessment.level).toBe('imminent');
    expect(detail.assessment.modelVersion).toMatch(/\+/);
    for (const span of detail.assessment.evidence) expect(span.end).toBeLessThanOrEqual(detail.content.assessedText.length);
    expect(detail.author).toEqual({ handle: expect.any(String), revealed: false });
    expect(detail.history.posts.map((post: { id: string }) => post.id)).toContain(postId);
    expect(detail.timeline.map((action: { kind: string }) => action.kind)).toEqual(['claimed', 'note', 'released', 'claimed', 'resolved']);
    expect(detail.timeline[1]).toMatchObject({ actor: { handle: second.user.handle }, body: 'Known to me from the group; usually answers DMs quickly.' });
    expect(detail.alert).toMatchObject({ resolvedBy: { handle: second.user.handle }, outcomeNote: 'Reached them; they are with family now.' });

    // Audited, without the note's words.
    const audit = await hearth.deps.db.select().from(auditLog).where(eq(auditLog.targetId, alertId));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['safety.alert_claimed', 'safety.alert_claimed', 'safety.alert_note', 'safety.alert_released', 'safety.alert_resolved']);
    expect(JSON.stringify(audit)).not.toContain('family');
    expect(JSON.stringify(audit)).not.toContain('DMs');
  });

  it('two racing claims: exactly one wins', async () => {
    const { alertId } = await crisis(HIGH);
    const a = await moderator();
    const b = await moderator();
    const results = await Promise.all([a.client.post(`/api/safety/alerts/${alertId}/claim`), b.client.post(`/api/safety/alerts/${alertId}/claim`)]);
    expect(results.map((response) => response.statusCode).sort()).toEqual([200, 409]);
  });

  it('resolving an unclaimed alert is allowed and records who; "other" without a note is refused naming the field', async () => {
    const { alertId } = await crisis(HIGH);
    const staff = await moderator();
    const missing = await staff.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'other' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('note');
    expect((await staff.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'maybe' })).json().error.field).toBe('outcome');
    expect((await staff.client.post(`/api/safety/alerts/${alertId}/notes`, { body: '   ' })).json().error.field).toBe('body');
    const resolved = await staff.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'other', note: 'Duplicate of an alert already handled.' });
    expect(resolved.statusCode).toBe(200);
    expect((await state(alertId)).resolvedBy).toBe(staff.user.id);
    expect((await staff.client.post('/api/safety/alerts/00000000-0000-4000-8000-000000000000/claim')).statusCode).toBe(404);
  });

  it('an admin can release a claim another person holds', async () => {
    const { alertId } = await crisis(HIGH);
    const holder = await moderator();
    const admin = await moderator('students', 'admin');
    await holder.client.post(`/api/safety/alerts/${alertId}/claim`);
    expect((await admin.client.post(`/api/safety/alerts/${alertId}/release`)).json().alert.status).toBe('open');
  });
});

describe('second look', () => {
  it('not a concern puts the alert on the review list for a second person, and the review list hears of it', async () => {
    const { alertId, postId } = await crisis(HIGH);
    const staff = await moderator();
    const live = connectLive(baseUrl, staff.cookie);
    sockets.push(live);
    await live.waitFor((message) => message.type === 'ready');
    await staff.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'not_a_concern' });
    const [item] = await hearth.deps.db.select().from(safetyReviewItems).where(and(eq(safetyReviewItems.alertId, alertId), eq(safetyReviewItems.kind, 'second_look')));
    expect(item).toMatchObject({ contentType: 'post', contentId: postId, reviewedAt: null });
    await live.waitFor((message) => message.event?.type === SAFETY_LIVE.reviewChanged && message.event.payload.itemId === item!.id);
  });

  it('no second look when the setting is off', async () => {
    const settings = await readSafetySettings(hearth.deps.db);
    const admin = await moderator('students', 'admin');
    await writeSafetySettings(hearth.deps.db, { ...settings, secondLook: false }, admin.user.id, clock.now());
    try {
      const { alertId } = await crisis(HIGH);
      await admin.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'not_a_concern' });
      expect(await hearth.deps.db.select().from(safetyReviewItems).where(eq(safetyReviewItems.alertId, alertId))).toEqual([]);
    } finally {
      await writeSafetySettings(hearth.deps.db, settings, admin.user.id, clock.now());
    }
  });
});

describe('anonymous authors', () => {
  it('are revealed to staff through the logged reveal, once per staff member per alert', async () => {
    const { alertId, postId, writer } = await crisis(IMMINENT, { anonymous: true });
    const staff = await moderator();
    const other = await moderator();
    const first = (await staff.client.get(`/api/safety/alerts/${alertId}`)).json();
    expect(first.author).toEqual({ handle: writer.user.handle, revealed: true });
    // Polling, even two requests at once, logs nothing more.
    await Promise.all([staff.client.get(`/api/safety/alerts/${alertId}`), staff.client.get(`/api/safety/alerts/${alertId}`)]);
    await Promise.all([other.client.get(`/api/safety/alerts/${alertId}`), other.client.get(`/api/safety/alerts/${alertId}`)]);
    const reveals = await hearth.deps.db.select().from(anonymityReveals).where(eq(anonymityReveals.contentId, postId));
    expect(reveals.map((reveal) => [reveal.staffId, reveal.reason, reveal.revealedUserId]).sort()).toEqual(
      [
        [staff.user.id, 'safety alert', writer.user.id],
        [other.user.id, 'safety alert', writer.user.id],
      ].sort(),
    );
    const audit = await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'anonymity.revealed'), eq(auditLog.targetId, postId)));
    expect(audit).toHaveLength(2);
    // The list never names the author.
    const list = (await staff.client.get('/api/safety/alerts')).body;
    expect(list).not.toContain(writer.user.handle);
    expect(list).not.toContain(writer.user.id);
  });
});

describe('alerts without content', () => {
  it('an alert with no content (nor assessment) is listed, opened and resolved, and shows who it is about', async () => {
    const member = await memberIn(hearth, 'depression');
    const opened = await hearth.deps.db.transaction((tx) =>
      openAlert(tx, hearth.deps, { reason: 'review', assessmentId: null, contentType: null, contentId: null, subjectId: member.user.id, level: 'high', now: clock.now() }),
    );
    const staff = await moderator();
    const listed = (await staff.client.get('/api/safety/alerts')).json().alerts.find((item: { id: string }) => item.id === opened.alertId);
    expect(listed).toMatchObject({ reason: 'review', contentType: null, excerpt: null, group: null, categories: [] });
    const detail = await staff.client.get(`/api/safety/alerts/${opened.alertId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ content: null, assessment: null, author: { handle: member.user.handle, revealed: false } });
    expect((await staff.client.post(`/api/safety/alerts/${opened.alertId}/resolve`, { outcome: 'not_a_concern' })).statusCode).toBe(200);
    // Nothing to read again: no second look.
    expect(await hearth.deps.db.select().from(safetyReviewItems).where(eq(safetyReviewItems.alertId, opened.alertId))).toEqual([]);
  });
});

describe('who may see alerts', () => {
  it('a member gets 403 on every route and never reads alerts or notes', async () => {
    const { alertId } = await crisis(HIGH);
    const staff = await moderator();
    await staff.client.post(`/api/safety/alerts/${alertId}/notes`, { body: 'Private: spoke with the group moderator.' });
    const member = await memberIn(hearth, 'depression');
    const calls = [
      member.client.get('/api/safety/alerts'),
      member.client.get('/api/safety/alerts/summary'),
      member.client.get(`/api/safety/alerts/${alertId}`),
      member.client.post(`/api/safety/alerts/${alertId}/claim`),
      member.client.post(`/api/safety/alerts/${alertId}/release`),
      member.client.post(`/api/safety/alerts/${alertId}/notes`, { body: 'hello' }),
      member.client.post(`/api/safety/alerts/${alertId}/resolve`, { outcome: 'not_a_concern' }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('Private');
    }
    expect((await state(alertId)).outcome).toBeNull();
  });

  it('a team limited by the settings leaves out a moderator who is not on the list', async () => {
    const settings = await readSafetySettings(hearth.deps.db);
    const onList = await moderator();
    const offList = await moderator();
    await writeSafetySettings(hearth.deps.db, { ...settings, teamLimitedTo: [onList.user.id] }, onList.user.id, clock.now());
    try {
      expect((await onList.client.get('/api/safety/alerts')).statusCode).toBe(200);
      expect((await offList.client.get('/api/safety/alerts')).statusCode).toBe(403);
      expect((await offList.client.get('/api/safety/alerts/summary')).statusCode).toBe(403);
    } finally {
      await writeSafetySettings(hearth.deps.db, settings, onList.user.id, clock.now());
    }
  });
});
