import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalPushService, type LocalSubscription } from '../../src/server/test-support/push-service.js';
import { checkA11y, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';
import { joinGroupFromItsPage, signUpAndSkipOnboarding, uniqueHandle, writePost } from './support/members.js';

/**
 * Notifications (issue 15, part 4) in the browser: a reply arrives → the
 * header's badge counts it live → the list shows it → quiet hours hold back
 * the push (a real local HTTPS push service stands in for the browser vendor's).
 */
const pushService = new LocalPushService();
const caFile = join(mkdtempSync(join(tmpdir(), 'hearth-push-ca-')), 'push-ca.pem');
// Before the server starts (hooks run in order): it must trust the local push service's certificate.
beforeAll(async () => {
  await pushService.start();
  writeFileSync(caFile, pushService.certificate);
});
afterAll(async () => {
  await pushService.stop();
});
// …and accept it as a push service (push endpoints are refused unless on a known one).
const hearth = useHearthInBrowser({ NODE_EXTRA_CA_CERTS: caFile, PUSH_SERVICE_HOSTS: '127.0.0.1' });

const SLUG = 'loneliness';

/** The reply ids the push service has carried to this browser, read as the browser would. */
const pushedReplies = (subscription: LocalSubscription) =>
  pushService.to(subscription).map((push) => new URL((JSON.parse(subscription.decrypt(push.body)) as { url: string }).url, 'http://x').searchParams.get('reply'));

/** HH:MM in UTC, `hours` from now. */
function utcClock(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  return `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
}

async function reply(request: APIRequestContext, postId: string, body: string): Promise<string> {
  const response = await request.post(`/api/posts/${postId}/replies`, { data: { body } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { reply: { id: string } }).reply.id;
}

describe('a reply reaches its post’s author', () => {
  let author: BrowserContext;
  let replier: BrowserContext;
  let page: Page;
  let problems: () => string[];
  let postId: string;
  let subscription: LocalSubscription;
  const replierHandle = uniqueHandle('kestrel');

  beforeAll(async () => {
    author = await hearth.person();
    page = await author.newPage();
    problems = watchConsole(page);
    await signUpAndSkipOnboarding(page, uniqueHandle('wren'));
    await joinGroupFromItsPage(page, SLUG, 'Loneliness');
    await writePost(page, SLUG, { title: 'Quiet flat tonight', body: 'Everyone else seems to have plans.' });
    postId = /\/posts\/([^/?#]+)/.exec(page.url())![1]!;
    // Headless Chromium has no vendor push service: this browser's subscription points at the local one.
    subscription = pushService.subscription('wren');
    const subscribed = await page.request.post('/api/notifications/push-subscriptions', { data: { endpoint: subscription.endpoint, keys: subscription.keys } });
    expect(subscribed.status()).toBe(200);

    replier = await hearth.person();
    expect((await replier.request.post('/api/auth/sign-up', { data: { handle: replierHandle, password: 'lantern-river-biscuit' } })).status()).toBe(201);
    expect((await replier.request.post(`/api/groups/${SLUG}/join`, { data: { acceptRules: true } })).status()).toBe(200);
  });

  afterAll(async () => {
    await author?.close();
    await replier?.close();
  });

  it('counts a reply live in the header, and pushes it with nothing on the lock screen but that it happened', async () => {
    await page.goto('/home');
    await page.locator('html[data-live="live"]').waitFor({ state: 'attached' });
    const first = await reply(replier.request, postId, 'Same here. Want to just chat in the thread for a bit?');
    await expectVisible(page.getByRole('link', { name: 'Notifications, 1 unread' }));
    await expect.poll(() => pushedReplies(subscription), { timeout: 15_000 }).toEqual([first]);
    const payload = subscription.decrypt(pushService.to(subscription)[0]!.body);
    expect(payload).toContain('Someone replied to your post');
    expect(payload).not.toContain(replierHandle);
    expect(payload).not.toContain('Quiet flat');
  });

  it('quiet hours set in settings hold the next push back; the badge and the list still show the reply', async () => {
    await page.goto('/settings/notifications');
    await expectVisible(page.getByRole('heading', { name: 'Notifications', level: 2 }));
    await page.getByRole('switch', { name: 'Quiet hours' }).check();
    await page.getByLabel('From').fill(utcClock(-1));
    await page.getByLabel('Until').fill(utcClock(1));
    await page.getByLabel('In the time zone').selectOption('UTC');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await expectVisible(page.getByText('Your notification settings are saved.'));
    await checkA11y(page, 'notification settings');

    const held = await reply(replier.request, postId, 'Still here if you want company.');
    await expectVisible(page.getByRole('link', { name: 'Notifications, 2 unread' }));
    await page.getByRole('link', { name: 'Notifications, 2 unread' }).click();
    await page.waitForURL('**/notifications');
    const list = page.getByRole('list', { name: 'Your notifications' });
    await expect.poll(() => list.getByRole('link', { name: `@${replierHandle} replied to your post “Quiet flat tonight”` }).count()).toBe(2);
    await checkA11y(page, 'notifications');

    // Quiet hours off, one more reply: pushes go out in order, so once it has arrived, the held one was decided.
    expect((await page.request.patch('/api/notifications/settings', { data: { quietHours: null } })).status()).toBe(200);
    const after = await reply(replier.request, postId, 'Goodnight, take care.');
    await expect.poll(() => pushedReplies(subscription), { timeout: 15_000 }).toContain(after);
    expect(pushedReplies(subscription)).not.toContain(held);

    // Opening one marks it read: the badge follows.
    await expectVisible(page.getByRole('link', { name: 'Notifications, 3 unread' }));
    await list.getByRole('link').first().click();
    await page.waitForURL(`**/posts/${postId}?reply=*`);
    await expectVisible(page.getByRole('link', { name: 'Notifications, 2 unread' }));
    expect(problems()).toEqual([]);
  });
});

describe('on a phone', () => {
  let phone: BrowserContext;
  afterAll(async () => {
    await phone?.close();
  });

  it('reaches notifications from “More”, and the list and settings fit 360 px', async () => {
    phone = await hearth.phone();
    const page = await phone.newPage();
    const problems = watchConsole(page);
    expect((await phone.request.post('/api/auth/sign-up', { data: { handle: uniqueHandle('robin'), password: 'lantern-river-biscuit' } })).status()).toBe(201);
    await page.goto('/home');
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.waitForURL('**/notifications');
    await expectVisible(page.getByText('Nothing new.'));
    await expectNoHorizontalScroll(page, 360, 'notifications');
    await page.goto('/settings/notifications');
    await expectVisible(page.getByRole('switch', { name: 'Quiet hours' }));
    await page.getByRole('switch', { name: 'Quiet hours' }).check();
    await expectNoHorizontalScroll(page, 360, 'notification settings');

    // Something unread: on a phone its count is on the Notifications link inside "More".
    expect((await phone.request.post(`/api/groups/${SLUG}/join`, { data: { acceptRules: true } })).status()).toBe(200);
    const posted = await phone.request.post(`/api/groups/${SLUG}/posts`, { data: { title: 'Morning walk', body: 'Trying to get out more.' } });
    const postId = ((await posted.json()) as { post: { id: string } }).post.id;
    await page.goto('/home');
    await page.locator('html[data-live="live"]').waitFor({ state: 'attached' });
    const other = await hearth.person();
    expect((await other.request.post('/api/auth/sign-up', { data: { handle: uniqueHandle('finch'), password: 'lantern-river-biscuit' } })).status()).toBe(201);
    expect((await other.request.post(`/api/groups/${SLUG}/join`, { data: { acceptRules: true } })).status()).toBe(200);
    await reply(other.request, postId, 'Good for you, one step at a time.');
    await other.close();
    await page.getByRole('button', { name: 'More' }).click();
    const badge = page.getByRole('link', { name: 'Notifications, 1 unread' });
    await expectVisible(badge);
    await expectNoHorizontalScroll(page, 360, 'home with a notification');
    await badge.click();
    await page.waitForURL('**/notifications');
    await expectVisible(page.getByRole('list', { name: 'Your notifications' }).getByRole('link', { name: /replied to your post “Morning walk”/ }));
    expect(problems()).toEqual([]);
  });
});
