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
}

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
  return {
    get url() {
      return started().server.url;
    },
    person: (options) => {
      const { server: s, browser: b } = started();
      return newPersonContext(b, s.url, options);
    },
  };
}
