import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectHidden, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';
import { joinGroupFromItsPage, signUpAndSkipOnboarding, uniqueHandle, writePost } from './support/members.js';

/**
 * Private messages (issue 15, part 1), in two windows: a member who has not posted is told why before they type;
 * a request is sent from a profile, arrives under Requests live and is accepted in the other window; the two
 * talk live, with typing and "Seen" because both turned them on; then a block stops the messages.
 * Accounts may send requests at once here (MESSAGE_REQUEST_MIN_ACCOUNT_HOURS=0): the 24-hour rule is an API test.
 */
const hearth = useHearthInBrowser({ MESSAGE_REQUEST_MIN_ACCOUNT_HOURS: '0' });

async function turnOnReceiptsAndTyping(page: Page): Promise<void> {
  await page.goto('/settings/messages');
  await expectVisible(page.getByRole('heading', { level: 2, name: 'Messages' }));
  await expectVisible(page.getByRole('radio', { name: 'Members of a group where I’ve posted under my name' }));
  expect(await page.getByRole('radio', { name: 'Members of a group where I’ve posted under my name' }).isChecked()).toBe(true);
  await page.getByRole('switch', { name: 'Read receipts' }).check();
  await page.getByRole('switch', { name: 'Typing indicators' }).check();
  await page.getByRole('button', { name: 'Save message settings' }).click();
  await expectVisible(page.getByText('Your message settings are saved.'));
}

describe('two members message each other', () => {
  let sender: BrowserContext;
  let recipient: BrowserContext;
  let a: Page;
  let b: Page;
  let aProblems: () => string[];
  let bProblems: () => string[];
  const aHandle = uniqueHandle('wren');
  const bHandle = uniqueHandle('finch');
  let conversationUrl = '';

  beforeAll(async () => {
    sender = await hearth.phone();
    recipient = await hearth.person();
    a = await sender.newPage();
    b = await recipient.newPage();
    aProblems = watchConsole(a);
    bProblems = watchConsole(b);
    await signUpAndSkipOnboarding(a, aHandle);
    await signUpAndSkipOnboarding(b, bHandle);
    await joinGroupFromItsPage(a, 'depression', 'Depression');
    await joinGroupFromItsPage(b, 'depression', 'Depression');
    // A shared group counts only where the recipient has posted under their handle (membership shown nowhere else).
    await writePost(b, 'depression', { title: 'Small wins', body: 'I made it to the shop today, which felt like a lot.', anonymous: false });
  });

  afterAll(async () => {
    await sender?.close();
    await recipient?.close();
  });

  it('a member with nothing posted under their handle is told why before they type; after posting, Message opens a request', async () => {
    await a.goto(`/members/${bHandle}`);
    await expectVisible(a.getByRole('heading', { level: 1, name: bHandle }));
    await expectVisible(a.getByText('To send message requests, first post or reply in a group under your handle'));
    await expectHidden(a.getByRole('button', { name: 'Message' }), 1_000);

    await writePost(a, 'depression', { title: 'Night shifts', body: 'Working nights has made everything feel heavier lately.' });
    await turnOnReceiptsAndTyping(a);
    await checkA11y(a, 'message settings');
    await turnOnReceiptsAndTyping(b);

    await a.goto(`/members/${bHandle}`);
    await a.getByRole('button', { name: 'Message' }).click();
    const box = a.getByRole('form', { name: `Message ${bHandle}` }).getByLabel('Your message');
    await expectVisible(box);
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await checkA11y(a, 'first message');
    await expectNoHorizontalScroll(a, 360, 'first message');

    // The recipient is on their messages, listening, before the request is sent.
    await b.goto('/messages');
    await b.locator('html[data-live="live"]').waitFor({ state: 'attached' });
    await box.fill('Hi, I saw you are in the depression group too. Can I say hello?');
    await a.getByRole('button', { name: 'Send' }).click();
    await a.waitForURL('**/messages/**');
    conversationUrl = new URL(a.url()).pathname;
    await expectVisible(a.getByText('Not accepted yet'));
    await expectHidden(a.getByRole('form', { name: `Write to ${bHandle}` }), 1_000);
  });

  it('the request arrives under Requests live, and is accepted in the other window', async () => {
    const requests = b.getByRole('link', { name: 'Requests (1)' });
    await expectVisible(requests);
    await requests.click();
    await b.waitForURL('**/messages/requests');
    await b.getByRole('link', { name: aHandle }).click();
    await expectVisible(b.getByRole('heading', { level: 2, name: `${aHandle} would like to message you` }));
    await expectVisible(b.getByText('Can I say hello?'));
    await checkA11y(b, 'message request');
    await b.getByRole('button', { name: 'Accept' }).click();
    await expectVisible(b.getByRole('form', { name: `Write to ${aHandle}` }));

    // The sender's open conversation learns of it without a reload.
    await expectVisible(a.getByRole('form', { name: `Write to ${bHandle}` }));
    await expectHidden(a.getByText('Not accepted yet'));
  });

  it('a conversation happens live in both windows, with typing and “Seen”', async () => {
    await a.getByLabel('Your message').pressSequentially('Thank you for ');
    await expectVisible(b.getByText(`${aHandle} is typing…`));
    await a.getByLabel('Your message').pressSequentially('accepting. How are you doing tonight?');
    await a.getByRole('button', { name: 'Send' }).click();
    await expectVisible(a.getByRole('status').filter({ hasText: 'Your message is sent.' }));
    await expectVisible(b.getByRole('article', { name: new RegExp(`^${aHandle},`) }).getByText('How are you doing tonight?'));
    // The recipient has it on screen: read, and the sender sees "Seen".
    await expectVisible(a.getByText('Seen', { exact: true }));

    await b.getByLabel('Your message').fill('Tired, but glad to talk. You?');
    await b.getByRole('button', { name: 'Send' }).click();
    await expectVisible(a.getByText('Tired, but glad to talk. You?'));

    // An edit reaches the other window too.
    const mine = a.getByRole('article', { name: /^You,/ }).filter({ hasText: 'How are you doing tonight?' });
    await mine.getByRole('button', { name: 'Edit your message' }).click();
    await a.getByRole('form', { name: 'Edit your message' }).getByLabel('Your message').fill('Thank you for accepting. How are you doing this evening?');
    await a.getByRole('button', { name: 'Save edit' }).click();
    await expectVisible(b.getByText('How are you doing this evening?'));
    await expectVisible(b.getByRole('article', { name: new RegExp(`^${aHandle},`) }).filter({ hasText: 'this evening' }).getByText('edited', { exact: false }));

    await expectNoHorizontalScroll(a, 360, 'conversation');
    await checkA11y(a, 'conversation');
    await checkA11y(b, 'conversation');
  });

  it('a block stops the messages', async () => {
    await b.getByRole('button', { name: `Block ${aHandle}` }).click();
    await b.getByRole('button', { name: 'Block', exact: true }).click();
    await b.waitForURL('**/messages');
    await expectHidden(b.getByRole('link', { name: aHandle }));

    await a.getByLabel('Your message').fill('Are you still there?');
    await a.getByRole('button', { name: 'Send' }).click();
    await expectVisible(a.getByText('You can’t send messages in this conversation.').first());
    expect(await a.getByLabel('Your message').inputValue()).toBe('Are you still there?');

    // Nothing of it ever reached the member who blocked: not live, and not on a fresh load.
    await b.goto(conversationUrl);
    await expectVisible(b.getByRole('heading', { level: 1, name: 'Conversation not found' }));
    await b.goto('/messages');
    await expectVisible(b.getByRole('heading', { level: 1, name: 'Messages' }));
    expect(await b.getByText('Are you still there?').count()).toBe(0);
    expect(aProblems()).toEqual([]);
    expect(bProblems()).toEqual([]);
  });
});
