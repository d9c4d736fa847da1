import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  checkA11y,
  expectHidden,
  expectNoHorizontalScroll,
  expectVisible,
  watchConsole,
} from './support/browser.js';
import { signUpThroughTheApp, uniqueHandle, usePersonPage } from './support/members.js';
import { signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * An admin keeps the crisis line directory true: a corrected line reaches the
 * "Get help now" page at once, a bad address is pointed out beside its field,
 * and nobody else can use the editor.
 */

/** Waits until the focused element is the one the locator finds. */
async function expectFocused(page: Page, label: string): Promise<void> {
  await page.waitForFunction((text) => {
    const active = document.activeElement;
    return Boolean(
      active &&
      (active.textContent?.includes(text) || (active as HTMLInputElement).labels?.[0]?.textContent?.includes(text)),
    );
  }, label);
}

const { hearth, admin } = useHearthWithAdmin({}, 'keeper');

describe('an admin', () => {
  const signedIn = usePersonPage(hearth, (page) => signIn(page, admin.handle, admin.password));

  it('finds the directory from Settings, and it passes axe in light and dark', async () => {
    const { page } = signedIn;
    await page.goto('/settings');
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Crisis line directory' })
      .click();
    await page.waitForURL('**/admin/hotlines');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Crisis line directory' }));
    const uk = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'United Kingdom', exact: true }) });
    await expectVisible(uk.getByText('999', { exact: true }));
    await checkA11y(page, 'crisis line directory');

    await uk.getByRole('link', { name: 'United Kingdom', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Edit United Kingdom' }));
    await expectVisible(page.getByRole('group', { name: 'Service 1: Samaritans' }));
    await checkA11y(page, 'editing a country');
  });

  it('corrects a service and sees it on "Get help now" for that country', async () => {
    const { page, problems } = signedIn;
    await page.goto('/admin/hotlines/GB');
    const samaritans = page.getByRole('group', { name: 'Service 1: Samaritans' });
    await samaritans.getByLabel('Hours').fill('24 hours a day, every day of the year');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.waitForURL('**/admin/hotlines');
    const saved = page.getByRole('status').getByText('United Kingdom is saved.', { exact: false });
    await expectVisible(saved);
    await expectFocused(page, 'United Kingdom is saved.');

    await page.goto('/help?country=GB');
    const lines = page.getByRole('region', { name: 'Crisis lines in the United Kingdom' });
    await expectVisible(lines.getByText('24 hours a day, every day of the year'));
    expect(problems()).toEqual([]);
  });

  it('is shown a bad web address beside its field, with focus on it', async () => {
    const { page } = signedIn;
    await page.goto('/admin/hotlines/GB');
    const shout = page.getByRole('group', { name: 'Service 2: Shout 85258' });
    const address = shout.getByLabel('Web address');
    await address.fill('http://giveusashout.org');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expectVisible(shout.getByText('Web address must be an https URL.'));
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(
      () => (document.activeElement as HTMLInputElement | null)?.value === 'http://giveusashout.org',
    );
    expect(page.url()).toMatch(/\/admin\/hotlines\/GB$/);
    await checkA11y(page, 'a field error');
  });

  it('is told, and keeps the draft, when another admin saved the entry while it was open', async () => {
    const { context, page } = signedIn;
    await page.goto('/admin/hotlines/IE');
    const first = page.getByRole('group', { name: /^Service 1:/ });
    await expectVisible(first);
    // Meanwhile another admin (here, the same account from another tab) saves the entry.
    const other = await context.newPage();
    await other.goto('/admin/hotlines/IE');
    await other.getByRole('group', { name: /^Service 1:/ }).getByLabel('Hours').fill('Changed in the other tab');
    await other.getByRole('button', { name: 'Save changes' }).click();
    await other.waitForURL('**/admin/hotlines');
    await other.close();

    await first.getByLabel('Hours').fill('Changed in this tab');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('Someone else changed this country while you were editing.', { exact: false }));
    expect(page.url()).toMatch(/\/admin\/hotlines\/IE$/);
    expect(await first.getByLabel('Hours').inputValue()).toBe('Changed in this tab');
    await page.goto('/help?country=IE');
    await expectVisible(page.getByText('Changed in the other tab'));
  });

  it('adds a country with two services, removes one, and deletes the country after confirming', async () => {
    const { page, problems } = signedIn;
    await page.goto('/admin/hotlines');
    await page.getByRole('link', { name: 'Add a country' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Add a country' }));
    await page.getByRole('combobox', { name: 'Country' }).selectOption('LU');
    expect(await page.getByLabel('Country name').inputValue()).toBe('Luxembourg');
    await page.getByLabel('Emergency number').fill('112');

    const first = page.getByRole('group', { name: /^Service 1:/ });
    await first.getByLabel('Name').fill('Kanner-Jugendtelefon');
    await first.getByLabel('Description').fill('Listening for children and young people.');
    await first.getByLabel('Phone number').fill('116 111');
    await first.getByLabel('Hours').fill('Weekdays 14:00–20:00');
    await first.getByLabel('Web address').fill('https://www.kjt.lu');
    await first.getByLabel('Source address').fill('https://www.kjt.lu/en/');

    await page.getByRole('button', { name: 'Add a service' }).click();
    const second = page.getByRole('group', { name: /^Service 2:/ });
    await expectVisible(page.getByRole('group', { name: 'Service 2: New service' }));
    await expectFocused(page, 'Name');
    await second.getByLabel('Name').fill('Spare line');
    await second.getByRole('button', { name: 'Remove this service (Spare line)' }).click();
    await expectHidden(page.getByRole('group', { name: /^Service 2:/ }));
    await expectFocused(page, 'Services');

    await page.getByRole('button', { name: 'Add this country' }).click();
    await page.waitForURL('**/admin/hotlines');
    await expectVisible(page.getByRole('status').getByText('Luxembourg is saved.', { exact: false }));
    await page.goto('/help?country=LU');
    await expectVisible(
      page
        .getByRole('region', { name: 'Crisis lines in Luxembourg' })
        .getByRole('heading', { name: 'Kanner-Jugendtelefon' }),
    );

    await page.goto('/admin/hotlines/LU');
    await page.getByRole('button', { name: 'Delete Luxembourg…' }).click();
    const confirm = page.getByRole('group', { name: 'Delete Luxembourg from the directory?' });
    await expectVisible(confirm);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expectFocused(page, 'Delete Luxembourg…');
    await page.getByRole('button', { name: 'Delete Luxembourg…' }).click();
    await confirm.getByRole('button', { name: 'Delete Luxembourg' }).click();

    await page.waitForURL('**/admin/hotlines');
    await expectVisible(page.getByRole('status').getByText('Luxembourg is deleted from the directory.'));
    await expectFocused(page, 'Luxembourg is deleted');
    await expectHidden(page.getByRole('link', { name: 'Luxembourg', exact: true }));
    expect(problems()).toEqual([]);
  });
});

describe('on a phone', () => {
  it('fits the editor at 360 px, in light and dark', async () => {
    const context = await hearth.phone();
    const page = await context.newPage();
    await signIn(page, admin.handle, admin.password);
    for (const path of ['/admin/hotlines', '/admin/hotlines/GB']) {
      await page.goto(path);
      await expectVisible(page.getByRole('heading', { level: 1 }));
      await expectVisible(page.getByRole('link', { name: /United Kingdom|All countries/ }).first());
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectNoHorizontalScroll(page, 360, `${path} (${colorScheme})`);
      }
    }
    await checkA11y(page, 'editing a country at 360 px');
    await context.close();
  });
});

describe('a member who is not an admin', () => {
  it('is told calmly that only administrators can edit the directory', async () => {
    const context = await hearth.person();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signUpThroughTheApp(page, uniqueHandle('willow'));
    await page.goto('/settings/profile');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Settings' }));
    expect(await page.getByRole('link', { name: 'Crisis line directory' }).count()).toBe(0);

    await page.goto('/admin/hotlines/GB');
    await expectVisible(page.getByText('Only administrators can edit the hotline directory.'));
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await checkA11y(page, 'the directory editor, for a member');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
