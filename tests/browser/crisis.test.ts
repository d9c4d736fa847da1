import type { ElementHandle, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  checkA11y,
  expectHidden,
  expectNoHorizontalScroll,
  expectVisible,
} from './support/browser.js';
import { joinGroupFromItsPage, signUpAndSkipOnboarding, uniqueHandle, usePersonPage, writePost } from './support/members.js';
import { useHearthInBrowser } from './support/hearth.js';

/**
 * The moment that matters most: someone writes that they are about to end
 * their life. The support card is there at once, above the post, with the
 * emergency number first and focus on it; "Talk to someone now" reaches the
 * safety team; a worried friend gets the same help in a helper's words.
 */

const hearth = useHearthInBrowser();

/** True when `first` comes before `second` in the document. */
async function comesBefore(page: Page, first: ElementHandle, second: ElementHandle): Promise<boolean> {
  return page.evaluate(([a, b]) => Boolean(a!.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING), [
    first,
    second,
  ] as const);
}

describe('a member in crisis', () => {
  // The browser says en-GB and the profile says GB: UK numbers.
  const member = usePersonPage(hearth, async (page) => {
    await signUpAndSkipOnboarding(page, uniqueHandle('tide'), { country: 'GB' });
    await joinGroupFromItsPage(page, 'depression', 'Depression');
  });

  it('sees the emergency number first, above the post, with focus on the support card', async () => {
    const { page } = member;
    await writePost(page, 'depression', {
      title: 'Tonight',
      body: 'I have the pills in front of me and tonight is the night',
    });

    const card = page.getByRole('region', { name: 'Support for you' });
    await expectVisible(card);
    const heading = card.getByRole('heading', { level: 2, name: 'Support for you' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Support for you');
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);

    // Imminent: "Call 999 now" first and largest, then Samaritans.
    const emergency = card.getByRole('link', { name: 'Call 999 now' });
    await expectVisible(emergency);
    expect(await emergency.getAttribute('href')).toBe('tel:999');
    const samaritans = card.getByRole('link', { name: /^Call 116 123/ });
    expect(await samaritans.getAttribute('href')).toBe('tel:116123');
    expect(await comesBefore(page, (await emergency.elementHandle())!, (await samaritans.elementHandle())!)).toBe(true);
    const sizes = await Promise.all(
      [emergency, samaritans].map((link) => link.evaluate((element) => element.getBoundingClientRect().height)),
    );
    expect(sizes[0]).toBeGreaterThan(sizes[1]!);

    // Above the post, whose title is the page's h1.
    const title = page.getByRole('heading', { level: 1, name: 'Tonight' });
    expect(await comesBefore(page, (await card.elementHandle())!, (await title.elementHandle())!)).toBe(true);

    // The post described a method and a time: it is held, and the member is told why, plainly.
    await expectVisible(card.getByText('Only you and our safety team can see this post for now'));
    await expectVisible(card.getByText('You have not done anything wrong', { exact: false }));
    await checkA11y(page, 'support card after a crisis post');
  });

  it('reaches a person with "Talk to someone now", and the card stays until folded', async () => {
    const { page } = member;
    const card = page.getByRole('region', { name: 'Support for you' });
    await card.getByRole('button', { name: 'Talk to someone now' }).click();
    await expectVisible(
      card.getByRole('status').getByText('Our safety team has been alerted', { exact: false }),
    );
    await checkA11y(page, 'support card after "Talk to someone now"');

    // Folding keeps the heading and, at this level, the emergency number.
    const fold = card.getByRole('button', { name: 'Fold away' });
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await fold.click();
    await expectHidden(card.getByRole('link', { name: /^Call 116 123/ }));
    await expectVisible(card.getByRole('link', { name: 'Call 999 now' }));
    expect(await card.getByRole('button', { name: 'Show again' }).getAttribute('aria-expanded')).toBe('false');
    await card.getByRole('button', { name: 'Show again' }).click();
    await expectVisible(card.getByRole('link', { name: /^Call 116 123/ }));
  });

  it('gets a helper’s card after worrying about a friend in a reply', async () => {
    const { page } = member;
    // The held post still takes its author's replies, kept with it (to others it reads as removed).
    await expectVisible(page.getByText('You can still write under it', { exact: false }));
    await page.getByLabel('Your reply').fill('My friend says she is going to jump tonight and I am scared for her');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const card = page.getByRole('region', { name: 'Support for helping someone else' });
    await expectVisible(card);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Support for helping someone else');
    await expectVisible(card.getByText('It’s kind of you to look out for them', { exact: false }));
    await expectVisible(card.getByRole('button', { name: 'They are safe for now' }));
    await expectVisible(card.getByRole('link', { name: /^Call 116 123/ }));
    await expectVisible(page.getByText('what you write under it is kept with it', { exact: false }));
    await checkA11y(page, 'support card for a helper');
  });

  it('keeps "Get help now" one tap away from the thread', async () => {
    const { page, problems } = member;
    await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
    await page.waitForURL('**/help');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Get help now' }));
    await expectVisible(page.getByRole('link', { name: 'Call 999' }));
    expect(problems()).toEqual([]);
  });
});

describe('on a phone', () => {
  it('fits the support card at 360 px, in light and dark', async () => {
    const context = await hearth.phone();
    const page = await context.newPage();
    await signUpAndSkipOnboarding(page, uniqueHandle('ember'), { country: 'GB' });
    await joinGroupFromItsPage(page, 'loneliness', 'Loneliness');
    await writePost(page, 'loneliness', {
      title: 'Goodbye',
      body: 'I have the pills in front of me and tonight is the night',
    });
    await expectVisible(
      page.getByRole('region', { name: 'Support for you' }).getByRole('link', { name: 'Call 999 now' }),
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoHorizontalScroll(page, 360, `support card (${colorScheme})`);
    }
    await checkA11y(page, 'support card at 360 px');
    await context.close();
  });
});
