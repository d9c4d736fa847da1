import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/index.js';
import { appeals, automodHits, automodRules, groups, moderationItems, reports, users } from '../../src/server/db/schema/index.js';
import { seedGroupCatalogue } from '../../src/server/modules/groups/service.js';
import { recordModerationAction } from '../../src/server/modules/moderation/record-action.js';
import { checkA11y, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { newMember, usePersonPage } from './support/members.js';
import { signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * The logs of moderation: an admin searches the audit log, a member reads a
 * group's public log (no handle in it), and the figures draw each chart with
 * its table. Axe on each screen, light and dark.
 */

const MIN = 60_000;
const DAY = 86_400_000;
const FREE_TEXT = 'Words only the member affected should read';

/** A removal with its report, an appeal and an automod hit, written before the server starts (PGlite is one process at a time). */
async function seed(directory: string, adminHandle: string): Promise<void> {
  const database = await openDatabase({ dataDir: directory });
  try {
    await seedGroupCatalogue({ db: database.db });
    const [admin] = await database.db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.handle})`, adminHandle.toLowerCase()));
    const [group] = await database.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, 'anxiety'));
    const now = Date.now();
    const postId = crypto.randomUUID();
    const [item] = await database.db
      .insert(moderationItems)
      .values({ kind: 'report', targetType: 'post', targetId: postId, groupId: group!.id, severity: 4, createdAt: new Date(now - DAY), updatedAt: new Date(now - DAY) })
      .returning({ id: moderationItems.id });
    await database.db.insert(reports).values({ reporterId: admin!.id, targetType: 'post', targetId: postId, reason: 'harassment', itemId: item!.id, createdAt: new Date(now - DAY) });
    const removal = await recordModerationAction(database.db, {
      kind: 'remove',
      actorId: admin!.id,
      targetType: 'post',
      targetId: postId,
      subjectId: admin!.id,
      groupId: group!.id,
      itemId: item!.id,
      reasonTemplate: 'be_kind',
      reason: FREE_TEXT,
      now: new Date(now - DAY + 12 * MIN),
    });
    await database.db.insert(appeals).values({ actionId: removal.id, userId: admin!.id, body: 'Please look again.', status: 'upheld', createdAt: new Date(now - DAY + 60 * MIN) });
    const [rule] = await database.db.insert(automodRules).values({ kind: 'slurs', action: 'hold', name: 'No slurs', createdAt: new Date(now - 2 * DAY), updatedAt: new Date(now - 2 * DAY) }).returning();
    await database.db.insert(automodHits).values({ ruleId: rule!.id, contentType: 'post', contentId: crypto.randomUUID(), createdAt: new Date(now - DAY) });
  } finally {
    await database.close();
  }
}

const { hearth, admin } = useHearthWithAdmin({}, 'logs', seed);

describe('an admin on the audit log and the figures', () => {
  const signedIn = usePersonPage(hearth, (page) => signIn(page, admin.handle, admin.password));

  it('finds the audit log from Settings, filters by action and sees the entry', async () => {
    const { page, problems } = signedIn;
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/admin/audit');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Audit log' }));
    // The admin made with `hearth admin create` is in the log, done automatically.
    await expectVisible(page.getByRole('cell', { name: 'user.created_admin' }));
    await page.getByLabel('Action').selectOption('moderation.remove');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/admin/audit?action=moderation.remove');
    await expectVisible(page.getByRole('status').filter({ hasText: 'Showing 1 entry' }));
    const row = page.getByRole('row').filter({ hasText: 'moderation.remove' });
    await expectVisible(row.getByRole('cell', { name: admin.handle, exact: true }));
    await expectVisible(row.getByText(FREE_TEXT));
    await expect(page.getByRole('cell', { name: 'user.created_admin' }).count()).resolves.toBe(0);
    await checkA11y(page, 'audit log');
    expect(problems()).toEqual([]);
  });

  it('reads the moderation figures: a chart and a table for each', async () => {
    const { page, problems } = signedIn;
    await page.goto('/admin/moderation-figures');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Moderation figures' }));
    await expectVisible(page.getByRole('table', { name: 'Reports by reason' }).getByRole('row', { name: 'Harassment or bullying 1' }));
    await expectVisible(page.getByRole('table', { name: 'Appeal outcomes' }).getByRole('row', { name: 'Upheld 1' }));
    await expectVisible(page.getByRole('table', { name: 'Automatic rule hits' }).getByRole('row', { name: 'No slurs (Site-wide) 1' }));
    await expectVisible(page.getByRole('table', { name: 'Time to first action, in minutes' }).getByRole('row', { name: 'Median 12 min' }));
    await expectVisible(page.getByRole('img', { name: /^Reports by reason: harassment or bullying 1\./ }));
    await checkA11y(page, 'moderation figures');
    await page.getByRole('link', { name: 'Last 7 days' }).click();
    await page.waitForURL('**/admin/moderation-figures?days=7');
    await expectVisible(page.getByRole('table', { name: 'Reports by reason' }).getByRole('row', { name: 'Harassment or bullying 1' }));
    expect(problems()).toEqual([]);
  });
});

describe('a member on a group’s public moderation log', () => {
  it('reads what was done and why, with no handle and no moderator’s words', async () => {
    const context = await hearth.person();
    try {
      const { page } = await newMember(context, 'reader');
      const problems = watchConsole(page);
      await page.goto('/groups/anxiety');
      await page.getByRole('link', { name: 'Moderation log' }).click();
      await page.waitForURL('**/groups/anxiety/log');
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Moderation log' }));
      const entry = page.getByRole('list', { name: 'Moderation actions, newest first' }).getByRole('listitem');
      await expectVisible(entry.filter({ hasText: 'A post was removed' }).getByText('Reason: Be kind'));
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(admin.handle);
      expect(text).not.toContain(FREE_TEXT);
      await checkA11y(page, 'public moderation log');
      expect(problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('on a phone', () => {
  it('fits the audit log and the public log at 360 px', async () => {
    const context = await hearth.phone();
    try {
      const page = await context.newPage();
      await signIn(page, admin.handle, admin.password);
      await page.goto('/admin/audit');
      await expectVisible(page.getByRole('cell', { name: 'moderation.remove' }));
      await expectNoHorizontalScroll(page, 360, 'audit log');
      await page.goto('/groups/anxiety/log');
      await expectVisible(page.getByText('A post was removed'));
      await expectNoHorizontalScroll(page, 360, 'public moderation log');
      await page.goto('/admin/moderation-figures');
      await expectVisible(page.getByRole('table', { name: 'Appeal outcomes' }));
      await expectNoHorizontalScroll(page, 360, 'moderation figures');
    } finally {
      await context.close();
    }
  });
});
