import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/index.js';
import { safetyAlerts, safetyAlertState, safetyReviewItems, users } from '../../src/server/db/schema/index.js';
import { checkA11y, expectNoHorizontalScroll, expectVisible } from './support/browser.js';
import { usePersonPage } from './support/members.js';
import { signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * An admin reads the safety team's figures and how the assessor is doing,
 * over alerts seeded at known times: each chart has its table beside it, and
 * both pages pass axe in light and dark.
 */

const MIN = 60_000;
const DAY = 86_400_000;

/** Alerts as the alerts slice leaves them, written before the server starts (PGlite is one process at a time). */
async function seed(directory: string, adminHandle: string): Promise<void> {
  const database = await openDatabase({ dataDir: directory });
  try {
    const [adminUser] = await database.db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.handle})`, adminHandle.toLowerCase()));
    const now = Date.now();
    const alerts = [
      { ago: 1 * DAY, level: 'high', claim: 2, outreach: 6, outcome: 'real_concern' },
      { ago: 1 * DAY + 3 * 60 * MIN, level: 'imminent', claim: 1, outreach: 3, outcome: 'referred_to_emergency_services' },
      { ago: 2 * DAY, level: 'high', claim: 4, outreach: null, outcome: 'not_a_concern' },
      { ago: 4 * DAY, level: 'high', claim: 18, outreach: 25, outcome: 'real_concern', escalated: true },
      { ago: 5 * DAY, level: 'high', claim: null, outreach: null, outcome: null, escalated: true },
    ] as const;
    for (const alert of alerts) {
      const createdAt = new Date(now - alert.ago);
      const after = (minutes: number | null) => (minutes === null ? null : new Date(createdAt.getTime() + minutes * MIN));
      const [row] = await database.db
        .insert(safetyAlerts)
        .values({
          reason: 'assessment',
          contentType: 'post',
          contentId: crypto.randomUUID(),
          subjectId: adminUser!.id,
          level: alert.level,
          status: alert.outcome ? 'resolved' : 'open',
          deadlineAt: after(15)!,
          createdAt,
          claimedAt: after(alert.claim),
          resolvedAt: alert.outcome ? after(40) : null,
        })
        .returning({ id: safetyAlerts.id });
      await database.db.insert(safetyAlertState).values({
        alertId: row!.id,
        firstOutreachAt: after(alert.outreach),
        escalatedAt: 'escalated' in alert ? after(15) : null,
        outcome: alert.outcome,
      });
    }
    await database.db.insert(safetyReviewItems).values({
      kind: 'elevated',
      contentType: 'post',
      contentId: crypto.randomUUID(),
      subjectId: adminUser!.id,
      decision: 'raise_to_alert',
      reviewedAt: new Date(now - DAY),
      createdAt: new Date(now - 2 * DAY),
    });
  } finally {
    await database.close();
  }
}

// In order: the admin, the seeded alerts, then the server on that folder.
const { hearth, admin } = useHearthWithAdmin({}, 'figures', seed);

describe('an admin on the safety figures', () => {
  const signedIn = usePersonPage(hearth, (page) => signIn(page, admin.handle, admin.password));

  it('reads time to claim and outreach, and every chart has a table beside it', async () => {
    const { page, problems } = signedIn;
    await page.goto('/safety/figures');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Safety figures' }));
    const claim = page.getByRole('definition').filter({ hasText: '9 in 10 within' }).first();
    // Claimed after 1, 2, 4 and 18 minutes: the median is 3.
    await expectVisible(claim.getByText('3 min', { exact: true }));
    const levels = page.getByRole('table', { name: 'Alerts by level' });
    await expectVisible(levels);
    await expectVisible(levels.getByRole('row', { name: 'High 4' }));
    await expectVisible(levels.getByRole('row', { name: 'Imminent 1' }));
    await expectVisible(page.getByRole('img', { name: /^Alerts per day: 5 alerts in the last 7 days, 2 escalated/ }));
    await expectVisible(page.getByRole('table', { name: 'Outcomes' }).getByRole('row', { name: 'A real concern 2' }));
    await checkA11y(page, 'safety figures');

    await page.getByRole('link', { name: 'Last 30 days' }).click();
    await page.waitForURL('**/safety/figures?days=30');
    await expectVisible(page.getByRole('img', { name: /in the last 30 days/ }));
    expect(problems()).toEqual([]);
  });

  it('finds the assessor page from Settings: precision per level, misses, and the model in use', async () => {
    const { page, problems } = signedIn;
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'How the assessor is doing' }).click();
    await page.waitForURL('**/admin/assessor');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'How the assessor is doing' }));
    await expectVisible(page.getByText('As shipped'));
    // High: real_concern ×2 and not_a_concern of 3 resolved = 67%; imminent: referred, 100%.
    await expectVisible(page.getByRole('definition').filter({ hasText: 'of 3 resolved alerts' }).getByText('67%'));
    await expectVisible(page.getByRole('definition').filter({ hasText: 'of 1 resolved alert was' }).getByText('100%'));
    await expectVisible(page.getByRole('table', { name: 'Alerts by level and outcome' }));
    await checkA11y(page, 'assessor page');
    expect(problems()).toEqual([]);
  });
});

describe('on a phone', () => {
  it('fits the figures at 360 px', async () => {
    const context = await hearth.phone();
    try {
      const page = await context.newPage();
      await signIn(page, admin.handle, admin.password);
      await page.goto('/safety/figures');
      await expectVisible(page.getByRole('table', { name: 'Alerts per day' }));
      await expectNoHorizontalScroll(page, 360, 'safety figures');
    } finally {
      await context.close();
    }
  });
});
