import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, it } from 'vitest';
import { checkA11y, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, newMember, writePost } from './support/members.js';
import { signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * The staff screens (issue 13): an admin finds a member and makes them a
 * moderator; that moderator starts a private group and appoints a group
 * moderator, who edits the group and approves a join request; staff see an
 * anonymous author only by giving a reason, the author is told on their post,
 * and the admin reads it in the reveal log. Axe on each screen.
 */

const { hearth, admin: firstAdmin } = useHearthWithAdmin({}, 'keeper');

describe('staff screens', () => {
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let siteModerator: { page: Page; handle: string };
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  /** A private group's page is closed to non-members: they ask to join from the group list. */
  async function askToJoin(page: Page, description?: string): Promise<void> {
    await page.goto('/groups');
    const card = page.getByRole('article', { name: 'Night owls' });
    if (description) await expectVisible(card.getByText(description));
    await card.getByRole('button', { name: 'Ask to join Night owls' }).click();
    await card.getByRole('button', { name: 'I accept the group rules' }).click();
    await expectVisible(card.getByText('Request sent'));
  }

  async function person(kind: 'person' | 'phone' = 'person'): Promise<BrowserContext> {
    const context = kind === 'phone' ? await hearth.phone() : await hearth.person();
    contexts.push(context);
    return context;
  }

  it('an admin finds a member and makes them a moderator, told what the role allows; their own role is not theirs to change', async () => {
    siteModerator = await newMember(await person(), 'steady');
    admin = await (await person()).newPage();
    const problems = watchConsole(admin);
    await signIn(admin, firstAdmin.handle, firstAdmin.password);

    await admin.goto('/settings/profile');
    await admin.getByRole('link', { name: 'Members and roles' }).click();
    await expectVisible(admin.getByRole('heading', { level: 1, name: 'Members and roles' }));
    const search = admin.getByRole('search', { name: 'Members' });
    await search.getByLabel('Handle').fill(siteModerator.handle.slice(0, 9));
    await search.getByRole('button', { name: 'Find members' }).click();
    const row = admin.getByRole('listitem').filter({ hasText: `@${siteModerator.handle}` });
    await expectVisible(row.getByText('Member', { exact: true }));
    await expectVisible(row.getByText(/^Joined /));
    await checkA11y(admin, 'the members list');

    await row.getByRole('button', { name: `Change role of @${siteModerator.handle}` }).click();
    await row.getByLabel(`New role for @${siteModerator.handle}`).selectOption('moderator');
    await row.getByRole('button', { name: 'Review the change' }).click();
    const confirm = row.getByRole('group', { name: `Make @${siteModerator.handle} a moderator?` });
    await expectVisible(confirm.getByText(/Moderates every group/));
    await checkA11y(admin, 'the role change confirmation');
    await confirm.getByRole('button', { name: 'Make moderator' }).click();
    await expectVisible(row.getByRole('status').getByText(`@${siteModerator.handle} is now moderator.`));
    await expectVisible(row.getByText('Moderator', { exact: true }));

    // The admin's own row offers no change, and says why.
    await search.getByLabel('Handle').fill(firstAdmin.handle);
    await search.getByRole('button', { name: 'Find members' }).click();
    const own = admin.getByRole('listitem').filter({ hasText: `@${firstAdmin.handle}` });
    await expectVisible(own.getByText(/You cannot change your own role/));
    await expectVisible(own.getByText('(you)'));
    if (problems().length > 0) throw new Error(problems().join('\n'));
  });

  it('a site moderator starts a private group and appoints a group moderator, who edits it and approves a join request', async () => {
    const starter = siteModerator.page;
    await starter.goto('/groups');
    await starter.getByRole('link', { name: 'Start a group' }).click();
    await expectVisible(starter.getByRole('heading', { level: 1, name: 'Start a group' }));
    await starter.getByRole('button', { name: 'Start the group' }).click();
    await expectVisible(starter.getByText('Give the group a name of 3 to 80 characters.'));
    await starter.getByLabel('Name').fill('Night owls');
    await starter.getByLabel('Address').fill('Night Owls');
    await starter.getByLabel('Description').fill('For people who are awake when everyone else sleeps.');
    await starter.getByLabel('Rules').fill('1. Be gentle.\n2. No advice unless asked.');
    await starter.getByRole('checkbox', { name: 'Sleep' }).check();
    await starter.getByRole('radio', { name: /^Private/ }).check();
    await starter.getByRole('button', { name: 'Start the group' }).click();
    await expectVisible(starter.getByText('Use lower-case letters, digits and single dashes, like “night-owls”.'));
    await checkA11y(starter, 'the new group form with an error');
    await starter.getByLabel('Address').fill('night-owls');
    await starter.getByRole('button', { name: 'Start the group' }).click();
    await starter.waitForURL('**/groups/night-owls/manage');
    await expectVisible(starter.getByRole('heading', { level: 1, name: 'Manage group' }));
    await expectVisible(starter.getByRole('link', { name: 'Automatic rules' }));

    // A member asks to join; the starter (its first moderator) approves and appoints them.
    const keeper = await newMember(await person('phone'), 'owlkeeper');
    await askToJoin(keeper.page);
    await starter.reload();
    const requests = starter.getByRole('list', { name: 'Join requests' });
    await requests.getByRole('button', { name: `Approve @${keeper.handle}` }).click();
    await expectVisible(starter.getByText(`@${keeper.handle} is now a member.`));
    const appoint = starter.getByRole('search', { name: 'The group’s members' });
    await appoint.getByLabel('Member’s handle').fill(keeper.handle);
    await appoint.getByRole('button', { name: 'Find' }).click();
    await starter.getByRole('button', { name: `Make moderator @${keeper.handle}` }).click();
    const confirm = starter.getByRole('group', { name: `Make @${keeper.handle} a moderator?` });
    await confirm.getByRole('button', { name: 'Make moderator' }).click();
    await expectVisible(starter.getByText(`@${keeper.handle} is now a moderator of Night owls.`));
    const teamList = starter.getByRole('list', { name: 'The group’s moderators and facilitators' });
    await expectVisible(
      teamList
        .getByRole('listitem')
        .filter({ hasText: `@${keeper.handle}` })
        .getByText('moderator', { exact: true }),
    );
    await checkA11y(starter, 'the manage page');

    // The group moderator, on a phone: from the group page to its manage page.
    const page = keeper.page;
    const problems = watchConsole(page);
    await page.goto('/groups/night-owls');
    await page.getByRole('link', { name: 'Manage group' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Manage group' }));
    await expectVisible(
      page.getByText('Only the group’s owner or an admin can appoint or demote moderators.', { exact: false }),
    );
    await page.getByLabel('Description').fill('For night owls: awake when everyone else sleeps, and kind about it.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('Saved. Members see the changes now.'));
    await checkA11y(page, 'the manage page on a phone');
    await expectNoHorizontalScroll(page, 360, 'the manage page on a phone');

    const asker = await newMember(await person(), 'nightasker');
    await askToJoin(asker.page, 'For night owls: awake when everyone else sleeps, and kind about it.');
    await page.reload();
    await page
      .getByRole('list', { name: 'Join requests' })
      .getByRole('button', { name: `Approve @${asker.handle}` })
      .click();
    await expectVisible(page.getByText(`@${asker.handle} is now a member.`));
    // Approved: the private group's page opens to them.
    await asker.page.goto('/groups/night-owls');
    await expectVisible(asker.page.getByRole('heading', { level: 1, name: 'Night owls' }));
    await expectVisible(asker.page.getByText('You are a member', { exact: true }));
    if (problems().length > 0) throw new Error(problems().join('\n'));
  });

  it('staff reveal an anonymous author with a reason, and the admin sees it in the reveal log', async () => {
    const author = await newMember(await person(), 'hushed');
    await joinGroupFromItsPage(author.page, 'depression', 'Depression');
    await writePost(author.page, 'depression', {
      title: 'Nobody knows',
      body: 'A quiet evening; posting this one without my name.',
      anonymous: true,
    });
    const postUrl = author.page.url();

    const page = siteModerator.page;
    await page.goto(postUrl);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Nobody knows' }));
    await page.getByRole('button', { name: 'More options for this post' }).click();
    await page.getByRole('button', { name: 'See who wrote this (logged)' }).click();
    const form = page.getByRole('form', { name: 'See who wrote this anonymous post?' });
    await expectVisible(form.getByText(/The reveal is recorded/));
    await form.getByLabel('Why do you need to know?').fill('curious');
    await form.getByRole('button', { name: 'Record the reason and reveal' }).click();
    await expectVisible(form.getByText('Please say why, in at least 10 characters.'));
    await checkA11y(page, 'the reveal form');
    await form.getByLabel('Why do you need to know?').fill('Reported twice today for harassing another member.');
    await form.getByRole('button', { name: 'Record the reason and reveal' }).click();
    await expectVisible(page.getByText(`This post was written by @${author.handle}.`));
    await checkA11y(page, 'the revealed author');

    // The author sees on their post that staff looked, and why; not who.
    await author.page.reload();
    const told = author.page.getByText('Staff saw that you wrote this post');
    await expectVisible(told);
    await expectVisible(
      author.page.getByText('“Reported twice today for harassing another member.”', { exact: false }),
    );
    await checkA11y(author.page, 'the author told of the reveal');

    await admin.goto('/admin/reveals');
    await expectVisible(admin.getByRole('heading', { level: 1, name: 'Reveal log' }));
    const entry = admin.getByRole('list', { name: 'Reveals, newest first' }).getByRole('listitem').first();
    await expectVisible(entry.getByText(`@${siteModerator.handle}`));
    await expectVisible(entry.getByText(`saw that @${author.handle} wrote`, { exact: false }));
    await expectVisible(entry.getByText('Reported twice today for harassing another member.'));
    await checkA11y(admin, 'the reveal log');
  });
});
