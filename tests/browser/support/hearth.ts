import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newPersonContext } from './browser.js';
import { startServer, type TestServer } from './server.js';

/** The Hearth server and the browser a test file shares. */
export interface BrowserHearth {
  /** The server's address, like http://127.0.0.1:41234. */
  readonly url: string;
  /** A new person: their own browser context (cookies, storage) on this Hearth. */
  person(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new person on a small phone (360 × 740, touch): the narrowest screen Hearth is checked on. */
  phone(options?: BrowserContextOptions): Promise<BrowserContext>;
}

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/**
 * Starts the built Hearth (a fresh database) and Chromium before the file's
 * tests and stops both after them. Call it at the top level of a test file.
 */
export function useHearthInBrowser(env: Record<string, string> = {}): BrowserHearth {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = (): { server: TestServer; browser: Browser } => {
    if (server === undefined || browser === undefined) throw new Error('Hearth is not started yet: use it inside a test or hook');
    return { server, browser };
  };
  const person = (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const { server: s, browser: b } = started();
    return newPersonContext(b, s.url, options);
  };
  return {
    get url() {
      return started().server.url;
    },
    person,
    phone: (options) => person({ ...PHONE, ...options }),
  };
}
