import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectHidden, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, signUpAndSkipOnboarding, uniqueHandle, writePost } from './support/members.js';
import { useHearthWithAdmin } from './support/staff.js';

/**
 * Outreach reaches the member (issue 11 item 5): the safety team writes after a
 * crisis post; the member sees "Messages, 1 unread" in the header without a
 * reload, reads the message from "Hearth safety team", and answers. What they
 * type survives a reload.
 */

const { hearth, admin } = useHearthWithAdmin({}, 'lamp');

/** The alert a post raised, as the team's live channel announced it (the dashboard's API belongs to another part of Hearth). */
async function alertForPost(page: Page, postId: string): Promise<string> {
  return page.evaluate(async (contentId) => {
    const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/live`);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no alert event')), 10_000);
      socket.onopen = () => socket.send(JSON.stringify({ type: 'resume', since: 0 }));
      socket.onmessage = (raw) => {
        const message = JSON.parse(String(raw.data)) as { event?: { type: string; payload: Record<string, unknown> } };
        if (message.event?.type === 'safety.alert' && message.event.payload.contentId === contentId) {
          clearTimeout(timer);
          socket.close();
          resolve(String(message.event.payload.alertId));
        }
      };
    });
  }, postId);
}

async function reachOut(request: APIRequestContext, alertId: string, body: string): Promise<void> {
  const response = await request.post(`/api/safety/alerts/${alertId}/outreach`, { data: { body } });
  expect(response.status(), await response.text()).toBe(201);
}

describe('a member the safety team reached out to', () => {
  let member: BrowserContext;
  let moderator: BrowserContext;
  let page: Page;
  let problems: () => string[];
  let alertId: string;

  beforeAll(async () => {
    member = await hearth.phone();
    page = await member.newPage();
    problems = watchConsole(page);
    await signUpAndSkipOnboarding(page, uniqueHandle('harbour'), { country: 'GB' });
    await joinGroupFromItsPage(page, 'depression', 'Depression');
    await writePost(page, 'depression', { title: 'Tonight', body: 'I have written my note and tonight is the night. Thank you all for everything.' });
    const postId = /\/posts\/([^/?#]+)/.exec(page.url())![1]!;

    moderator = await hearth.person();
    const signIn = await moderator.request.post('/api/auth/sign-in', { data: { handle: admin.handle, password: admin.password } });
    expect(signIn.status()).toBe(200);
    const staffPage = await moderator.newPage();
    await staffPage.goto('/home');
    alertId = await alertForPost(staffPage, postId);

    await page.goto('/home');
    // The member's page is listening before the team writes: what arrives next is news, not a page load.
    await page.locator('html[data-live="live"]').waitFor({ state: 'attached' });
    await reachOut(moderator.request, alertId, 'Hi, this is the Hearth safety team. We read what you wrote. Are you safe right now?');
  });

  afterAll(async () => {
    await member?.close();
    await moderator?.close();
  });

  it('sees the unread badge arrive live and the message on /messages', async () => {
    // On a phone, Messages sits behind "More", which carries the count itself.
    const more = page.getByRole('button', { name: 'More, 1 unread message' });
    await expectVisible(more);
    await more.click();
    await page.getByRole('link', { name: 'Messages, 1 unread' }).click();
    await page.waitForURL('**/messages');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Messages' }));
    await expectVisible(page.getByRole('link', { name: 'Hearth safety team 1 unread' }));
    await expectNoHorizontalScroll(page, 360, 'messages');
    await checkA11y(page, 'messages');
  });

  it('reads it from the Hearth safety team, keeps a draft through a reload, answers, and the badge clears', async () => {
    await page.getByRole('link', { name: /Hearth safety team/ }).click();
    await page.waitForURL('**/messages/**');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Hearth safety team' }));
    await expectVisible(page.getByText('Are you safe right now?'));
    // Seen is read: the count leaves the header.
    await expectVisible(page.getByRole('button', { name: 'More', exact: true }));

    const box = page.getByLabel('Your message');
    await box.fill('Thank you. I am a bit calmer now, my sister is here.');
    await page.reload();
    await expectVisible(page.getByText('Are you safe right now?'));
    expect(await page.getByLabel('Your message').inputValue()).toBe('Thank you. I am a bit calmer now, my sister is here.');

    await page.getByRole('button', { name: 'Send' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Your message is sent.' }));
    await expectVisible(page.getByRole('article', { name: /^You,/ }).getByText('my sister is here.', { exact: false }));
    expect(await page.getByLabel('Your message').inputValue()).toBe('');
    await expectHidden(page.getByRole('region', { name: 'Support for you' }), 1_000);
    await expectNoHorizontalScroll(page, 360, 'conversation');
    await checkA11y(page, 'conversation');

    // The team's next message arrives on the open page without a reload.
    await reachOut(moderator.request, alertId, 'We are glad your sister is with you.');
    await expectVisible(page.getByText('We are glad your sister is with you.'));
    expect(problems()).toEqual([]);
  });
});
