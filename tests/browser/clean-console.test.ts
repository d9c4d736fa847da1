import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectVisible, watchConsoleStrictly } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';
import { joinGroupFromItsPage, signUpThroughTheApp, uniqueHandle, usePersonPage, writePost } from './support/members.js';

/**
 * Every page, signed out and signed in (and the API documentation), runs without a single console error: no
 * failed request (a signed-out page used to log a 401 from /api/me), no CSP violation (/api/docs used an inline
 * style), no page error. See watchConsoleStrictly.
 */

const hearth = useHearthInBrowser();

/** Visits a page, waits for its h1 (or the docs' own title) and for the network to settle. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (path.startsWith('/api/docs')) await expectVisible(page.locator('.swagger-ui .title').first());
  else await expectVisible(page.locator('h1').first());
  await page.waitForLoadState('networkidle');
}

describe('a clean console on every page', () => {
  const visitor = usePersonPage(hearth, undefined, watchConsoleStrictly);

  it('signed out', async () => {
    const { page, problems } = visitor;
    for (const path of ['/', '/help', '/sign-up', '/sign-in', '/recover', '/no-such-page', '/home', '/api/docs']) {
      await visit(page, path);
    }
    expect(problems()).toEqual([]);
  });

  it('serves a real web manifest with name, colours and icons', async () => {
    const { page } = visitor;
    const response = await page.request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await response.json()) as {
      name: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.name).toBe('Hearth');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
    await page.goto('/');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
  });

  it('signed in', async () => {
    const { page, problems } = visitor;
    const handle = uniqueHandle('ember');
    await signUpThroughTheApp(page, handle);
    await joinGroupFromItsPage(page, 'anxiety', 'Anxiety');
    await writePost(page, 'anxiety', { title: 'A calm morning for once', body: 'Slept well and walked to work.' });
    const thread = new URL(page.url()).pathname;
    for (const path of [
      '/home',
      '/welcome-in',
      '/groups',
      '/groups/anxiety',
      '/groups/anxiety/new',
      thread,
      `${thread}/edit`,
      '/search?q=calm',
      `/members/${handle}`,
      '/settings/profile',
      '/settings/community',
      '/settings/blocked-and-muted',
      '/settings/password',
      '/settings/sessions',
      '/settings/recovery-codes',
      '/help',
      '/no-such-page',
      '/api/docs',
    ]) {
      await visit(page, path);
    }
    expect(problems()).toEqual([]);
  });
});
