import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';

/** Debian's Chromium, headless, with nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const WAIT_MS = 15_000;

/** A context for one person's browser: steps wait up to 15 s, never longer. */
export async function newPersonContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London', ...options });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}

/** Waits until the element is visible (playwright-core has no `expect`). */
export async function expectVisible(locator: Locator, timeout = WAIT_MS): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

export async function expectHidden(locator: Locator, timeout = WAIT_MS): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** Waits until the locator matches exactly `count` elements. */
export async function expectCount(locator: Locator, count: number, timeout = WAIT_MS): Promise<void> {
  try {
    if (count > 0) await locator.nth(count - 1).waitFor({ state: 'attached', timeout });
    await locator.nth(count).waitFor({ state: 'detached', timeout });
  } catch {
    throw new Error(`Expected ${count} of ${locator.toString()}, found ${await locator.count()}.`);
  }
}

/** Collects page errors and CSP violations, so a test can assert the page ran cleanly. */
export function watchConsole(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The browser logs every non-2xx response, and some flows ask for one (a wrong password answers 401).
    // That no page makes a failed request on its own is checked by watchConsoleStrictly (clean-console.test.ts).
    if (text.startsWith('Failed to load resource')) return;
    problems.push(`console error: ${text}`);
  });
  return () => [...problems];
}

/** Like watchConsole, but every failed request (status 400 or more) is a problem too. */
export function watchConsoleStrictly(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} from ${response.url()}`);
  });
  return () => [...problems];
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now, in light and in dark mode, and fails
 * listing every serious or critical violation of either.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const failures: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    for (const violation of results.violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      const nodes = violation.nodes
        .map(
          (node) =>
            `      ${node.target.join(' ')}\n        ${(node.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
        )
        .join('\n');
      failures.push(`  [${colorScheme}] ${violation.id} (${violation.impact}): ${violation.help}\n${nodes}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (failures.length > 0) {
    throw new Error(`Accessibility violations on "${label}" (${page.url()}):\n${failures.join('\n')}`);
  }
}

/** The page fits its viewport: nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page, width: number, label: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) {
    const culprits = await page.evaluate((limit) => {
      return [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
        .slice(0, 5)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`,
        );
    }, width);
    throw new Error(
      `"${label}" scrolls sideways at ${width}px: scrollWidth is ${scrollWidth}. Widest: ${culprits.join(', ')}`,
    );
  }
}
