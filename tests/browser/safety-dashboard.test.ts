import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, signUpThroughTheApp, uniqueHandle, writePost } from './support/members.js';
import { useHearthInBrowser } from './support/hearth.js';

/**
 * The safety dashboard as a moderator uses it: a crisis post appears live,
 * without a reload, at the top, and the header's count rises; the moderator
 * claims it, adds a private note and resolves it.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const adminHandle = uniqueHandle('lead');
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-safety-browser-'));
let adminPassword: string;

/** The first admin, made as an operator would, before the server starts on the same folder. */
async function createAdmin(handle: string, directory: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: directory, DEMO_SEED: 'false', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'bin/hearth.js'), 'admin', 'create', handle], { cwd: repoRoot, env });
  const password = /password: (\S+)/.exec(stdout)?.[1];
  if (!password) throw new Error(`hearth admin create printed no password:\n${stdout}`);
  return password;
}

beforeAll(async () => {
  adminPassword = await createAdmin(adminHandle, dataDir);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const hearth = useHearthInBrowser({ DATA_DIR: dataDir });

const CRISIS = { title: 'Goodbye', body: 'I have written my note and tonight is the night. Thank you all for everything.' };

describe('a moderator on the safety dashboard', () => {
  const contexts: BrowserContext[] = [];
  let moderator: Page;
  let problems: () => string[];

  beforeAll(async () => {
    const admin = await hearth.person();
    contexts.push(admin);
    const adminPage = await admin.newPage();
    await adminPage.goto('/sign-in');
    await adminPage.getByLabel('Handle').fill(adminHandle);
    await adminPage.getByLabel('Password', { exact: true }).fill(adminPassword);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.waitForURL('**/home');

    const context = await hearth.person();
    contexts.push(context);
    moderator = await context.newPage();
    problems = watchConsole(moderator);
    await signUpThroughTheApp(moderator, uniqueHandle('harbour'));
    await moderator.getByRole('button', { name: 'Skip for now' }).click();
    await moderator.waitForURL('**/home');
    const { user: me } = (await (await moderator.request.get('/api/me')).json()) as { user: { id: string } };
    const promoted = await adminPage.request.patch(`/api/admin/users/${me.id}`, { data: { role: 'moderator' } });
    expect(promoted.status()).toBe(200);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('sees a crisis post appear live, claims it, notes and resolves it', async () => {
    await moderator.goto('/home');
    await moderator.getByRole('navigation').getByRole('link', { name: 'Safety, 0 open alerts' }).click();
    await moderator.waitForURL('**/safety');
    await expectVisible(moderator.getByRole('heading', { level: 1, name: 'Safety' }));
    const openAlerts = moderator.getByRole('region', { name: /^Open alerts/ });
    await expectVisible(openAlerts.getByText('No open alerts.', { exact: false }));
    await moderator.waitForFunction(() => document.documentElement.dataset.live === 'live');

    // A member writes in crisis, in another browser.
    const member = await hearth.person();
    contexts.push(member);
    const writer = await member.newPage();
    await signUpThroughTheApp(writer, uniqueHandle('tide'));
    await writer.getByRole('button', { name: 'Skip for now' }).click();
    await writer.waitForURL('**/home');
    await joinGroupFromItsPage(writer, 'depression', 'Depression');
    await writePost(writer, 'depression', CRISIS);

    // No reload: the alert is there, announced, and the header's count has risen.
    const alertLink = openAlerts.getByRole('link', { name: /tonight is the night/ });
    await expectVisible(alertLink);
    await expectVisible(openAlerts.getByText('Imminent', { exact: true }));
    await expectVisible(moderator.getByRole('link', { name: 'Safety, 1 open alert' }));
    await expectVisible(moderator.getByRole('status').filter({ hasText: 'New imminent alert, waiting 0 minutes' }));
    expect(await openAlerts.getByRole('timer').first().textContent()).toMatch(/left|overdue/);

    await alertLink.click();
    const detail = moderator.getByRole('region', { name: 'The alert' });
    await expectVisible(detail.getByText('tonight is the night', { exact: false }).first());
    await expectVisible(detail.locator('mark').first());
    await expectVisible(detail.getByText('Model version'));
    await checkA11y(moderator, 'safety dashboard with an alert');

    await detail.getByRole('button', { name: 'Claim' }).click();
    await expectVisible(detail.getByText('You have claimed this alert.'));
    await expectVisible(openAlerts.getByText('Claimed by you'));

    await detail.getByLabel('Private note').fill('Sent outreach; waiting to hear back.');
    await detail.getByRole('button', { name: 'Add a private note' }).click();
    await expectVisible(detail.getByRole('listitem').filter({ hasText: 'Sent outreach; waiting to hear back.' }));

    await detail.getByRole('radio', { name: 'A real concern' }).check();
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await expectVisible(detail.getByText('A real concern', { exact: false }).first());
    await expectVisible(detail.getByRole('heading', { name: 'Resolved' }).or(detail.getByText('Resolved', { exact: true })).first());
    await expectVisible(moderator.getByRole('link', { name: 'Safety, 0 open alerts' }));
    await expectVisible(openAlerts.getByText('No open alerts.', { exact: false }));
    await checkA11y(moderator, 'safety dashboard after resolving');
    expect(problems()).toEqual([]);
  });

  it('fits a phone, one column', async () => {
    await moderator.setViewportSize({ width: 360, height: 740 });
    await moderator.goto('/safety');
    await expectVisible(moderator.getByRole('heading', { level: 1, name: 'Safety' }));
    await expectNoHorizontalScroll(moderator, 360, 'safety dashboard on a phone');
  });

  it('a member is told calmly that the page is for the safety team', async () => {
    const member = await hearth.person();
    contexts.push(member);
    const page = await member.newPage();
    await signUpThroughTheApp(page, uniqueHandle('reed'));
    await page.goto('/safety');
    await expectVisible(page.getByText('This page is for the safety team.'));
    expect(await page.getByRole('link', { name: /^Safety/ }).count()).toBe(0);
  });
});
