import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { appeals, automodHits, automodRules, groups, moderationActions, moderationItems, reports } from '../../db/schema/index.js';
import { account } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const MIN = 60_000;
const DAY = 86_400_000;

let hearth: TestApp;
let admin: TestClient;
let moderatorId: string;
let memberId: string;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

/** A queue item at a known time (rows written directly: this file is about the figures). */
async function item(createdAgo: number, extra: Partial<typeof moderationItems.$inferInsert> = {}) {
  const [row] = await hearth.deps.db
    .insert(moderationItems)
    .values({ kind: 'report', targetType: 'post', targetId: crypto.randomUUID(), severity: 2, createdAt: ago(createdAgo), updatedAt: ago(createdAgo), ...extra })
    .returning();
  return row!;
}

async function action(at: Date, on: { targetType: 'post' | 'reply' | 'message' | 'member'; targetId: string }, extra: Partial<typeof moderationActions.$inferInsert> = {}) {
  const target = { targetType: on.targetType, targetId: on.targetId };
  const [row] = await hearth.deps.db
    .insert(moderationActions)
    .values({ kind: 'remove', actorId: moderatorId, subjectId: memberId, reason: 'Because.', createdAt: at, ...target, ...extra })
    .returning({ id: moderationActions.id });
  return row!.id;
}

async function report(createdAgo: number, reason: 'harassment' | 'spam' | 'hate') {
  const target = await item(createdAgo);
  await hearth.deps.db.insert(reports).values({ reporterId: memberId, targetType: 'post', targetId: target.targetId, reason, itemId: target.id, createdAt: ago(createdAgo) });
  return target;
}

beforeAll(async () => {
  hearth = await createTestApp({}, { clock: new ManualClock(NOW) });
  admin = (await account(hearth, 'admin')).client;
  moderatorId = (await account(hearth, 'moderator')).user.id;
  memberId = (await account(hearth)).user.id;

  // Last 7 days: a person first acted after 10, 30 and 60 minutes; one item still waits.
  const first = await report(1 * DAY, 'harassment');
  await action(new Date(first.createdAt.getTime() + 10 * MIN), first, { itemId: first.id });
  const second = await report(2 * DAY, 'harassment');
  await action(second.createdAt, second, { actorId: null, kind: 'hide' }); // automod's own hold is no response
  await action(new Date(second.createdAt.getTime() + 30 * MIN), second);
  const third = await report(3 * DAY, 'spam');
  await hearth.deps.db
    .update(moderationItems)
    .set({ status: 'resolved', resolvedBy: moderatorId, resolvedAt: new Date(third.createdAt.getTime() + 60 * MIN) })
    .where(eq(moderationItems.id, third.id));
  await item(4 * DAY);
  // Only in the 30-day window: first acted on after 120 minutes.
  const older = await report(20 * DAY, 'hate');
  await action(new Date(older.createdAt.getTime() + 120 * MIN), older, { itemId: older.id });

  // Appeals: one of each in the last week, one upheld 20 days ago.
  const appealOn = async (createdAgo: number, status: 'open' | 'upheld' | 'overturned') => {
    const actionId = await action(ago(createdAgo + DAY), { targetType: 'post', targetId: crypto.randomUUID() }, { kind: 'remove' });
    await hearth.deps.db.insert(appeals).values({ actionId, userId: memberId, body: 'Please look again.', status, createdAt: ago(createdAgo) });
  };
  await appealOn(1 * DAY, 'open');
  await appealOn(2 * DAY, 'upheld');
  await appealOn(3 * DAY, 'overturned');
  await appealOn(20 * DAY, 'upheld');

  // Automod: a site-wide rule hit three times this week, a group's rule once; one hit 40 days ago.
  const [group] = await hearth.deps.db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.slug, 'anxiety'));
  const [slurs] = await hearth.deps.db.insert(automodRules).values({ kind: 'slurs', action: 'hold', name: 'No slurs', createdAt: ago(60 * DAY), updatedAt: ago(60 * DAY) }).returning();
  const [links] = await hearth.deps.db
    .insert(automodRules)
    .values({ kind: 'link_limit', action: 'flag', name: 'Links from new members', groupId: group!.id, createdAt: ago(60 * DAY), updatedAt: ago(60 * DAY) })
    .returning();
  const hit = (ruleId: string, createdAgo: number) => hearth.deps.db.insert(automodHits).values({ ruleId, contentType: 'post', contentId: crypto.randomUUID(), createdAt: ago(createdAgo) });
  for (const d of [1, 2, 5]) await hit(slurs!.id, d * DAY);
  await hit(links!.id, 2 * DAY);
  await hit(links!.id, 40 * DAY);
});
afterAll(async () => {
  await hearth?.close();
});

const figures = async (days: number) => {
  const response = await admin.get(`/api/admin/moderation/figures?days=${days}`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('moderation figures for admins', () => {
  it('counts reports by reason, every reason shown', async () => {
    const week = await figures(7);
    expect(week.reportsByReason).toHaveLength(9);
    expect(week.reportsByReason).toEqual(expect.arrayContaining([{ reason: 'harassment', count: 2 }, { reason: 'spam', count: 1 }, { reason: 'hate', count: 0 }]));
    expect((await figures(30)).reportsByReason).toContainEqual({ reason: 'hate', count: 1 });
  });

  it('measures time to the first action a person took (median and 90th percentile) and what still waits', async () => {
    expect((await figures(7)).timeToFirstAction).toEqual({ items: 4, acted: 3, medianMinutes: 30, p90Minutes: 54, waiting: 1 });
    expect((await figures(30)).timeToFirstAction).toEqual({ items: 5, acted: 4, medianMinutes: 45, p90Minutes: 102, waiting: 1 });
  });

  it('counts appeals by outcome and automod hits by rule', async () => {
    const week = await figures(7);
    expect(week.appeals).toEqual([
      { status: 'open', count: 1 },
      { status: 'upheld', count: 1 },
      { status: 'overturned', count: 1 },
    ]);
    expect(week.automodHits).toEqual([
      { rule: 'No slurs', scope: 'Site-wide', count: 3 },
      { rule: 'Links from new members', scope: expect.any(String), count: 1 },
    ]);
    expect((await figures(30)).appeals).toContainEqual({ status: 'upheld', count: 2 });
    expect((await figures(90)).automodHits).toContainEqual(expect.objectContaining({ rule: 'Links from new members', count: 2 }));
  });

  it('covers whole UTC days up to now, and refuses another period naming the field', async () => {
    const week = await figures(7);
    expect(week).toMatchObject({ days: 7, from: '2026-11-29T00:00:00.000Z', to: NOW.toISOString() });
    const response = await admin.get('/api/admin/moderation/figures?days=14');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('days');
  });
});
