import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  expectCount,
  expectHidden,
  expectNoHorizontalScroll,
  expectVisible,
  watchConsole,
} from './support/browser.js';
import { signUpThroughTheApp, uniqueHandle } from './support/members.js';
import { useHearthInBrowser } from './support/hearth.js';

/**
 * Two members in one group, each in their own browser. A joins through
 * onboarding and posts anonymously behind a content warning; B sees only the
 * alias, opens the warning, sends strength and replies; A sees both. Then
 * search, the community settings and boundaries. Every page is checked with
 * axe in light and dark mode.
 */

const hearth = useHearthInBrowser();

const handleA = uniqueHandle('willow');
const handleB = uniqueHandle('harbour');
const title = 'The panic came back at work';
const body = 'It started in the lift and I could not breathe. I hid for *twenty minutes*.';
const reply = 'That sounds so frightening. Counting five things I could see helped me.';

function heading(page: Page, name: string, level = 1) {
  return page.getByRole('heading', { level, name });
}

async function openFromMainNav(page: Page, link: string, url: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await page.waitForURL(url);
}

describe('two members in one group', () => {
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let a: Page;
  let b: Page;
  let problemsA: () => string[];
  let problemsB: () => string[];
  let alias = '';
  let threadUrl = '';

  beforeAll(async () => {
    contextA = await hearth.person();
    contextB = await hearth.person();
    a = await contextA.newPage();
    b = await contextB.newPage();
    problemsA = watchConsole(a);
    problemsB = watchConsole(b);
  });

  afterAll(async () => {
    await contextA?.close();
    await contextB?.close();
  });

  it('asks A what they are going through and joins a suggested group by accepting its rules', async () => {
    await signUpThroughTheApp(a, handleA);
    await checkA11y(a, 'onboarding');

    const anxiety = a.getByRole('checkbox', { name: 'Anxiety and worry' });
    await anxiety.check();
    expect(await anxiety.isChecked()).toBe(true);
    const suggested = a.getByRole('list', { name: 'Suggested groups' });
    await expectVisible(suggested.getByRole('heading', { name: 'Anxiety' }));
    await expectVisible(suggested.getByText('Its rules include:'));

    const join = suggested.getByRole('button', { name: 'Join Anxiety', exact: true });
    expect(await join.getAttribute('aria-expanded')).toBe('false');
    await join.click();
    expect(await join.getAttribute('aria-expanded')).toBe('true');
    await expectVisible(suggested.getByRole('heading', { name: 'Rules of Anxiety' }));
    await expectVisible(suggested.getByText('Joining means accepting these rules.'));
    await checkA11y(a, 'onboarding with the rules open');
    await suggested.getByRole('button', { name: 'I accept the group rules and join Anxiety' }).click();
    await expectVisible(a.getByText('You are a member of Anxiety'));

    await a.getByRole('button', { name: 'Done' }).click();
    await a.waitForURL('**/home');
    await expectVisible(heading(a, 'Home'));
    await expectVisible(a.getByText(`Signed in as ${handleA}`));
    await checkA11y(a, 'home');
  });

  it('lets A write an anonymous post behind a content warning, with a preview', async () => {
    await openFromMainNav(a, 'Groups', '**/groups');
    await expectVisible(heading(a, 'Groups'));
    await expectVisible(a.getByRole('list', { name: 'Your groups' }).getByRole('link', { name: 'Anxiety' }));
    await checkA11y(a, 'groups');

    await a.getByRole('list', { name: 'Your groups' }).getByRole('link', { name: 'Anxiety' }).click();
    await a.waitForURL('**/groups/anxiety');
    await expectVisible(heading(a, 'Anxiety'));
    await checkA11y(a, 'group page');

    await a.getByRole('link', { name: 'Write a post' }).click();
    await a.waitForURL('**/groups/anxiety/new');
    await expectVisible(heading(a, 'Write a post'));

    // Errors beside their fields.
    await a.getByRole('button', { name: 'Share post' }).click();
    await expectVisible(a.getByText('Please give your post a title.'));
    expect(await a.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');

    await a.getByLabel('Title').fill(title);
    await a.getByLabel('Your post').fill(body);
    await a.getByRole('button', { name: 'Preview' }).click();
    const preview = a.getByRole('region', { name: 'Preview' });
    await expectVisible(preview.getByText('twenty minutes'));
    expect(await preview.getByText('twenty minutes').evaluate((element) => element.tagName)).toBe('EM');

    await a.getByLabel('Warning in your own words').fill('a panic attack in detail');
    await a.getByRole('checkbox', { name: 'Self-harm' }).check();
    await a.getByRole('radio', { name: 'Low' }).check();
    const anonymous = a.getByRole('switch', { name: 'Post anonymously' });
    expect(await anonymous.isChecked()).toBe(false);
    await anonymous.check();
    await expectVisible(a.getByText('Only Hearth’s safety team can see who wrote it', { exact: false }));
    await checkA11y(a, 'composer');

    await a.getByRole('button', { name: 'Share post' }).click();
    await a.waitForURL('**/posts/**');
    threadUrl = new URL(a.url()).pathname;
    await expectVisible(heading(a, title));
    const byline = a.getByText('You posted anonymously as', { exact: false }).first();
    await expectVisible(byline);
    alias = ((await byline.innerText()).split('You posted anonymously as')[1] ?? '').trim();
    expect(alias).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    // No support card for an ordinary hard day.
    expect(await a.getByRole('region', { name: 'Support for you' }).count()).toBe(0);
    await checkA11y(a, 'thread (author)');
  });

  it('shows B only the alias, the warning folded, and lets B send strength and reply', async () => {
    await signUpThroughTheApp(b, handleB);
    await b.getByRole('button', { name: 'Skip for now' }).click();
    await b.waitForURL('**/home');
    await expectVisible(b.getByRole('heading', { name: 'Find a group' }));

    await b.goto('/groups/anxiety');
    await b.getByRole('button', { name: 'I accept the group rules' }).click();
    await expectVisible(b.getByText('You are a member of Anxiety'));
    await expectVisible(b.getByRole('link', { name: 'Write a post' }));

    await openFromMainNav(b, 'Home', '**/home');
    const feed = b.getByRole('list', { name: 'Posts in your groups' });
    await expectVisible(feed.getByRole('link', { name: title }));
    await expectVisible(feed.getByText('Needs a reply'));
    await b.getByRole('link', { name: 'Waiting for a reply' }).click();
    await expectVisible(b.getByRole('list', { name: 'Waiting for a reply' }).getByRole('link', { name: title }));
    await checkA11y(b, 'home: waiting for a reply');
    await b.getByRole('list', { name: 'Waiting for a reply' }).getByRole('link', { name: title }).click();
    await b.waitForURL(`**${threadUrl}`);

    await expectVisible(heading(b, title));
    await expectVisible(b.getByText(alias, { exact: true }).first());
    await expectVisible(b.getByText('anonymous', { exact: true }).first());
    expect(await b.content()).not.toContain(handleA);

    // The warning is visible; the post is folded behind it until B asks.
    await expectVisible(b.getByText('a panic attack in detail (Self-harm)'));
    const show = b.getByRole('button', { name: 'Show the post' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    expect(await b.getByText('It started in the lift', { exact: false }).count()).toBe(0);
    await checkA11y(b, 'thread with a folded warning');
    await show.click();
    await expectVisible(b.getByText('It started in the lift', { exact: false }));
    expect(await b.getByRole('button', { name: 'Hide the post' }).getAttribute('aria-expanded')).toBe('true');

    const strength = b
      .getByRole('group', { name: 'Respond to this post' })
      .getByRole('button', { name: 'Sending strength' });
    expect(await strength.getAttribute('aria-pressed')).toBe('false');
    await strength.click();
    await b.locator('button[aria-pressed="true"]', { hasText: 'Sending strength' }).waitFor();

    await b.getByLabel('Your reply').fill(reply);
    expect(await b.getByRole('switch', { name: 'Reply anonymously' }).isChecked()).toBe(false);
    await b.getByRole('button', { name: 'Send reply' }).click();
    await expectVisible(b.getByRole('status').getByText('Your reply is posted.'));
    await expectVisible(
      b.getByRole('article', { name: `${handleB}’s reply` }).or(b.getByRole('article', { name: 'your reply' })),
    );
    await expectVisible(b.getByText(reply));
    expect(await b.content()).not.toContain(handleA);
    await checkA11y(b, 'thread after replying');
    expect(problemsB()).toEqual([]);
  });

  it('shows A the reply and who sent strength', async () => {
    await a.reload();
    await expectVisible(a.getByText(reply));
    await expectVisible(a.getByText('People sent you:', { exact: false }));
    await expectVisible(a.getByText('Sending strength', { exact: true }));
    const who = a.getByText('Who reacted', { exact: false });
    await who.click();
    await expectVisible(a.getByRole('listitem').filter({ hasText: `${handleB}: Sending strength` }));
    // The author does not react to their own words.
    expect(await a.getByRole('group', { name: 'Respond to this post' }).count()).toBe(0);
    await checkA11y(a, 'thread with reactions (author)');
  });

  it('lets A edit the post, which then says "edited"', async () => {
    await a.getByRole('button', { name: 'More options for this post' }).click();
    await a.getByRole('link', { name: 'Edit' }).click();
    await a.waitForURL('**/edit');
    await expectVisible(heading(a, 'Edit your post'));
    expect(await a.getByLabel('Title').inputValue()).toBe(title);
    expect(await a.getByLabel('Warning in your own words').inputValue()).toBe('a panic attack in detail');
    await checkA11y(a, 'edit post');
    await a.getByLabel('Your post').fill(`${body}\n\nThank you for the replies.`);
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.waitForURL(`**${threadUrl}`);
    await expectVisible(a.getByText('edited', { exact: true }));
    // Still behind its warning, for its author too.
    await a.getByRole('button', { name: 'Show the post' }).click();
    await expectVisible(a.getByText('Thank you for the replies.'));
  });

  it('finds the post in search, with the match marked', async () => {
    await openFromMainNav(a, 'Search', '**/search');
    await expectVisible(heading(a, 'Search'));
    await a.getByLabel('Search for').fill('panic');
    await a.getByRole('button', { name: 'Search' }).click();
    await a.waitForURL('**/search?q=panic');
    await expectVisible(a.getByRole('link', { name: title }));
    // The post has a warning: its words are folded behind it here too, until asked for.
    await a.getByRole('button', { name: `Show the words of “${title}”` }).click();
    await expectVisible(a.locator('mark', { hasText: /panic/i }).first());
    await checkA11y(a, 'search');
  });

  it('lets B hide posts with a content warning, and A block and unblock B', async () => {
    await b.goto('/settings/community');
    await expectVisible(heading(b, 'Community', 2));
    await checkA11y(b, 'settings: community');
    await b.getByRole('combobox', { name: 'Self-harm' }).selectOption('hide');
    await b.getByRole('button', { name: 'Save community settings' }).click();
    await expectVisible(b.getByRole('status').getByText('Your community settings are saved.'));
    await b.goto('/home');
    await expectVisible(b.getByText('1 post hidden by your', { exact: false }));
    expect(await b.getByRole('link', { name: title }).count()).toBe(0);

    await a.goto(threadUrl);
    await a.getByRole('button', { name: `More options for ${handleB}’s reply` }).click();
    await a.getByRole('button', { name: `Block ${handleB}` }).click();
    await expectVisible(a.getByText(`Block ${handleB}?`));
    await a.getByRole('button', { name: `Block ${handleB}`, exact: true }).click();
    await expectVisible(a.getByRole('status').getByText(`You blocked ${handleB}.`, { exact: false }));
    await expectHidden(a.getByText(reply));

    await a.goto('/settings/blocked-and-muted');
    await expectVisible(heading(a, 'Blocked and muted', 2));
    const blocked = a.getByRole('list', { name: 'Blocked members' });
    await expectCount(blocked.getByRole('listitem'), 1);
    // Said plainly: blocks leave anonymous posts alone (hiding them would tell who wrote them); muting does not.
    await expectVisible(a.getByText('Blocking does not hide anonymous posts and replies', { exact: false }));
    await checkA11y(a, 'settings: blocked and muted');
    await blocked.getByRole('button', { name: `Unblock ${handleB}` }).click();
    await expectVisible(a.getByRole('status').getByText(`${handleB} is unblocked.`));
    await a.goto(threadUrl);
    await expectVisible(a.getByText(reply));

    await a.getByRole('button', { name: 'Mute thread' }).click();
    await expectVisible(a.getByRole('button', { name: 'Unmute thread' }));
    await a.goto('/settings/blocked-and-muted');
    const muted = a.getByRole('list', { name: 'Muted threads and groups' });
    await expectCount(muted.getByRole('listitem').filter({ hasText: title }), 1);
    await muted.getByRole('button', { name: `Unmute ${title}` }).click();
    await expectVisible(a.getByText('You have not muted anything.'));
    expect(problemsA()).toEqual([]);
  });

  it('pages through a long group feed with "Load more", never by itself', async () => {
    // Seeded through the API as A: twenty more posts, so the group's feed has two pages.
    for (let index = 1; index <= 20; index += 1) {
      const response = await a.request.post('/api/groups/anxiety/posts', {
        data: { title: `A note to myself, day ${index}`, body: 'Breathing slowly helped a little today.' },
      });
      expect(response.status()).toBe(201);
    }
    await a.goto('/groups/anxiety');
    const posts = a.getByRole('list', { name: 'Posts in Anxiety' });
    await expectCount(posts.getByRole('article'), 20);
    await a.getByRole('button', { name: 'Load more' }).click();
    await expectCount(posts.getByRole('article'), 21);
    await expectVisible(a.getByRole('status').getByText('Showing 21 posts.'));
    await expectHidden(a.getByRole('button', { name: 'Load more' }));
  });

  it('fits a 360 px phone, with the main navigation on one line', async () => {
    const phone = await hearth.phone({
      storageState: await contextA.storageState(),
    });
    const page = await phone.newPage();
    for (const path of [
      '/welcome-in',
      '/home',
      '/groups',
      '/groups/anxiety',
      '/groups/anxiety/new',
      threadUrl,
      '/search?q=panic',
      '/settings/community',
      '/settings/blocked-and-muted',
    ]) {
      await page.goto(path);
      await expectVisible(page.locator('h1'));
      const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('listitem');
      const tops = await nav.evaluateAll((items) =>
        items
          .filter((item) => item.getClientRects().length > 0)
          .map((item) => Math.round(item.getBoundingClientRect().top)),
      );
      expect(new Set(tops).size, `${path}: main navigation on one line`).toBe(1);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectNoHorizontalScroll(page, 360, `${path} (${colorScheme})`);
      }
      await checkA11y(page, `${path} at 360 px`);
    }
    // Settings and Sign out wait behind "More".
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).click();
    await expectVisible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }));
    await expectVisible(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }));
    await phone.close();
  });
});
