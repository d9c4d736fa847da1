import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { safetyAlerts, safetyAlertState, safetyReviewItems } from '../../db/schema/index.js';
import { updateUser } from '../accounts/queries.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');
const MIN = 60_000;
const DAY = 86_400_000;

let hearth: TestApp;
let admin: TestClient;
let moderator: TestClient;
let member: TestClient;
let subjectId: string;

interface Seed {
  ago: number;
  level?: 'high' | 'imminent';
  claimAfter?: number;
  outreachAfter?: number;
  escalated?: boolean;
  outcome?: 'real_concern' | 'not_a_concern' | 'referred_to_emergency_services' | 'other';
  reason?: 'assessment' | 'talk_to_someone';
}

/** An alert at a known time, as the alerts slice leaves it (rows written directly: this test is about the figures). */
async function seedAlert(seed: Seed): Promise<string> {
  const createdAt = new Date(NOW.getTime() - seed.ago);
  const at = (after: number | undefined) => (after === undefined ? null : new Date(createdAt.getTime() + after));
  const [row] = await hearth.deps.db
    .insert(safetyAlerts)
    .values({
      reason: seed.reason ?? 'assessment',
      assessmentId: null,
      contentType: 'post',
      contentId: crypto.randomUUID(),
      subjectId,
      level: seed.level ?? 'high',
      status: seed.outcome ? 'resolved' : seed.claimAfter !== undefined ? 'claimed' : 'open',
      deadlineAt: new Date(createdAt.getTime() + 15 * MIN),
      createdAt,
      claimedAt: at(seed.claimAfter),
      resolvedAt: seed.outcome ? at((seed.claimAfter ?? 0) + 30 * MIN) : null,
    })
    .returning({ id: safetyAlerts.id });
  await hearth.deps.db.insert(safetyAlertState).values({
    alertId: row!.id,
    escalationStep: seed.escalated ? 1 : 0,
    escalatedAt: seed.escalated ? at(15 * MIN) : null,
    firstOutreachAt: at(seed.outreachAfter),
    outcome: seed.outcome ?? null,
  });
  return row!.id;
}

beforeAll(async () => {
  hearth = await createTestApp({}, { clock: new ManualClock(NOW) });
  admin = new TestClient(hearth.app);
  const a = await admin.signUp();
  await updateUser(hearth.deps.db, a.user.id, { role: 'admin' });
  moderator = new TestClient(hearth.app);
  const m = await moderator.signUp();
  await updateUser(hearth.deps.db, m.user.id, { role: 'moderator' });
  member = new TestClient(hearth.app);
  subjectId = (await member.signUp()).user.id;

  // Last 7 days: claims after 1, 2, 3, 4 and 10 minutes (one never claimed), outreach after 5 and 15.
  await seedAlert({ ago: 1 * DAY, claimAfter: 1 * MIN, outreachAfter: 5 * MIN, outcome: 'real_concern' });
  await seedAlert({ ago: 2 * DAY, claimAfter: 2 * MIN, outreachAfter: 15 * MIN, outcome: 'not_a_concern' });
  await seedAlert({ ago: 2 * DAY + 60 * MIN, level: 'imminent', claimAfter: 3 * MIN, outcome: 'referred_to_emergency_services' });
  await seedAlert({ ago: 3 * DAY, level: 'imminent', claimAfter: 4 * MIN, escalated: true });
  await seedAlert({ ago: 5 * DAY, claimAfter: 10 * MIN, escalated: true, outcome: 'other' });
  await seedAlert({ ago: 6 * DAY, escalated: true });
  // Only in the 30-day window: claimed after 30 minutes.
  await seedAlert({ ago: 20 * DAY, claimAfter: 30 * MIN, outcome: 'not_a_concern' });
  // Outside both windows.
  await seedAlert({ ago: 40 * DAY, claimAfter: 60 * MIN, outcome: 'real_concern' });
  // A member asking for a person: counted for the team, not as the assessor's judgment.
  await seedAlert({ ago: 1 * DAY, reason: 'talk_to_someone', claimAfter: 1 * MIN, outcome: 'not_a_concern' });

  const review = (kind: 'elevated' | 'worry', decision: 'fine' | 'needs_outreach' | 'raise_to_alert' | null) =>
    hearth.deps.db.insert(safetyReviewItems).values({
      kind,
      contentType: 'post',
      contentId: crypto.randomUUID(),
      subjectId,
      decision,
      reviewedAt: decision ? NOW : null,
      createdAt: new Date(NOW.getTime() - DAY),
    });
  await review('elevated', 'fine');
  await review('elevated', 'raise_to_alert');
  await review('elevated', 'needs_outreach');
  await review('elevated', null);
  await review('worry', 'raise_to_alert');
});
afterAll(async () => {
  await hearth?.close();
});

describe('GET /api/safety/figures', () => {
  it('gives the median and 90th percentile of time to claim and to first outreach over the last 7 days', async () => {
    const response = await moderator.get('/api/safety/figures?days=7');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.days).toBe(7);
    expect(body.alerts).toBe(7);
    // Claimed after 1, 1 (asked for a person), 2, 3, 4 and 10 minutes: percentile_cont interpolates.
    expect(body.timeToClaim).toEqual({ count: 6, medianMinutes: 2.5, p90Minutes: 7 });
    expect(body.timeToFirstOutreach).toEqual({ count: 2, medianMinutes: 10, p90Minutes: 14 });
    expect(body.byLevel).toEqual([
      { level: 'high', count: 5 },
      { level: 'imminent', count: 2 },
    ]);
    expect(body.outcomes).toEqual([
      { outcome: 'real_concern', count: 1 },
      { outcome: 'not_a_concern', count: 2 },
      { outcome: 'referred_to_emergency_services', count: 1 },
      { outcome: 'other', count: 1 },
    ]);
    expect(body.unresolved).toBe(2);
    expect(body.escalated).toBe(3);
  });

  it('draws one row per day of the window, oldest first, zeros included', async () => {
    const body = (await moderator.get('/api/safety/figures?days=7')).json();
    expect(body.daily).toHaveLength(7);
    expect(body.daily[6].day).toBe('2026-12-04');
    expect(body.daily[0].day).toBe('2026-11-28');
    const byDay = Object.fromEntries(body.daily.map((row: { day: string }) => [row.day, row]));
    expect(byDay['2026-12-03']).toEqual({ day: '2026-12-03', alerts: 2, escalated: 0, medianClaimMinutes: 1 });
    expect(byDay['2026-12-02'].alerts).toBe(2);
    expect(byDay['2026-11-28']).toEqual({ day: '2026-11-28', alerts: 1, escalated: 1, medianClaimMinutes: null });
    expect(byDay['2026-12-04'].alerts).toBe(0);
  });

  it('widens to 30 days on request, and refuses any other window naming the field', async () => {
    const body = (await admin.get('/api/safety/figures?days=30')).json();
    expect(body.alerts).toBe(8);
    expect(body.daily).toHaveLength(30);
    expect(body.timeToClaim.count).toBe(7);
    expect(body.timeToClaim.medianMinutes).toBe(3);
    const refused = await admin.get('/api/safety/figures?days=365');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('days');
  });

  it('is for the safety team only', async () => {
    expect((await member.get('/api/safety/figures')).statusCode).toBe(403);
    expect((await new TestClient(hearth.app).get('/api/safety/figures')).statusCode).toBe(401);
  });
});

describe('GET /api/safety/assessor', () => {
  it('gives precision per level from the outcomes, the misses the review list found, and the model in use', async () => {
    const response = await admin.get('/api/safety/assessor');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.modelVersion).toMatch(/\+lr-/);
    expect(body.local).toBe(false);
    const high = body.levels.find((row: { level: string }) => row.level === 'high');
    // high, raised by the assessor: real_concern ×2 (one 40 days ago), not_a_concern ×2, other, and one still open.
    expect(high.alerts).toBe(6);
    expect(high.resolved).toBe(5);
    expect(high.outcomes).toEqual({ real_concern: 2, not_a_concern: 2, referred_to_emergency_services: 0, other: 1 });
    expect(high.precision).toBe(0.4);
    const imminent = body.levels.find((row: { level: string }) => row.level === 'imminent');
    expect(imminent).toMatchObject({ alerts: 2, resolved: 1, precision: 1 });
    expect(body.review).toEqual({ elevatedReviewed: 3, elevatedRaised: 1, worryRaised: 1 });
  });

  it('is for admins only: moderators and members are refused', async () => {
    expect((await moderator.get('/api/safety/assessor')).statusCode).toBe(403);
    expect((await member.get('/api/safety/assessor')).statusCode).toBe(403);
  });
});
