import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { useHearthInBrowser, type BrowserHearth } from './hearth.js';
import { uniqueHandle } from './members.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface FirstAdmin {
  readonly handle: string;
  /** Known once the file's hooks have run. */
  readonly password: string;
}

/**
 * The first admin is made as an operator would: `hearth admin create`, on the
 * data folder the server then starts on (PGlite is one process at a time, so
 * before the server, not beside it).
 */
async function createAdmin(handle: string, directory: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: directory, DEMO_SEED: 'false', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'bin/hearth.js'), 'admin', 'create', handle], { cwd: repoRoot, env });
  const password = /password: (\S+)/.exec(stdout)?.[1];
  if (!password) throw new Error(`hearth admin create printed no password:\n${stdout}`);
  return password;
}

/**
 * A Hearth for the file whose first admin exists from the start. Call it at
 * the top level instead of `useHearthInBrowser`. Hooks run in order: the admin
 * first, then `seed` (if given) on the same folder, then the server on that
 * folder; after-hooks run in reverse, so the folder goes only once the server
 * has stopped.
 */
export function useHearthWithAdmin(
  env: Record<string, string> = {},
  prefix = 'keeper',
  seed?: (dataDir: string, adminHandle: string) => Promise<void>,
): { hearth: BrowserHearth; admin: FirstAdmin } {
  const handle = uniqueHandle(prefix);
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-browser-admin-'));
  let password: string | undefined;
  beforeAll(async () => {
    password = await createAdmin(handle, dataDir);
    if (seed) await seed(dataDir, handle);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const hearth = useHearthInBrowser({ ...env, DATA_DIR: dataDir });
  const admin: FirstAdmin = {
    handle,
    get password() {
      if (password === undefined) throw new Error('The admin is not created yet: use it inside a test or hook');
      return password;
    },
  };
  return { hearth, admin };
}

/** Signs in through the sign-in page and waits for home. */
export async function signIn(page: Page, handle: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/home');
}

/** An admin (signed in on `adminPage`) gives the member signed in on `memberPage` a staff role, through the API as the admin screen does. */
export async function promote(adminPage: Page, memberPage: Page, role: 'moderator' | 'admin'): Promise<void> {
  const { user } = (await (await memberPage.request.get('/api/me')).json()) as { user: { id: string } };
  const response = await adminPage.request.patch(`/api/admin/users/${user.id}`, { data: { role } });
  if (response.status() !== 200) throw new Error(`promoting to ${role} failed: ${response.status()} ${await response.text()}`);
}
