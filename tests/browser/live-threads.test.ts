import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectVisible, watchConsole } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';
import { joinGroupFromItsPage, newMember, writePost } from './support/members.js';

/**
 * Threads and group pages, live (issue 15 part 3), in two windows: a reply
 * written in one appears in the other without a reload, and a post written
 * meanwhile shows "1 new post" on the group page, loaded when asked; a reply
 * whose place is beyond the pages loaded shows "1 new reply", which opens it.
 */
const hearth = useHearthInBrowser({ RATE_LIMIT_POSTS_PER_10_MINUTES: '1000' });

/** Waits until the page hears the channel (the server confirmed the subscription). */
async function following(page: Page, channel: string): Promise<void> {
  await page.waitForFunction((expected) => (document.documentElement.dataset.liveFollowing ?? '').split(' ').includes(expected), channel, { timeout: 15_000 });
}

describe('two windows on one thread and one group', () => {
  let writer: Page;
  let reader: Page;
  let problems: () => string[];

  beforeAll(async () => {
    writer = (await newMember(await hearth.person(), 'ember')).page;
    reader = (await newMember(await hearth.person(), 'willow')).page;
    problems = watchConsole(reader);
    for (const page of [writer, reader]) await joinGroupFromItsPage(page, 'anxiety', 'Anxiety');
  });
  afterAll(async () => {
    await writer?.context().close();
    await reader?.context().close();
  });

  it('a reply written in one window appears in the other, in its place, without a reload', async () => {
    await writePost(writer, 'anxiety', { title: 'Racing thoughts at night', body: 'How do you wind down?' });
    const postPath = new URL(writer.url()).pathname;
    const postId = postPath.split('/posts/')[1]!;

    await reader.goto(postPath);
    await expectVisible(reader.getByRole('heading', { level: 2, name: 'No replies yet' }));
    await following(reader, `thread:${postId}`);
    const navigations: string[] = [];
    reader.on('framenavigated', (frame) => navigations.push(frame.url()));

    await writer.getByLabel('Your reply').fill('A warm shower and no screens helps me.');
    await writer.getByRole('button', { name: 'Send reply' }).click();

    await expectVisible(reader.getByRole('main').getByText('A warm shower and no screens helps me.'));
    await expectVisible(reader.getByRole('heading', { level: 2, name: '1 reply' }));
    expect(navigations).toEqual([]);
    await checkA11y(reader, 'a thread with a reply that arrived live');
    expect(problems()).toEqual([]);
  });

  it('a post written while the group page is open shows “1 new post”, loaded when asked', async () => {
    await reader.goto('/groups/anxiety');
    await expectVisible(reader.getByRole('heading', { level: 1, name: 'Anxiety' }));
    const groupId = await reader.evaluate(async () => ((await (await fetch('/api/groups/anxiety')).json()) as { group: { id: string } }).group.id);
    await following(reader, `group:${groupId}`);
    const feed = reader.getByRole('main').getByRole('link', { name: 'Breathing exercises that work' });

    await writePost(writer, 'anxiety', { title: 'Breathing exercises that work', body: 'Box breathing helped me today.' });
    const button = reader.getByRole('button', { name: 'Show 1 new post' });
    await expectVisible(button);
    // Nothing moves by itself: the new post is not in the feed until asked for.
    expect(await feed.count()).toBe(0);
    await checkA11y(reader, 'a group page with a new post waiting');
    await button.click();
    await expectVisible(feed);
    await expectVisible(reader.getByRole('status').filter({ hasText: '1 new post loaded.' }));
    expect(problems()).toEqual([]);
  });

  it('a reply whose place is beyond the loaded page shows “1 new reply”, which opens the page holding it', async () => {
    await writePost(writer, 'anxiety', { title: 'Long evenings', body: 'What fills your evenings?' });
    const postPath = new URL(writer.url()).pathname;
    const postId = postPath.split('/posts/')[1]!;
    // Two writers take turns (automod holds one member writing more than 20 in ten minutes).
    const second = (await newMember(await hearth.person(), 'fern')).page;
    await joinGroupFromItsPage(second, 'anxiety', 'Anxiety');
    for (let n = 1; n <= 22; n++) {
      const response = await (n % 2 ? writer : second).request.post(`/api/posts/${postId}/replies`, { data: { body: `Evening note ${n}.` } });
      expect(response.status()).toBe(201);
    }
    await second.context().close();

    await reader.goto(postPath);
    await expectVisible(reader.getByRole('button', { name: 'Show more replies' }));
    await following(reader, `thread:${postId}`);
    const response = await writer.request.post(`/api/posts/${postId}/replies`, { data: { body: 'A late one from me.' } });
    expect(response.status()).toBe(201);

    const button = reader.getByRole('button', { name: 'Show 1 new reply' });
    await expectVisible(button);
    // Not put where the reader is reading: its place is after replies not loaded yet.
    expect(await reader.getByText('A late one from me.').count()).toBe(0);
    await button.click();
    await expectVisible(reader.getByRole('main').getByText('A late one from me.'));
    expect(problems()).toEqual([]);
  });
});
