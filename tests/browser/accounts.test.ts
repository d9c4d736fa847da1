import { readFileSync } from 'node:fs';
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
import { useHearthInBrowser } from './support/hearth.js';

/**
 * A member's whole account journey in a real browser against the real server:
 * help without signing in, joining, recovery codes, signing in and out, the
 * password, sessions on two devices (one ended live from the other), and
 * getting back in with a recovery code. Every page is checked with axe in light
 * and dark mode.
 */

const hearth = useHearthInBrowser();

const handle = `river_${Math.random().toString(36).slice(2, 8)}`;
const firstPassword = 'lantern-river-biscuit';
const secondPassword = 'quiet-harbour-morning';
const finalPassword = 'slow-tide-evening-walk';
const CODE = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/;

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name });
}

async function readCodes(page: Page, listName: string): Promise<string[]> {
  const list = page.getByRole('list', { name: listName });
  await expectCount(list.getByRole('listitem'), 10);
  const codes = (await list.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
  for (const code of codes) expect(code).toMatch(CODE);
  expect(new Set(codes).size).toBe(10);
  return codes;
}

async function signOutFromHeader(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
  await expectVisible(page.getByText('You are signed out.'));
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/home');
  await expectVisible(heading(page, 'Home'));
}

// One person's browser, used step by step: each `it` continues where the last one stopped.
describe("a member's account journey", () => {
  let context: BrowserContext;
  let page: Page;
  let problems: () => string[];
  let firstCodes: string[] = [];

  beforeAll(async () => {
    context = await hearth.person({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hearth.url });
    page = await context.newPage();
    problems = watchConsole(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('shows anyone who to call, without an account', async () => {
    // The browser says en-GB, so the UK's lines show first.
    await page.goto('/');
    await expectVisible(heading(page, 'You do not have to go through this alone'));
    const panel = page.getByRole('region', { name: 'If you are in danger now' });
    await expectVisible(panel);
    const call999 = panel.getByRole('link', { name: 'Call 999' });
    await expectVisible(call999);
    expect(await call999.getAttribute('href')).toBe('tel:999');
    await expectVisible(panel.getByRole('link', { name: /^Call 116 123/ }));
    await checkA11y(page, 'welcome');

    // Choosing another country changes the numbers.
    await panel.getByLabel('Your country').selectOption('US');
    await expectVisible(panel.getByRole('link', { name: 'Call 911' }));
    expect(await panel.getByRole('link', { name: /^Text 988/ }).getAttribute('href')).toBe('sms:988');

    // The full directory is one click away from every page, and keeps the chosen country.
    await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
    await page.waitForURL('**/help**');
    await expectVisible(heading(page, 'Get help now'));
    await expectVisible(page.getByRole('heading', { name: 'Crisis lines in the United States' }));
    await expectVisible(page.getByRole('link', { name: 'Call 911' }));
    await page.getByLabel('Your country').selectOption('GB');
    await expectVisible(page.getByRole('heading', { name: 'Crisis lines in the United Kingdom' }));
    await expectVisible(page.getByRole('contentinfo').getByRole('link', { name: 'Get help now' }));
    await checkA11y(page, 'help');
  });

  it('lets a visitor join, saying what is wrong beside the field', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Join Hearth' }).click();
    await page.waitForURL('**/sign-up');
    await expectVisible(heading(page, 'Join Hearth'));
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/London');
    await expectVisible(page.getByText('At least 8 characters'));
    await expectVisible(page.getByText('Not needed to use Hearth.', { exact: false }));
    await checkA11y(page, 'sign up');

    const password = page.getByLabel('Password', { exact: true });
    await page.getByLabel('Handle').fill(handle);
    await password.fill('short');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expectVisible(page.getByText('Password must be at least 8 characters.'));
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await password.getAttribute('id'));

    // A common password is refused by the server; its message lands on the password field too.
    await password.fill('password123');
    await page.getByRole('button', { name: 'Create my account' }).click();
    const common = page.getByText('This password is on a list of commonly used passwords', { exact: false });
    await expectVisible(common);
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await common.getAttribute('id'));
    await checkA11y(page, 'sign up with errors');

    await password.fill(firstPassword);
    await page.getByLabel('Email').fill('');
    await page.getByLabel('Country').selectOption('GB');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expectVisible(heading(page, 'Save your recovery codes'));
  });

  it('shows the recovery codes once, to copy or download, and asks that they are kept', async () => {
    firstCodes = await readCodes(page, 'Your recovery codes');
    await checkA11y(page, 'recovery codes');

    await page.getByRole('button', { name: 'Copy' }).click();
    await expectVisible(page.getByText('Copied.', { exact: false }));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    for (const code of firstCodes) expect(copied).toContain(code);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as text' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`hearth-recovery-codes-${handle}.txt`);
    const downloaded = readFileSync(await download.path(), 'utf8');
    for (const code of firstCodes) expect(downloaded).toContain(code);

    await page.getByRole('button', { name: 'Continue' }).click();
    await expectVisible(page.getByText('Please save your recovery codes, then tick the box.'));
    await page.getByLabel('I have saved my recovery codes somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // A new member is asked what they are going through (community.test.ts follows that path).
    await page.waitForURL('**/welcome-in');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.waitForURL('**/home');
    await expectVisible(heading(page, 'Home'));
    await expectVisible(page.getByText(`Signed in as ${handle}`));
    await checkA11y(page, 'home');
  });

  it('signs out, and back in after a wrong password', async () => {
    await signOutFromHeader(page);
    await checkA11y(page, 'sign in');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('alert').getByText('That handle and password do not match.'));
    await checkA11y(page, 'sign in with an error');
    await signIn(page, firstPassword);
  });

  it('saves the profile, with a live character count for the bio', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings/profile');
    await expectVisible(page.getByRole('heading', { name: 'Profile' }));
    await page.getByLabel('Pronouns').fill('they/them');
    await page.getByLabel('About you').fill('Learning to be gentle with myself.');
    await expectVisible(page.getByText('34 of 280 characters'));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectVisible(page.getByRole('status').getByText('Your profile is saved.'));
    await checkA11y(page, 'settings: profile');
  });

  it('changes the password', async () => {
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Password' }).click();
    await page.waitForURL('**/settings/password');
    await expectVisible(page.getByText('signs you out on every other device', { exact: false }));
    await page.getByLabel('Current password').fill(firstPassword);
    await page.getByLabel('New password').fill(secondPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectVisible(page.getByRole('status').getByText('Your password is changed.'));
    await checkA11y(page, 'settings: password');
  });

  it('ends the session of another device, which is signed out live', async () => {
    // A second device signs in with the new password and opens its live connection.
    const otherContext = await hearth.person();
    const other = await otherContext.newPage();
    const otherProblems = watchConsole(other);
    await other.goto('/sign-in');
    await signIn(other, secondPassword);
    await other.locator('html[data-live="live"]').waitFor({ state: 'attached' });
    await other.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    // The first device sees both sessions and ends the other one.
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Sessions' }).click();
    await page.waitForURL('**/settings/sessions');
    const devices = page.getByRole('list', { name: 'Signed-in devices' });
    await expectCount(devices.getByRole('listitem'), 2);
    await expectCount(devices.getByText('This device', { exact: true }), 1);
    await checkA11y(page, 'settings: sessions');
    await devices.getByRole('button', { name: /^Sign out/ }).click();
    await expectVisible(page.getByRole('status').getByText('is signed out.', { exact: false }));
    await expectCount(devices.getByRole('listitem'), 1);

    // The second device hears it at once, without a reload, and is sent to sign in with a calm word.
    await expectVisible(other.getByText('You were signed out from another device.'));
    await other.waitForURL('**/sign-in');
    expect(await other.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expectVisible(other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }));
    await checkA11y(other, 'sign in after being signed out elsewhere');
    expect(otherProblems()).toEqual([]);
    await otherContext.close();
  });

  it('makes new recovery codes, and gets back in with one after forgetting the password', async () => {
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Recovery codes' }).click();
    await page.waitForURL('**/settings/recovery-codes');
    await page.getByLabel('Your password').fill(secondPassword);
    await page.getByRole('button', { name: 'Make new recovery codes' }).click();
    const newCodes = await readCodes(page, 'Your recovery codes');
    expect(newCodes).not.toContain(firstCodes[0]);
    await checkA11y(page, 'settings: recovery codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expectHidden(page.getByRole('list', { name: 'Your recovery codes' }));

    // Forgot the password: an old code no longer works, a new one does.
    await signOutFromHeader(page);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/recover');
    await expectVisible(heading(page, 'Get back into your account'));
    await checkA11y(page, 'recover');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Recovery code').fill(firstCodes[0]!);
    await page.getByLabel('New password').fill(finalPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expectVisible(page.getByRole('alert').getByText('the code was already used', { exact: false }));
    await page.getByLabel('Recovery code').fill(newCodes[3]!.toUpperCase());
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expectVisible(heading(page, 'You are back in'));
    await expectVisible(page.getByText('You have 9 recovery codes left.'));
    await checkA11y(page, 'recovered');
    await page.getByRole('link', { name: 'Go to your account' }).click();
    await page.waitForURL('**/home');
    await expectVisible(page.getByText(`Signed in as ${handle}`));

    // Signed-in members are taken from the welcome page to their account.
    await page.goto('/');
    await page.waitForURL('**/home');
    await expectVisible(page.getByRole('banner').getByRole('link', { name: 'Get help now' }));

    expect(problems()).toEqual([]);
  });
});

describe('on a phone', () => {
  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const context = await hearth.phone();
    const page = await context.newPage();
    for (const [path, title] of [
      ['/', 'You do not have to go through this alone'],
      ['/sign-up', 'Join Hearth'],
      ['/help', 'Get help now'],
    ] as const) {
      await page.goto(path);
      await expectVisible(heading(page, title));
      if (path === '/') await expectVisible(page.getByRole('link', { name: 'Call 999' }));
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectNoHorizontalScroll(page, 360, `${path} (${colorScheme})`);
      }
      await checkA11y(page, `${path} at 360 px`);
    }
    await context.close();
  });
});
