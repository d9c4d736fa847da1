import { describe, expect, it } from 'vitest';
import { checkA11y, expectHidden, expectVisible } from './support/browser.js';
import { joinGroupFromItsPage, signUpAndSkipOnboarding, uniqueHandle, usePersonPage, writePost } from './support/members.js';
import { useHearthInBrowser } from './support/hearth.js';

/**
 * The writer's support card stays with their post (issue 11 item 4): after a
 * reload, with its hotline buttons, until they fold it away, and it stays
 * folded. The automatic first reply and content warning are there too.
 */

const hearth = useHearthInBrowser();

describe('the support card stays with the post', () => {
  const member = usePersonPage(hearth, async (page) => {
    await signUpAndSkipOnboarding(page, uniqueHandle('ember'), { country: 'GB' });
    await joinGroupFromItsPage(page, 'depression', 'Depression');
  });

  it('is still there after a reload, with its hotline links, and folds away for good', async () => {
    const { page, problems } = member;
    await writePost(page, 'depression', { title: 'Every day', body: 'I want to kill myself. I think about it every day now.' });
    const card = page.getByRole('region', { name: 'Support for you' });
    await expectVisible(card);

    await page.reload();
    await expectVisible(card);
    const samaritans = card.getByRole('link', { name: /^Call 116 123/ });
    await expectVisible(samaritans);
    expect(await samaritans.getAttribute('href')).toBe('tel:116123');
    // Nobody is on duty in this test: the card says so honestly.
    await expectVisible(card.getByText('Our team is not online right now', { exact: false }));
    // The automatic content warning, told to the writer, and the automatic first reply.
    await expectVisible(page.getByText('We added a content warning', { exact: true }));
    const automatic = page.getByRole('article', { name: 'Hearth Safety’s reply' });
    await expectVisible(automatic.getByText('Automatic message', { exact: true }));
    // Under it, the crisis lines of the reader's own country (this reader: the UK).
    await expectVisible(automatic.getByRole('region', { name: 'Crisis lines where you are' }).getByRole('link', { name: /^Call 116 123/ }));
    await checkA11y(page, 'the durable support card after a reload');

    // In "Your posts", a compact card with the first crisis line, and the way back to the whole card.
    await page.goto('/home?view=mine');
    const compact = page.getByRole('complementary', { name: 'Support for you' });
    await expectVisible(compact.getByRole('link', { name: /116 123/ }));
    await checkA11y(page, '"Your posts" with the compact card');
    await compact.getByRole('link', { name: 'See all your support' }).click();
    await page.waitForURL('**/posts/**');
    await expectVisible(card);

    await card.getByRole('button', { name: 'Fold this away' }).click();
    await expectHidden(card);
    await expectVisible(page.getByRole('status').getByText('Support card folded away', { exact: false }));
    await page.reload();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Every day' }));
    await expectHidden(page.getByRole('region', { name: 'Support for you' }));
    await checkA11y(page, 'the thread after folding the card away');
    await page.goto('/home?view=mine');
    await expectVisible(page.getByRole('link', { name: 'Every day' }));
    await expectHidden(page.getByRole('complementary', { name: 'Support for you' }));
    expect(problems()).toEqual([]);
  });
});
