import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { expectVisible, watchConsole } from './browser.js';
import type { BrowserHearth } from './hearth.js';

/** A handle no other test run will use. */
export function uniqueHandle(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Joins Hearth through the sign-up page and the recovery-codes step, as a
 * person would, and stops on the onboarding page it leads to.
 */
export async function signUpThroughTheApp(
  page: Page,
  handle: string,
  options: { password?: string; country?: string } = {},
): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(options.password ?? 'lantern-river-biscuit');
  if (options.country) await page.getByLabel('Country').selectOption(options.country);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' }));
  await page.getByLabel('I have saved my recovery codes somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/welcome-in');
  await expectVisible(page.getByRole('heading', { level: 1, name: 'What are you going through right now?' }));
}

/** Signs up through the app as `signUpThroughTheApp` does, skips onboarding, and waits on home. */
export async function signUpAndSkipOnboarding(
  page: Page,
  handle: string,
  options: { password?: string; country?: string } = {},
): Promise<void> {
  await signUpThroughTheApp(page, handle, options);
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.waitForURL('**/home');
}

/** A new member on a new page of `context`: signed up, onboarding skipped, on home. */
export async function newMember(
  context: BrowserContext,
  prefix: string,
  options: { password?: string; country?: string } = {},
): Promise<{ page: Page; handle: string }> {
  const page = await context.newPage();
  const handle = uniqueHandle(prefix);
  await signUpAndSkipOnboarding(page, handle, options);
  return { page, handle };
}

/** One person's browser and page, shared by the tests of a describe. */
export interface PersonPage {
  /** Known once the describe's hooks have run. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** What the console watcher has collected so far. */
  readonly problems: () => string[];
}

/**
 * Call inside a describe: before its tests, a new person's page with its
 * console watched from the start (by `watch`), then `setup` on it (signing up
 * or in); the person's browser closes after the tests.
 */
export function usePersonPage(
  hearth: BrowserHearth,
  setup?: (page: Page) => Promise<void>,
  watch: (page: Page) => () => string[] = watchConsole,
): PersonPage {
  let opened: PersonPage | undefined;
  beforeAll(async () => {
    const context = await hearth.person();
    const page = await context.newPage();
    opened = { context, page, problems: watch(page) };
    await setup?.(page);
  });
  afterAll(async () => {
    await opened?.context.close();
  });
  const started = (): PersonPage => {
    if (!opened) throw new Error('The page is not open yet: use it inside a test or hook');
    return opened;
  };
  return {
    get context() {
      return started().context;
    },
    get page() {
      return started().page;
    },
    get problems() {
      return started().problems;
    },
  };
}

/** From anywhere signed in: the group's page, and its rules accepted. */
export async function joinGroupFromItsPage(page: Page, slug: string, name: string): Promise<void> {
  await page.goto(`/groups/${slug}`);
  await expectVisible(page.getByRole('heading', { level: 1, name }));
  await page.getByRole('button', { name: 'I accept the group rules' }).click();
  await expectVisible(page.getByText(`You are a member of ${name}`));
}

/** The composer of a group the member has joined: title, body, and "Share post". */
export async function writePost(
  page: Page,
  slug: string,
  post: { title: string; body: string; anonymous?: boolean },
): Promise<void> {
  await page.goto(`/groups/${slug}/new`);
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Write a post' }));
  await page.getByLabel('Title').fill(post.title);
  await page.getByLabel('Your post').fill(post.body);
  const anonymous = page.getByRole('switch', { name: 'Post anonymously' });
  if (post.anonymous) await anonymous.check();
  else await anonymous.uncheck();
  await page.getByRole('button', { name: 'Share post' }).click();
  await page.waitForURL('**/posts/**');
}
