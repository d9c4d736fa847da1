import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';
import { joinGroupFromItsPage, signUpThroughTheApp, uniqueHandle, writePost } from './support/members.js';

/**
 * A member's profile page, reached from their handle on a post: pronouns, bio, joined month and the posts they
 * wrote under their handle, never the anonymous one. After a block the member who blocked is told why the posts are hidden; the blocked reader sees an ordinary empty list.
 */

const hearth = useHearthInBrowser();
const author = uniqueHandle('maple');
const reader = uniqueHandle('brook');

describe('the member profile page', () => {
  let authorContext: BrowserContext;
  let readerContext: BrowserContext;
  let a: Page;
  let b: Page;
  let problemsA: () => string[];
  let problemsB: () => string[];

  beforeAll(async () => {
    authorContext = await hearth.person();
    readerContext = await hearth.person();
    a = await authorContext.newPage();
    b = await readerContext.newPage();
    problemsA = watchConsole(a);
    problemsB = watchConsole(b);
  });

  afterAll(async () => {
    await authorContext?.close();
    await readerContext?.close();
  });

  it('shows pronouns, bio and the posts under the handle, reached from the handle on a post', async () => {
    await signUpThroughTheApp(a, author);
    await a.goto('/settings/profile');
    await a.getByLabel('Pronouns').fill('they/them');
    await a.getByLabel('About you').fill('Gardener. Learning to rest.');
    await a.getByRole('button', { name: 'Save profile' }).click();
    await expectVisible(a.getByText('Your profile is saved.'));
    await joinGroupFromItsPage(a, 'loneliness', 'Loneliness');
    await writePost(a, 'loneliness', { title: 'Evenings on my own', body: 'The evenings are long this month.' });
    await writePost(a, 'loneliness', { title: 'Something only Quiet me says', body: 'Hard to say under my name.', anonymous: true });

    await signUpThroughTheApp(b, reader);
    await joinGroupFromItsPage(b, 'loneliness', 'Loneliness');
    await b.getByRole('link', { name: 'Evenings on my own' }).click();
    await b.waitForURL('**/posts/**');
    await b.getByRole('link', { name: author, exact: true }).first().click();
    await b.waitForURL(`**/members/${author}`);
    await expectVisible(b.getByRole('heading', { level: 1, name: author }));
    await expectVisible(b.getByText('they/them'));
    await expectVisible(b.getByText('Gardener. Learning to rest.'));
    const posts = b.getByRole('list', { name: `Posts by ${author}` });
    await expectVisible(posts.getByRole('link', { name: 'Evenings on my own' }));
    expect(await posts.getByRole('link', { name: 'Something only Quiet me says' }).count()).toBe(0);
    await checkA11y(b, 'member profile');
    await b.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(b, 360, 'member profile');
    await b.setViewportSize({ width: 1280, height: 720 });
  });

  it('after a block, tells the member who blocked, and shows the blocked reader only an ordinary empty list', async () => {
    await a.goto('/settings/blocked-and-muted');
    await a.getByLabel('Block a member by handle').fill(reader);
    await a.getByRole('button', { name: 'Block', exact: true }).click();
    await expectVisible(a.getByRole('list', { name: 'Blocked members' }).getByRole('link', { name: reader }));

    await b.goto(`/members/${author}`);
    await expectVisible(b.getByRole('heading', { level: 1, name: author }));
    await expectVisible(b.getByText(`${author} has no posts under this name yet.`));
    expect(await b.getByText(/block/i).count()).toBe(0);
    expect(await b.getByRole('link', { name: 'Evenings on my own' }).count()).toBe(0);

    await a.goto(`/members/${reader}`);
    await expectVisible(a.getByText('You blocked this member'));
    await checkA11y(a, 'member profile of a blocked member');
    expect([...problemsA(), ...problemsB()]).toEqual([]);
  });
});
