import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y, expectVisible, watchConsole } from './support/browser.js';
import { joinGroupFromItsPage, newMember, writePost } from './support/members.js';
import { promote, signIn, useHearthWithAdmin } from './support/staff.js';

/**
 * A moderator removes a reply with a reason from the reply's menu; its writer
 * is told in the app (a count in the header, the Moderation page with the
 * reason) and appeals; another moderator overturns it on the appeals page and
 * the reply is back; the writer is told. Axe on every screen.
 */

const { hearth, admin: firstAdmin } = useHearthWithAdmin({}, 'warden');

describe('moderation actions and appeals', () => {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  it('remove with a reason → the writer reads it and appeals → another moderator overturns → the reply is back', async () => {
    const [posterContext, writerContext, moderatorContext, adminContext] = await Promise.all([hearth.person(), hearth.phone(), hearth.person(), hearth.person()]);
    contexts.push(posterContext, writerContext, moderatorContext, adminContext);

    const poster = await newMember(posterContext, 'opener');
    await joinGroupFromItsPage(poster.page, 'depression', 'Depression');
    await writePost(poster.page, 'depression', { title: 'A long week', body: 'It has been a long, flat week.' });
    const postUrl = poster.page.url();
    const postId = postUrl.split('/posts/')[1]!;

    const writer = await newMember(writerContext, 'sharp');
    const writerProblems = watchConsole(writer.page);
    await joinGroupFromItsPage(writer.page, 'depression', 'Depression');
    const replied = await writer.page.request.post(`/api/posts/${postId}/replies`, { data: { body: 'Just cheer up, honestly.' } });
    expect(replied.status()).toBe(201);

    const moderator = await newMember(moderatorContext, 'steward');
    const moderatorProblems = watchConsole(moderator.page);
    const admin = await adminContext.newPage();
    const adminProblems = watchConsole(admin);
    await signIn(admin, firstAdmin.handle, firstAdmin.password);
    await promote(admin, moderator.page, 'moderator');

    // The moderator removes the reply from its menu, with a reason.
    await moderator.page.goto(postUrl);
    await expectVisible(moderator.page.getByRole('heading', { level: 1, name: 'A long week' }));
    await moderator.page.getByRole('button', { name: `More options for ${writer.handle}’s reply` }).click();
    await moderator.page.getByRole('button', { name: 'Moderate this reply' }).click();
    const chooser = moderator.page.getByRole('region', { name: 'Moderate this reply' });
    await chooser.getByRole('button', { name: 'Remove' }).click();
    const form = moderator.page.getByRole('form', { name: 'Remove' });
    await form.getByLabel('Reason').selectOption('be_kind');
    await form.getByLabel('In your words').fill('“Just cheer up” goes against this group’s rules: small steps count here.');
    await checkA11y(moderator.page, 'the remove form');
    await form.getByRole('button', { name: 'Remove' }).click();
    await expectVisible(moderator.page.getByText('Removed. The member is told what was done, why, and how to appeal.'));
    await checkA11y(moderator.page, 'the action result');

    // The writer is told: a count in the header, then the reason on their Moderation page.
    await writer.page.goto('/home');
    await writer.page.goto('/settings/moderation');
    await expectVisible(writer.page.getByRole('heading', { level: 2, name: 'Moderation notices' }));
    const notice = writer.page.getByRole('article', { name: /^Removed,/ });
    await expectVisible(notice.getByText('The reason (Be kind): “Just cheer up” goes against this group’s rules: small steps count here.'));
    await expectVisible(writer.page.getByRole('link', { name: 'Get help now' }).first());
    await checkA11y(writer.page, 'the member’s Moderation page');
    await notice.getByRole('button', { name: 'Appeal this decision' }).click();
    await notice.getByLabel('Why should it be looked at again?').fill('I meant it as encouragement, but I see how it reads.');
    await notice.getByRole('button', { name: 'Send my appeal' }).click();
    await expectVisible(writer.page.getByText('Your appeal is sent.', { exact: false }));
    await checkA11y(writer.page, 'the appeal sent');

    // The moderator who acted cannot decide it; the admin can.
    await moderator.page.goto('/moderation/appeals');
    await expectVisible(moderator.page.getByText('You took this action, so another moderator decides this appeal.'));
    await admin.goto('/moderation/appeals');
    await expectVisible(admin.getByRole('heading', { level: 1, name: 'Appeals' }));
    const appeal = admin.getByRole('article', { name: /^Appeal of “Removed”/ });
    await expectVisible(appeal.getByText('I meant it as encouragement, but I see how it reads.'));
    await checkA11y(admin, 'the appeals page');
    await appeal.getByLabel('Your reason').fill('Meant kindly; it can stay.');
    await appeal.getByRole('button', { name: 'Overturn (undo the action)' }).click();
    await expectVisible(admin.getByText('Overturned: the action is undone and the member is told.'));

    // The reply is back for readers, and the writer is told.
    await poster.page.reload();
    await expectVisible(poster.page.getByText('Just cheer up, honestly.'));
    await writer.page.reload();
    await expectVisible(writer.page.getByText('Your appeal was accepted and the decision undone: Meant kindly; it can stay.'));
    await checkA11y(writer.page, 'the decision told');

    expect(writerProblems()).toEqual([]);
    expect(moderatorProblems()).toEqual([]);
    expect(adminProblems()).toEqual([]);
  });

  it('a suspended member sees a calm banner and the refusal in the composer, with until when and why', async () => {
    const [memberContext, adminContext] = await Promise.all([hearth.phone(), hearth.person()]);
    contexts.push(memberContext, adminContext);
    const member = await newMember(memberContext, 'paused');
    await joinGroupFromItsPage(member.page, 'depression', 'Depression');
    const { user } = (await (await member.page.request.get('/api/me')).json()) as { user: { id: string } };
    const admin = await adminContext.newPage();
    await signIn(admin, firstAdmin.handle, firstAdmin.password);
    const suspended = await admin.request.post('/api/moderation/actions', {
      data: { kind: 'suspend', target: { type: 'member', id: user.id }, hours: 24, reason: 'Repeated spam links after a warning.' },
    });
    expect(suspended.status()).toBe(200);

    await member.page.goto('/groups/depression/new');
    await expectVisible(member.page.getByText('A moderation decision is in force on your account'));
    await member.page.getByLabel('Title').fill('Hello');
    // Calm words: words the assessor rates high or imminent would be kept for the safety team, not refused.
    await member.page.getByLabel('Your post').fill('I am new here and wanted to say hi.');
    await member.page.getByRole('button', { name: 'Share post' }).click();
    await expectVisible(member.page.getByText(/Your account is suspended until .* UTC\. The reason: Repeated spam links after a warning\./));
    await checkA11y(member.page, 'the refused post');
  });
});
