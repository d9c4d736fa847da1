import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, newMember, writePost } from './support/members.js';
import { promote, signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * A member is worried about someone's post and says so; the writer is never
 * told. A moderator sees it arrive on the review list live, reads the words,
 * and marks it fine.
 */

const { hearth, admin: firstAdmin } = useHearthWithAdmin({}, 'keeper');

describe('"I\'m worried about this person" and the review list', () => {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  it('a member raises a worry on a post; a moderator sees it arrive live, reads it, and marks it fine (axe on both)', async () => {
    const [writerContext, reporterContext, moderatorContext, adminContext] = await Promise.all([
      hearth.person(),
      hearth.phone(),
      hearth.person(),
      hearth.person(),
    ]);
    contexts.push(writerContext, reporterContext, moderatorContext, adminContext);

    const writer = await newMember(writerContext, 'quiet');
    await joinGroupFromItsPage(writer.page, 'depression', 'Depression');
    await writePost(writer.page, 'depression', {
      title: 'Grey days',
      body: 'Nothing much to say. Everything feels far away lately.',
    });
    const postUrl = writer.page.url();

    const moderator = await newMember(moderatorContext, 'steady');
    const admin = await adminContext.newPage();
    await signIn(admin, firstAdmin.handle, firstAdmin.password);
    await promote(admin, moderator.page, 'moderator');

    const moderatorProblems = watchConsole(moderator.page);
    await moderator.page.goto('/safety/review');
    await expectVisible(moderator.page.getByRole('heading', { level: 1, name: 'Review list' }));
    await expectVisible(moderator.page.getByRole('heading', { name: 'Nothing waiting for review' }));
    await moderator.page.locator('html[data-live="live"]').waitFor({ state: 'attached' });

    // The reporter, on a phone.
    const reporter = await newMember(reporterContext, 'friend');
    const reporterProblems = watchConsole(reporter.page);
    await reporter.page.goto(postUrl);
    await expectVisible(reporter.page.getByRole('heading', { level: 1, name: 'Grey days' }));
    await reporter.page.getByRole('button', { name: 'More options for this post' }).click();
    await reporter.page.getByRole('button', { name: 'I’m worried about this person' }).click();
    const form = reporter.page.getByRole('form', { name: 'Worried about the person who wrote this?' });
    await expectVisible(form.getByText('Our safety team will read this post. The writer won’t know who asked.'));
    await form.getByLabel('What worries you?').fill('They sound far away, not like themselves.');
    await checkA11y(reporter.page, 'the worry form');
    await form.getByRole('button', { name: 'Ask the safety team to look' }).click();
    await expectVisible(reporter.page.getByText('Thank you. Our safety team will read this.'));
    await expectVisible(reporter.page.getByRole('link', { name: 'Resources for helpers and crisis lines' }));
    await checkA11y(reporter.page, 'the worry confirmation');

    // The moderator's list updates without a reload.
    const item = moderator.page.getByRole('listitem').filter({ hasText: 'A member is worried' });
    await expectVisible(item);
    await expectVisible(item.getByText('“They sound far away, not like themselves.”'));
    await expectVisible(item.getByText(`Raised by @${reporter.handle}`, { exact: false }));
    await expectVisible(item.getByText(`by @${writer.handle}`, { exact: false }));
    await checkA11y(moderator.page, 'the review list');

    await item.getByRole('radio', { name: 'Fine' }).check();
    await item.getByRole('button', { name: 'Save decision' }).click();
    const recent = moderator.page.getByRole('region', { name: 'Recently reviewed' });
    await expectVisible(recent.getByText(`Marked fine by @${moderator.handle}`, { exact: false }));
    await expectVisible(moderator.page.getByRole('heading', { name: 'Nothing waiting for review' }));

    // The writer's own view of their post says nothing of it.
    await writer.page.reload();
    await expectVisible(writer.page.getByRole('heading', { level: 1, name: 'Grey days' }));
    expect(await writer.page.getByText(/worried/i).count()).toBe(0);

    expect(reporterProblems()).toEqual([]);
    expect(moderatorProblems()).toEqual([]);
  });

  it('a moderator goes on duty until a time they choose; an admin changes the safety settings (axe on both)', async () => {
    const [moderatorContext, adminContext] = await Promise.all([hearth.phone(), hearth.person()]);
    contexts.push(moderatorContext, adminContext);
    const moderator = await newMember(moderatorContext, 'evening');
    const admin = await adminContext.newPage();
    const adminProblems = watchConsole(admin);
    await signIn(admin, firstAdmin.handle, firstAdmin.password);
    await promote(admin, moderator.page, 'moderator');

    await moderator.page.goto('/safety/review');
    const duty = moderator.page.getByRole('region', { name: 'On duty' });
    await expectVisible(duty.getByRole('switch', { name: 'I’m on safety duty' }));
    await duty.getByLabel('Until').fill('23:30');
    await duty.getByRole('switch', { name: 'I’m on safety duty' }).check();
    await expectVisible(duty.getByText(`@${moderator.handle} (until 23:30)`));
    await expectVisible(duty.getByText('You are on duty until 23:30.'));
    await checkA11y(moderator.page, 'on duty, on a phone');

    await admin.goto('/settings');
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Safety team' }).click();
    await admin.waitForURL('**/admin/safety');
    await expectVisible(admin.getByRole('heading', { level: 1, name: 'Safety team settings' }));
    await checkA11y(admin, 'safety settings');
    const secondLook = admin.getByRole('switch', { name: 'A second look at alerts resolved as “not a concern”' });
    await secondLook.uncheck();
    await admin.getByRole('radio', { name: 'Admins and only the moderators I choose' }).check();
    await admin.getByRole('checkbox', { name: `@${moderator.handle} (moderator)` }).check();
    // Admins are always on the team: only moderators are offered.
    expect(await admin.getByRole('checkbox', { name: `@${firstAdmin.handle} (admin)` }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expectVisible(admin.getByText('Safety settings saved.'));
    await admin.reload();
    await expectVisible(admin.getByRole('heading', { level: 1, name: 'Safety team settings' }));
    expect(
      await admin.getByRole('switch', { name: 'A second look at alerts resolved as “not a concern”' }).isChecked(),
    ).toBe(false);
    expect(await admin.getByRole('radio', { name: 'Admins and only the moderators I choose' }).isChecked()).toBe(true);
    expect(adminProblems()).toEqual([]);
  });
});
