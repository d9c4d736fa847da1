import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y, expectHidden, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, newMember, writePost } from './support/members.js';
import { promote, signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * The whole moderation journey of issue 13, one person per browser: a member
 * reports a reply → a moderator of the group (Anxiety only) sees it arrive in
 * the open queue without a reload → removes it with a reason (a template and
 * their own words) → the reply's writer reads the reason and appeals → a
 * site-wide moderator, not the one who acted, overturns it → the reply is
 * back, its writer is told, and the reporter reads the outcome on My reports.
 * Axe on every screen, and at 360 px on the queue item and the writer's
 * Moderation page.
 */

const { hearth, admin: firstAdmin } = useHearthWithAdmin({}, 'elder');

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 720 };

async function userId(page: Page): Promise<string> {
  const { user } = (await (await page.request.get('/api/me')).json()) as { user: { id: string } };
  return user.id;
}

describe('the moderation journey', () => {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  it('report → live in the group moderator’s queue → removed with a reason → appealed → overturned by another moderator → everyone told', async () => {
    const [writerContext, replierContext, reporterContext, groupModContext, siteModContext, adminContext] = await Promise.all([
      hearth.person(),
      hearth.phone(),
      hearth.person(),
      hearth.person({ viewport: DESKTOP }),
      hearth.person(),
      hearth.person(),
    ]);
    contexts.push(writerContext, replierContext, reporterContext, groupModContext, siteModContext, adminContext);

    // Six people arrive at once: each signs up (or, the admin, in) in their own browser.
    const admin = await adminContext.newPage();
    const [writer, replier, reporter, groupMod, siteMod] = await Promise.all([
      newMember(writerContext, 'asker'),
      newMember(replierContext, 'blunt'),
      newMember(reporterContext, 'witness'),
      newMember(groupModContext, 'anchor'),
      newMember(siteModContext, 'arbiter'),
      signIn(admin, firstAdmin.handle, firstAdmin.password),
    ]);
    const problems = [writer, replier, reporter, groupMod, siteMod].map((person) => watchConsole(person.page));
    await Promise.all([writer, replier, reporter, groupMod].map((person) => joinGroupFromItsPage(person.page, 'anxiety', 'Anxiety')));

    // The staff: a moderator of Anxiety only (appointed as the group's manage screen does), and a site-wide moderator.
    const appointed = await admin.request.patch(`/api/groups/anxiety/members/${await userId(groupMod.page)}`, { data: { role: 'moderator' } });
    expect(appointed.status()).toBe(200);
    await promote(admin, siteMod.page, 'moderator');

    // 1. A member writes a post; another replies.
    const title = 'Dread before the school run';
    await writePost(writer.page, 'anxiety', { title, body: 'My chest tightens every morning before the school run. How do you get through it?' });
    const postUrl = writer.page.url();
    const unkind = 'You are pathetic. Everyone manages the school run, stop whining.';
    await replier.page.goto(postUrl);
    await replier.page.getByLabel('Your reply').fill(unkind);
    await replier.page.getByRole('button', { name: 'Send reply' }).click();
    await expectVisible(replier.page.getByRole('status').getByText('Your reply is posted.'));

    // 2. The group moderator has the queue open, connected, before anything is reported.
    await groupMod.page.goto('/home');
    await groupMod.page.getByRole('link', { name: 'Moderation', exact: true }).click();
    await groupMod.page.waitForURL('**/moderation');
    await expectVisible(groupMod.page.getByRole('heading', { level: 1, name: 'Moderation' }));
    await expectVisible(groupMod.page.getByText('Items in the groups you moderate.', { exact: false }));
    await expectVisible(groupMod.page.getByRole('heading', { name: 'Nothing waiting' }));
    await groupMod.page.locator('html[data-live="live"]').waitFor({ state: 'attached' });
    await checkA11y(groupMod.page, 'the empty queue');

    // 1. The reporter reports the reply through its "More" menu.
    await reporter.page.goto(postUrl);
    const reply = reporter.page.getByRole('article', { name: `${replier.handle}’s reply` });
    await expectVisible(reply.getByText(unkind));
    await reply.getByRole('button', { name: `More options for ${replier.handle}’s reply` }).click();
    await reply.getByRole('button', { name: 'Report' }).click();
    const reportForm = reporter.page.getByRole('form', { name: 'Report this reply' });
    await reportForm.getByRole('radio', { name: 'Harassment or bullying' }).check();
    await reportForm.getByLabel('Anything the moderators should know?').fill('Belittling someone who asked for support.');
    await checkA11y(reporter.page, 'the report dialog');
    await reportForm.getByRole('button', { name: 'Send report' }).click();
    await expectVisible(reporter.page.getByText('Thank you. Your report was sent.'));
    await checkA11y(reporter.page, 'the report confirmation');

    // 2. It arrives in the group moderator's open queue without a reload, announced politely.
    const item = groupMod.page.getByRole('listitem').filter({ hasText: unkind });
    await expectVisible(item);
    await expectVisible(item.getByText('Reported: Harassment or bullying', { exact: false }));
    await expectVisible(groupMod.page.getByRole('status').getByText('A new report arrived.'));
    await expectVisible(groupMod.page.getByRole('heading', { name: '1 waiting' }));
    await checkA11y(groupMod.page, 'the queue with the new item');

    // 3. The group moderator opens it and removes the reply: a template, then their own words.
    await item.getByRole('link', { name: unkind }).click();
    await groupMod.page.waitForURL('**/moderation/items/**');
    await expectVisible(groupMod.page.getByRole('heading', { level: 1, name: `Open: ${unkind}` }));
    await expectVisible(groupMod.page.getByText('“Belittling someone who asked for support.”'));
    await expectVisible(groupMod.page.getByRole('heading', { name: 'The member’s history' }));
    await checkA11y(groupMod.page, 'the queue item');
    await groupMod.page.setViewportSize(PHONE);
    await expectVisible(groupMod.page.getByRole('heading', { name: '1 report' }));
    await expectNoHorizontalScroll(groupMod.page, PHONE.width, 'the queue item at 360 px');
    await checkA11y(groupMod.page, 'the queue item at 360 px');
    await groupMod.page.setViewportSize(DESKTOP);

    const actions = groupMod.page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Remove', exact: true }).click();
    const removeForm = groupMod.page.getByRole('form', { name: 'Remove' });
    await removeForm.getByLabel('Reason').selectOption({ label: 'Harassment' });
    const words = removeForm.getByLabel('In your words');
    const template = 'Targeting or bullying another member is not allowed here.';
    expect(await words.inputValue()).toBe(template);
    const reason = `${template} Please answer people who are struggling gently, or not at all.`;
    await words.fill(reason);
    await checkA11y(groupMod.page, 'the remove form');
    await removeForm.getByRole('button', { name: 'Remove', exact: true }).click();
    // Acting resolves the item: back to the queue, which is empty again.
    await groupMod.page.waitForURL(/\/moderation$/);
    await expectVisible(groupMod.page.getByRole('heading', { name: 'Nothing waiting' }));

    // Others no longer read it.
    await writer.page.reload();
    await expectVisible(writer.page.getByRole('heading', { level: 1, name: title }));
    await expectHidden(writer.page.getByText(unkind));
    await checkA11y(writer.page, 'the thread with the reply removed');

    // 4. The writer of the reply reads what was done and why on their Moderation page (a phone), and appeals.
    await replier.page.goto('/settings/moderation');
    await expectVisible(replier.page.getByRole('heading', { level: 2, name: 'Moderation notices' }));
    const notice = replier.page.getByRole('article', { name: /^Removed,/ });
    await expectVisible(notice.getByText(`The reason (Harassment): ${reason}`));
    await expectVisible(notice.getByText('About your reply:', { exact: false }));
    await expectNoHorizontalScroll(replier.page, PHONE.width, 'the member’s Moderation page at 360 px');
    await checkA11y(replier.page, 'the member’s Moderation page at 360 px');
    await notice.getByRole('button', { name: 'Appeal this decision' }).click();
    await notice.getByLabel('Why should it be looked at again?').fill('I was blunt, but I was trying to say that it gets easier.');
    await notice.getByRole('button', { name: 'Send my appeal' }).click();
    await expectVisible(replier.page.getByText('Your appeal is sent.', { exact: false }));
    await checkA11y(replier.page, 'the appeal sent');

    // 5. The moderator who removed it cannot decide the appeal, and is told why.
    await groupMod.page.getByRole('link', { name: 'Appeals' }).click();
    await groupMod.page.waitForURL('**/moderation/appeals');
    const ownAppeal = groupMod.page.getByRole('article', { name: `Appeal of “Removed” by ${replier.handle}` });
    await expectVisible(ownAppeal.getByText('You took this action, so another moderator decides this appeal.'));
    expect(await ownAppeal.getByRole('button', { name: /Overturn/ }).count()).toBe(0);
    await checkA11y(groupMod.page, 'the appeals page for the moderator who acted');

    // A site-wide moderator decides it: overturned, with a reason.
    await siteMod.page.goto('/moderation');
    await expectVisible(siteMod.page.getByText('Every group’s items and site-wide ones.', { exact: false }));
    await siteMod.page.getByRole('link', { name: 'Appeals' }).click();
    await siteMod.page.waitForURL('**/moderation/appeals');
    await expectVisible(siteMod.page.getByRole('heading', { level: 1, name: 'Appeals' }));
    const appeal = siteMod.page.getByRole('article', { name: `Appeal of “Removed” by ${replier.handle}` });
    await expectVisible(appeal.getByText('I was blunt, but I was trying to say that it gets easier.'));
    await expectVisible(appeal.getByText(`The reason (Harassment): ${reason}`));
    await checkA11y(siteMod.page, 'the appeals page');
    const decision = 'Harsh, but meant as encouragement; it can stay. Please be gentler.';
    await appeal.getByLabel('Your reason').fill(decision);
    await appeal.getByRole('button', { name: 'Overturn (undo the action)' }).click();
    // The card moves to the decided list, and the result stays announced on the page.
    await expectVisible(appeal.getByText(`Overturned on `, { exact: false }).filter({ hasText: decision }));
    await expectVisible(siteMod.page.getByRole('status').getByText('Overturned: the action is undone and the member is told.'));
    await checkA11y(siteMod.page, 'the appeal decided');

    // 6. The reply is back for others.
    await writer.page.reload();
    await expectVisible(writer.page.getByRole('article', { name: `${replier.handle}’s reply` }).getByText(unkind));
    await reporter.page.reload();
    await expectVisible(reply.getByText(unkind));
    await checkA11y(reporter.page, 'the thread with the reply restored');

    // Its writer is told the decision and the reason.
    await replier.page.reload();
    await expectVisible(replier.page.getByText(`Your appeal was accepted and the decision undone: ${decision}`));
    await expectVisible(replier.page.getByRole('article', { name: /^Your appeal,/ }).getByText(`The reason: ${decision}`));
    await checkA11y(replier.page, 'the decision told');

    // The reporter reads the outcome of their report on My reports; nothing there names who decided or the appeal.
    await reporter.page.goto('/settings/reports');
    await expectVisible(reporter.page.getByRole('heading', { name: 'My reports' }));
    const mine = reporter.page.getByRole('list', { name: 'Your reports' }).getByRole('listitem').first();
    await expectVisible(mine.getByText(`A reply in “${title}”`));
    await expectVisible(mine.getByText('The moderators acted'));
    await checkA11y(reporter.page, 'My reports with the outcome');

    for (const collected of problems) expect(collected()).toEqual([]);
  });
});
