import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, newMember, writePost } from './support/members.js';
import { promote, signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * Reports and the queue (issue 13): a member reports a reply through the
 * dialog on a phone; a moderator's open queue shows it arrive without a
 * reload; the reporter follows it under "My reports". Axe on each screen.
 */

const { hearth, admin: firstAdmin } = useHearthWithAdmin({}, 'keeper');

describe('reporting a reply and the moderation queue', () => {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  it('a member reports a reply; it arrives live in a moderator’s queue; the reporter sees it under My reports', async () => {
    const [writerContext, replierContext, reporterContext, moderatorContext, adminContext] = await Promise.all([
      hearth.person(),
      hearth.person(),
      hearth.phone(),
      hearth.person(),
      hearth.person(),
    ]);
    contexts.push(writerContext, replierContext, reporterContext, moderatorContext, adminContext);

    const writer = await newMember(writerContext, 'calm');
    await joinGroupFromItsPage(writer.page, 'anxiety', 'Anxiety');
    const title = 'Shaky hands before meetings';
    await writePost(writer.page, 'anxiety', { title, body: 'Every morning meeting makes my hands shake. Does anyone else get this?' });
    const postUrl = writer.page.url();

    const replier = await newMember(replierContext, 'sharp');
    await joinGroupFromItsPage(replier.page, 'anxiety', 'Anxiety');
    await replier.page.goto(postUrl);
    const unkind = 'Honestly you are pathetic, grow up.';
    await replier.page.getByLabel('Your reply').fill(unkind);
    await replier.page.getByRole('button', { name: 'Send reply' }).click();
    await expectVisible(replier.page.getByRole('status').getByText('Your reply is posted.'));

    const moderator = await newMember(moderatorContext, 'fair');
    const admin = await adminContext.newPage();
    await signIn(admin, firstAdmin.handle, firstAdmin.password);
    await promote(admin, moderator.page, 'moderator');

    // The moderator's queue is open and connected before the report is sent.
    const moderatorProblems = watchConsole(moderator.page);
    await moderator.page.goto('/home');
    await moderator.page.getByRole('link', { name: 'Moderation', exact: true }).click();
    await moderator.page.waitForURL('**/moderation');
    await expectVisible(moderator.page.getByRole('heading', { level: 1, name: 'Moderation' }));
    await expectVisible(moderator.page.getByRole('heading', { name: 'Nothing waiting' }));
    await moderator.page.locator('html[data-live="live"]').waitFor({ state: 'attached' });
    await checkA11y(moderator.page, 'the empty queue');

    // The reporter, on a phone.
    const reporter = await newMember(reporterContext, 'kind');
    const reporterProblems = watchConsole(reporter.page);
    await reporter.page.goto(postUrl);
    const reply = reporter.page.getByRole('article', { name: `${replier.handle}’s reply` });
    await expectVisible(reply);
    await reply.getByRole('button', { name: /More options for/ }).click();
    await reply.getByRole('button', { name: 'Report' }).click();
    const form = reporter.page.getByRole('form', { name: 'Report this reply' });
    await expectVisible(form);
    await form.getByRole('button', { name: 'Send report' }).click();
    await expectVisible(form.getByText('Please choose what is wrong.'));
    await form.getByRole('radio', { name: 'Harassment or bullying' }).check();
    await form.getByLabel('Anything the moderators should know?').fill('Name-calling a member who asked for help.');
    await checkA11y(reporter.page, 'the report dialog on a phone');
    await form.getByRole('button', { name: 'Send report' }).click();
    await expectVisible(reporter.page.getByText('Thank you. Your report was sent.'));
    await expectVisible(reporter.page.getByRole('link', { name: 'My reports' }));
    await expectVisible(reporter.page.getByText('I’m worried about this person', { exact: false }));
    await checkA11y(reporter.page, 'the report confirmation');

    // Reporting it again is met kindly.
    await reporter.page.getByRole('button', { name: 'Close' }).click();
    await reply.getByRole('button', { name: /More options for/ }).click();
    await reply.getByRole('button', { name: 'Report' }).click();
    await form.getByRole('radio', { name: 'Spam' }).check();
    await form.getByRole('button', { name: 'Send report' }).click();
    await expectVisible(reporter.page.getByText('You have already reported this'));

    // The moderator's queue shows it without a reload, and says so politely.
    const item = moderator.page.getByRole('listitem').filter({ hasText: unkind });
    await expectVisible(item);
    await expectVisible(item.getByText('Attack on a person'));
    await expectVisible(item.getByText('Reported: Harassment or bullying', { exact: false }));
    await expectVisible(moderator.page.getByRole('status').getByText('A new report arrived.'));
    await checkA11y(moderator.page, 'the queue with an item');

    await item.getByRole('link', { name: unkind }).click();
    await moderator.page.waitForURL('**/moderation/items/**');
    await expectVisible(moderator.page.getByRole('heading', { level: 1, name: /Open: / }));
    await expectVisible(moderator.page.getByText(`@${reporter.handle}`, { exact: false }));
    await expectVisible(moderator.page.getByText('“Name-calling a member who asked for help.”'));
    await expectVisible(moderator.page.getByRole('heading', { name: 'The member’s history' }));
    await checkA11y(moderator.page, 'the queue item');

    // The reporter follows it under My reports.
    await reporter.page.goto('/settings/reports');
    await expectVisible(reporter.page.getByRole('heading', { name: 'My reports' }));
    const mine = reporter.page.getByRole('list', { name: 'Your reports' }).getByRole('listitem').first();
    await expectVisible(mine.getByText(`A reply in “${title}”`));
    await expectVisible(mine.getByText('Waiting for a moderator'));
    await checkA11y(reporter.page, 'My reports');

    // A member can be reported from their profile too.
    await reporter.page.goto(`/members/${replier.handle}`);
    await reporter.page.getByRole('button', { name: `Report @${replier.handle}` }).click();
    const profileForm = reporter.page.getByRole('form', { name: `Report @${replier.handle}` });
    await profileForm.getByRole('radio', { name: 'Harassment or bullying' }).check();
    await profileForm.getByRole('button', { name: 'Send report' }).click();
    await expectVisible(reporter.page.getByText('Thank you. Your report was sent.'));
    await checkA11y(reporter.page, 'reporting a member from their profile');

    // The replier, who was reported, sees nothing of it; members see no Moderation link.
    await replier.page.goto('/settings/reports');
    await expectVisible(replier.page.getByText('You have not reported anything.', { exact: false }));
    expect(await replier.page.content()).not.toContain(reporter.handle);
    expect(await replier.page.getByRole('link', { name: 'Moderation', exact: true }).count()).toBe(0);

    expect(reporterProblems()).toEqual([]);
    expect(moderatorProblems()).toEqual([]);
  });
});
