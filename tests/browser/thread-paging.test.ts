import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectCount, expectHidden, expectVisible, watchConsole } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';
import { joinGroupFromItsPage, newMember, writePost } from './support/members.js';

/**
 * A thread of 45 replies reads page by page: the first 20, then more with the
 * "Show more replies" button (focus goes to the first new one) and by
 * scrolling; "Jump to newest" opens the page holding the newest reply and
 * focuses it; a link to a reply on a later page opens it focused and marked,
 * with "Show earlier replies" above it; a link to an unknown reply opens the top.
 */
const hearth = useHearthInBrowser({ RATE_LIMIT_POSTS_PER_10_MINUTES: '1000' });

const REPLIES = 45;
const words = (n: number) => `Thinking of you, note ${n}.`;

async function focusedId(page: Page, id: string): Promise<void> {
  await page.waitForFunction((expected) => document.activeElement?.id === expected, `reply-${id}`, { timeout: 15_000 });
}

describe('a long thread, page by page', () => {
  let reader: Page;
  let problems: () => string[];
  let postUrl = '';
  const ids: string[] = [];

  beforeAll(async () => {
    // Three writers take turns: one member writing 45 replies in a minute would be held as flooding (automod).
    const writers: Page[] = [];
    for (const prefix of ['lantern', 'harbour', 'thistle']) {
      const writer = await newMember(await hearth.person(), prefix);
      await joinGroupFromItsPage(writer.page, 'depression', 'Depression');
      writers.push(writer.page);
    }
    await writePost(writers[0]!, 'depression', { title: 'Small things that helped', body: 'What helped you this week?' });
    postUrl = new URL(writers[0]!.url()).pathname;
    const postId = postUrl.split('/posts/')[1]!;
    // Seeded through the API, one after another, so reading order is the order written.
    for (let n = 1; n <= REPLIES; n++) {
      const response = await writers[n % writers.length]!.request.post(`/api/posts/${postId}/replies`, { data: { body: words(n) } });
      expect(response.status()).toBe(201);
      ids.push(((await response.json()) as { reply: { id: string } }).reply.id);
    }
    for (const writer of writers) await writer.context().close();
    const member = await newMember(await hearth.person(), 'meadow');
    reader = member.page;
    problems = watchConsole(reader);
  });
  afterAll(async () => {
    await reader?.context().close();
  });

  const replies = () => reader.getByRole('main').getByRole('article', { name: /’s reply$/ });

  it('shows the first 20, more with the button (focus on the first new one), the rest by scrolling', async () => {
    await reader.goto(postUrl);
    await expectVisible(reader.getByRole('heading', { level: 2, name: '45 replies' }));
    await expectCount(replies(), 20);
    await expectVisible(reader.getByText(words(20)));
    await expectHidden(reader.getByText(words(21)));
    await checkA11y(reader, 'a long thread, first page');

    await reader.getByRole('button', { name: 'Show more replies' }).click();
    await expectCount(replies(), 40);
    await focusedId(reader, ids[20]!);
    await expectVisible(reader.getByRole('status').filter({ hasText: '20 more replies loaded.' }));

    await reader.getByText(words(40)).scrollIntoViewIfNeeded();
    await reader.mouse.wheel(0, 2000);
    await expectCount(replies(), 45);
    await expectHidden(reader.getByRole('button', { name: 'Show more replies' }));
    expect(problems()).toEqual([]);
  });

  it('jumps to the newest reply and focuses it', async () => {
    await reader.goto(postUrl);
    await expectCount(replies(), 20);
    await reader.getByRole('button', { name: 'Jump to newest' }).click();
    await focusedId(reader, ids[REPLIES - 1]!);
    await expectVisible(reader.getByText(words(REPLIES)));
    await expectVisible(reader.getByRole('button', { name: 'Show earlier replies' }));
    await checkA11y(reader, 'a long thread at its newest reply');
    expect(problems()).toEqual([]);
  });

  it('opens a link to a reply on a later page at that reply, focused, with earlier replies a button away', async () => {
    await reader.goto(`${postUrl}?reply=${ids[29]}`);
    await focusedId(reader, ids[29]!);
    await expectVisible(reader.getByText(words(30)));
    await expectHidden(reader.getByText(words(1), { exact: true }));
    expect(await reader.locator(`#reply-${ids[29]}`).getAttribute('class')).toContain('reply--target');
    await checkA11y(reader, 'a long thread opened at a linked reply');

    await reader.getByRole('button', { name: 'Show earlier replies' }).click();
    await expectVisible(reader.getByText(words(10), { exact: true }));
    await focusedId(reader, ids[9]!);
    expect(problems()).toEqual([]);
  });

  it('opens the top of the thread for a link to a reply that is not there', async () => {
    await reader.goto(`${postUrl}?reply=00000000-0000-4000-8000-000000000000`);
    await expectVisible(reader.getByText(words(1), { exact: true }));
    await expectCount(replies(), 20);
    await expectHidden(reader.getByRole('button', { name: 'Show earlier replies' }));
    expect(problems()).toEqual([]);
  });
});
