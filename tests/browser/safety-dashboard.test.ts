import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectNoHorizontalScroll, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, newMember, signUpThroughTheApp, uniqueHandle, writePost } from './support/members.js';
import { promote, signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * The safety dashboard as a moderator uses it (issue 11): on duty, a member's
 * crisis post appears live, without a reload; the moderator claims it and
 * reaches out from the alert; the member sees the message arrive, reads it and
 * answers; the moderator reads the answer on the alert, without a reload, and
 * resolves it. Held content behind an alert is released with a warning.
 */

const { hearth, admin } = useHearthWithAdmin({}, 'lead');

const CRISIS = { title: 'Goodbye', body: 'I have written my note and tonight is the night. Thank you all for everything.' };
// Method and time: held from the group until the safety team decides.
const HELD = { title: 'Now', body: 'i already took the whole bottle of pills, its happening now' };
const ADDED = 'I am on the team now and I will read your answer myself.';
// An answer the assessor reads as calm. (Some calm answers still raise an alert: "I am safe tonight"
// reads as high to the text model alone, which an answer to "Are you safe right now?" often says.)
const ANSWER = 'Thank you for asking. I am a bit calmer now, my sister is here with me.';

/** Waits until a form field's value contains `text` (a template fills it in after a choice). */
async function expectValueContaining(field: Locator, text: string): Promise<void> {
  const element = await field.elementHandle();
  await field.page().waitForFunction(([node, wanted]) => (node as HTMLTextAreaElement).value.includes(wanted as string), [element, text] as const);
}

describe('a moderator on the safety dashboard', () => {
  const contexts: BrowserContext[] = [];
  let moderator: { page: Page; handle: string };
  let problems: () => string[];
  /** The held post's writer and a reader, once the post is released (the reply case below goes on in that thread). */
  let releasedThread: { writer: { page: Page; handle: string }; reader: { page: Page; handle: string }; postUrl: string } | undefined;

  beforeAll(async () => {
    const adminContext = await hearth.person();
    contexts.push(adminContext);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.handle, admin.password);

    const context = await hearth.person();
    contexts.push(context);
    moderator = await newMember(context, 'harbour');
    problems = watchConsole(moderator.page);
    await promote(adminPage, moderator.page, 'moderator');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('goes on duty, sees a crisis post live, claims it, reaches out, reads the answer and resolves it', async () => {
    const page = moderator.page;
    await page.goto('/home');
    await page.getByRole('navigation').getByRole('link', { name: 'Safety, 0 open alerts' }).click();
    await page.waitForURL('**/safety');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Safety' }));
    const openAlerts = page.getByRole('region', { name: /^Open alerts/ });
    await expectVisible(openAlerts.getByText('No open alerts.', { exact: false }));
    await page.waitForFunction(() => document.documentElement.dataset.live === 'live');

    // On duty, from the dashboard itself.
    const duty = page.getByRole('region', { name: 'On duty' });
    await expectVisible(duty.getByText('Nobody is on safety duty right now.'));
    await duty.getByRole('switch', { name: 'I’m on safety duty' }).check();
    await expectVisible(duty.getByText('You are on duty until you switch it off.'));
    await expectVisible(duty.getByText(`@${moderator.handle}`, { exact: true }));

    // A member writes in crisis, in another browser.
    const memberContext = await hearth.person();
    contexts.push(memberContext);
    const member = await newMember(memberContext, 'tide');
    const memberProblems = watchConsole(member.page);
    await joinGroupFromItsPage(member.page, 'depression', 'Depression');
    await writePost(member.page, 'depression', CRISIS);

    // No reload: the alert is there, announced, and the header's count has risen.
    const alertLink = openAlerts.getByRole('link', { name: /tonight is the night/ });
    await expectVisible(alertLink);
    await expectVisible(openAlerts.getByText('Imminent', { exact: true }));
    await expectVisible(page.getByRole('link', { name: 'Safety, 1 open alert' }));
    await expectVisible(page.getByRole('status').filter({ hasText: 'New imminent alert, waiting 0 minutes' }));
    expect(await openAlerts.getByRole('timer').first().textContent()).toMatch(/left|overdue/);

    await alertLink.click();
    const detail = page.getByRole('region', { name: 'The alert' });
    await expectVisible(detail.getByText('tonight is the night', { exact: false }).first());
    await expectVisible(detail.locator('mark').first());
    await expectVisible(detail.getByText('Model version'));

    await detail.getByRole('button', { name: 'Claim' }).click();
    await expectVisible(detail.getByText('You have claimed this alert.'));
    await expectVisible(openAlerts.getByText('Claimed by you'));

    // Outreach: a template to start from, edited, then sent.
    const outreach = detail.getByRole('region', { name: 'Reach out to the member' });
    await expectVisible(outreach.getByText('Nobody has written to this member yet.'));
    await outreach.getByLabel('Start from a template').selectOption({ label: 'Checking in' });
    const box = outreach.getByLabel('Message to the member');
    await expectValueContaining(box, 'Are you safe right now?');
    const template = await box.inputValue();
    await box.fill(`${template} ${ADDED}`);
    await outreach.getByRole('button', { name: 'Send' }).click();
    await expectVisible(outreach.getByRole('status').filter({ hasText: 'Sent.' }));
    const sent = outreach.getByRole('list', { name: 'Messages, newest last' }).getByRole('listitem');
    await expectVisible(sent.filter({ hasText: ADDED }).getByText('shown as “Hearth safety team”', { exact: false }));
    expect(await box.inputValue()).toBe('');

    // The post was not held (no method described): no held-content controls on this alert.
    expect(await detail.getByRole('heading', { name: /^Held / }).count()).toBe(0);

    // The member, on the post they wrote, sees the message arrive: the header's count, then the conversation.
    const messages = member.page.getByRole('banner').getByRole('link', { name: 'Messages, 1 unread' });
    await expectVisible(messages);
    await messages.click();
    await member.page.waitForURL('**/messages');
    await member.page.getByRole('link', { name: 'Hearth safety team 1 unread' }).click();
    await member.page.waitForURL('**/messages/**');
    await expectVisible(member.page.getByRole('heading', { level: 1, name: 'Hearth safety team' }));
    await expectVisible(member.page.getByText(ADDED, { exact: false }));
    await expectVisible(member.page.getByRole('banner').getByRole('link', { name: 'Messages', exact: true }));
    await member.page.getByLabel('Your message').fill(ANSWER);
    await member.page.getByRole('button', { name: 'Send' }).click();
    await expectVisible(member.page.getByRole('status').filter({ hasText: 'Your message is sent.' }));
    await expectVisible(member.page.getByRole('article', { name: /^You,/ }).getByText(ANSWER));
    await checkA11y(member.page, 'the member’s conversation with the safety team');

    // The moderator reads the answer on the alert, without a reload.
    await expectVisible(sent.filter({ hasText: 'The member' }).getByText(ANSWER));
    await checkA11y(page, 'safety dashboard with an alert claimed, outreach sent and answered');

    await detail.getByLabel('Private note').fill('Her sister is with her; she is calmer.');
    await detail.getByRole('button', { name: 'Add a private note' }).click();
    await expectVisible(detail.getByRole('listitem').filter({ hasText: 'Her sister is with her; she is calmer.' }));

    await detail.getByRole('radio', { name: 'A real concern' }).check();
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await expectVisible(detail.getByText(/^A real concern, by @/));
    await expectVisible(detail.getByText('Resolved', { exact: true }).first());
    // The member's calm answer raised nothing new: no open alert is left.
    await expectVisible(page.getByRole('link', { name: 'Safety, 0 open alerts' }));
    await expectVisible(openAlerts.getByText('No open alerts.', { exact: false }));
    await checkA11y(page, 'safety dashboard after resolving');
    expect(problems()).toEqual([]);
    expect(memberProblems()).toEqual([]);
  });

  it('sees the held-content panel for a held crisis post and releases it with a content warning', async () => {
    const page = moderator.page;
    await page.goto('/safety');
    const openAlerts = page.getByRole('region', { name: /^Open alerts/ });
    await expectVisible(openAlerts.getByText('No open alerts.', { exact: false }));
    await page.waitForFunction(() => document.documentElement.dataset.live === 'live');

    const [writerContext, readerContext] = await Promise.all([hearth.person(), hearth.person()]);
    contexts.push(writerContext, readerContext);
    const writer = await newMember(writerContext, 'ember');
    await joinGroupFromItsPage(writer.page, 'depression', 'Depression');
    await writePost(writer.page, 'depression', HELD);
    const postUrl = writer.page.url();

    const alertLink = openAlerts.getByRole('link', { name: /happening now/ });
    await expectVisible(alertLink);
    await alertLink.click();
    const detail = page.getByRole('region', { name: 'The alert' });
    const held = detail.getByRole('region', { name: 'Held post' });
    await expectVisible(held.getByText('This post is visible only to its writer and the safety team.'));

    await held.getByRole('radio', { name: 'Release with a content warning' }).check();
    expect(await held.getByLabel('Content warning other members see first').inputValue()).toBe('Suicide and self-harm');
    await held.getByRole('button', { name: 'Decide and tell the writer' }).click();
    await expectVisible(held.getByText('Done: released. The writer has been told.'));
    await expectVisible(held.getByText('This post is visible to the group.'));

    // The writer, still on their post, is told without a reload.
    await expectVisible(writer.page.getByText('Your post is visible to the group again'));

    // Another member reads it only behind the warning, by choice.
    const reader = await newMember(readerContext, 'fern');
    await reader.page.goto(postUrl);
    await expectVisible(reader.page.getByRole('heading', { level: 1, name: HELD.title }));
    await expectVisible(reader.page.getByText('Content warning:'));
    await expectVisible(reader.page.getByText('Suicide and self-harm', { exact: false }));
    expect(await reader.page.getByText('whole bottle', { exact: false }).count()).toBe(0);
    await reader.page.getByRole('button', { name: 'Show the post' }).click();
    await expectVisible(reader.page.getByText('whole bottle', { exact: false }));
    expect(problems()).toEqual([]);
    releasedThread = { writer, reader, postUrl };
  });

  it('releases a held reply with the warning it chose, and others read the reply only behind it', async () => {
    expect(releasedThread).toBeDefined();
    const { writer, reader, postUrl } = releasedThread!;
    const page = moderator.page;
    // The writer adds, in their thread, words the assessor holds (the same as their post's).
    await writer.page.goto(postUrl);
    await writer.page.getByLabel('Your reply').fill(HELD.body);
    await writer.page.getByRole('button', { name: 'Send reply' }).click();

    const openAlerts = page.getByRole('region', { name: /^Open alerts/ });
    const alertLink = openAlerts.getByRole('listitem').filter({ hasText: 'A reply in Depression' }).getByRole('link');
    await expectVisible(alertLink);
    await alertLink.click();
    const held = page.getByRole('region', { name: 'The alert' }).getByRole('region', { name: 'Held reply' });
    await held.getByRole('radio', { name: 'Release with a content warning' }).check();
    await held.getByLabel('Content warning other members see first').fill('Overdose, method mentioned');
    await held.getByRole('button', { name: 'Decide and tell the writer' }).click();
    await expectVisible(held.getByText('Done: released. The writer has been told.'));

    await reader.page.goto(postUrl);
    const reply = reader.page.getByRole('article', { name: /’s reply$/ });
    await expectVisible(reply.getByText('Overdose, method mentioned', { exact: false }));
    expect(await reply.getByText('whole bottle', { exact: false }).count()).toBe(0);
    await reply.getByRole('button', { name: /^Show / }).click();
    await expectVisible(reply.getByText('whole bottle', { exact: false }));
    await checkA11y(reader.page, 'a thread with a released reply behind its warning');
    expect(problems()).toEqual([]);
  });

  it('fits a phone, one column', async () => {
    await moderator.page.setViewportSize({ width: 360, height: 740 });
    await moderator.page.goto('/safety');
    await expectVisible(moderator.page.getByRole('heading', { level: 1, name: 'Safety' }));
    await expectNoHorizontalScroll(moderator.page, 360, 'safety dashboard on a phone');
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
