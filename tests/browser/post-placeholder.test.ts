import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectHidden, expectVisible, watchConsole } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';
import { joinGroupFromItsPage, signUpAndSkipOnboarding, uniqueHandle, writePost } from './support/members.js';

/**
 * A post its author edits into words held for crisis review reads to every
 * other member as a post that is no longer available, exactly as a removed one
 * does: nothing of who wrote it or what it said, the replies kept.
 */
const hearth = useHearthInBrowser();

async function member(prefix: string): Promise<{ page: Page; handle: string; problems: () => string[] }> {
  const page = await (await hearth.person()).newPage();
  const problems = watchConsole(page);
  const handle = uniqueHandle(prefix);
  await signUpAndSkipOnboarding(page, handle);
  await joinGroupFromItsPage(page, 'depression', 'Depression');
  return { page, handle, problems };
}

describe('a post held after others answered it', () => {
  let author: Awaited<ReturnType<typeof member>>;
  let reader: Awaited<ReturnType<typeof member>>;
  let threadUrl: string;

  beforeAll(async () => {
    author = await member('brook');
    reader = await member('heath');
  });
  afterAll(async () => {
    await author?.page.context().close();
    await reader?.page.context().close();
  });

  it('shows others a neutral placeholder with the replies kept', async () => {
    await writePost(author.page, 'depression', { title: 'Sunday nights', body: 'The evenings are long and quiet lately.' });
    threadUrl = author.page.url();
    await reader.page.goto(threadUrl);
    await reader.page.getByLabel('Your reply').fill('Long evenings are hard. I am here too.');
    await reader.page.getByRole('button', { name: 'Send reply' }).click();
    await expectVisible(reader.page.getByText('Long evenings are hard. I am here too.'));

    await author.page.goto(`${threadUrl}/edit`);
    await author.page.getByLabel('Your post').fill('i already took the whole bottle of pills, its happening now');
    await author.page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(author.page.getByText('Others cannot reply or react while it is held.', { exact: false }));

    await reader.page.goto(threadUrl);
    await expectVisible(reader.page.getByRole('heading', { level: 1, name: 'Post no longer available' }));
    await expectVisible(reader.page.getByText('This post is no longer available'));
    await expectVisible(reader.page.getByText('Long evenings are hard. I am here too.'));
    await expectHidden(reader.page.getByRole('textbox', { name: 'Your reply' }));
    const text = await reader.page.locator('main').innerText();
    for (const secret of [author.handle, 'Sunday nights', 'quiet lately', 'pills', 'held']) expect(text).not.toContain(secret);
    await checkA11y(reader.page, 'a thread whose post is no longer available');
    expect(reader.problems()).toEqual([]);
  });
});
