import { describe, expect, it } from 'vitest';
import { checkA11y, expectNoHorizontalScroll, expectVisible } from './support/browser.js';
import { uniqueHandle, signUpAndSkipOnboarding, usePersonPage } from './support/members.js';
import { signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * Automod (issue 13): an admin adds a site rule on /admin/automod; a member's
 * post matching it is held, and they read why, naming the rule. Axe on each
 * screen.
 */
const { hearth, admin } = useHearthWithAdmin({}, 'automod');

describe('an admin adds an automod rule and a member’s post is held by it', () => {
  const keeper = usePersonPage(hearth, (page) => signIn(page, admin.handle, admin.password));
  const member = usePersonPage(hearth, async (page) => {
    await signUpAndSkipOnboarding(page, uniqueHandle('writer'));
    const joined = await page.request.post('/api/groups/anxiety/join', { data: { acceptRules: true } });
    if (joined.status() !== 200) throw new Error(`join failed: ${joined.status()}`);
  });

  it('the admin finds Automod in Settings, sees the default rules, and adds one', async () => {
    const { page, problems } = keeper;
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Automod' }).click();
    await page.waitForURL('**/admin/automod');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Automod' }));
    const rules = page.getByRole('list', { name: 'Automod rules' });
    await expectVisible(rules.getByRole('heading', { name: 'No slurs' }));
    await expectVisible(rules.getByRole('heading', { name: 'Posting very fast' }));
    await expectVisible(page.getByLabel('An account is new for this many days'));
    await checkA11y(page, 'automod admin');

    await page.getByRole('button', { name: 'Add a rule' }).click();
    const form = page.getByRole('form', { name: 'Add a rule' });
    await form.getByLabel('Kind of rule').selectOption('slurs');
    await form.getByLabel('Name').fill('No name-calling');
    await form.getByLabel('What it does').selectOption('hold');
    await form.getByLabel('Extra terms').fill('gremlinface');
    await checkA11y(page, 'automod rule form');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expectVisible(page.getByRole('status').getByText('Added the rule “No name-calling”.'));
    await expectVisible(rules.getByRole('heading', { name: 'No name-calling' }));
    await expectVisible(rules.getByText('1 extra terms, 0 allowed terms'));
    expect(problems()).toEqual([]);
  });

  it('the member’s post that matches it is held, and they read why', async () => {
    const { page, problems } = member;
    await page.goto('/groups/anxiety/new');
    await page.getByLabel('Title').fill('A rough day');
    await page.getByLabel('Your post').fill('My brother called me a gremlinface again today.');
    await page.getByRole('button', { name: 'Share post' }).click();
    await page.waitForURL('**/posts/**');
    await expectVisible(page.getByText('Only you and the moderators can see this post for now'));
    await expectVisible(page.getByText('It matched the community rule “No name-calling”', { exact: false }));
    // Nothing they wrote is lost.
    await expectVisible(page.getByText('My brother called me a gremlinface again today.'));
    await checkA11y(page, 'thread held by automod (author)');
    expect(problems()).toEqual([]);
  });
});

describe('on a phone', () => {
  it('fits the automod page at 360 px', async () => {
    const context = await hearth.phone();
    try {
      const page = await context.newPage();
      await signIn(page, admin.handle, admin.password);
      await page.goto('/admin/automod');
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Automod' }));
      await expectNoHorizontalScroll(page, 360, 'automod admin');
    } finally {
      await context.close();
    }
  });
});
