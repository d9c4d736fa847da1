import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { notifications, pushSubscriptions, safetyAlerts } from '../../db/schema/index.js';
import { account, memberIn, writePost, writeReply } from '../../test-support/community.js';
import { LocalPushService, type LocalSubscription } from '../../test-support/push-service.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

/**
 * Web Push through a real local HTTPS push service: what is sent (nothing a
 * lock screen should not show), when (after the commit, never in quiet hours
 * except the safety team's outreach), and dead subscriptions pruned.
 */
let hearth: TestApp;
const pushService = new LocalPushService();
// Winter, 12:00 UTC: noon in London.
const clock = new ManualClock(new Date('2026-01-15T12:00:00Z'));

beforeAll(async () => {
  await pushService.start();
  // The local push service's host is added to the known push services (push endpoints elsewhere are refused).
  hearth = await createTestApp({ PUSH_SERVICE_HOSTS: '127.0.0.1' }, { clock });
  hearth.push.agent = pushService.agent;
});
afterAll(async () => {
  await hearth?.close();
  await pushService.stop();
});

const SLUG = 'grief-and-loss';
let counter = 0;

async function subscribed(client: TestClient): Promise<LocalSubscription> {
  counter += 1;
  const subscription = pushService.subscription(`browser-${counter}`);
  const response = await client.post('/api/notifications/push-subscriptions', { endpoint: subscription.endpoint, keys: subscription.keys });
  expect(response.statusCode).toBe(200);
  return subscription;
}

/** Pushes follow the commit on their own; this waits for the rounds the writes kicked off. */
async function settled() {
  await hearth.push.idle();
  return hearth.push.kick();
}

const pushStateOf = async (recipientId: string) =>
  (await hearth.deps.db.select({ state: notifications.pushState, kind: notifications.kind }).from(notifications).where(eq(notifications.recipientId, recipientId)));

describe('web push', () => {
  it('sends a push after the write that says what happened, with no content and no names, and opens the right page', async () => {
    const author = await memberIn(hearth, SLUG);
    const replier = await memberIn(hearth, SLUG);
    const browser = await subscribed(author.client);
    const { post } = await writePost(author.client, SLUG, { title: 'Missing my dad', body: 'It has been a year.' });
    const reply = await writeReply(replier.client, post.id, { body: 'Sending you strength on this anniversary.' });
    await settled();
    const received = pushService.to(browser);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toMatch(/^vapid t=.+, k=/);
    const payload = JSON.parse(browser.decrypt(received[0]!.body)) as Record<string, string>;
    expect(payload).toMatchObject({ title: 'Hearth', body: 'Someone replied to your post', url: `/posts/${post.id}?reply=${reply.id}` });
    const text = JSON.stringify(payload);
    for (const secret of [replier.user.handle, 'Missing my dad', 'anniversary', 'strength']) expect(text).not.toContain(secret);
    expect(await pushStateOf(author.user.id)).toEqual([{ state: 'sent', kind: 'reply_to_post' }]);
  });

  it('batches reactions: one push for the batch, not one per reaction', async () => {
    const author = await memberIn(hearth, SLUG);
    const browser = await subscribed(author.client);
    const { post } = await writePost(author.client, SLUG);
    for (let index = 0; index < 3; index += 1) {
      const reactor = await memberIn(hearth, SLUG);
      await reactor.client.request('PUT', `/api/posts/${post.id}/reactions/hug`);
    }
    await settled();
    expect(pushService.to(browser).map((push) => JSON.parse(browser.decrypt(push.body)).body)).toEqual(['Someone sent you care']);
  });

  it('holds pushes back in quiet hours, across midnight in the member’s zone, but lists them; outreach still goes', async () => {
    const author = await memberIn(hearth, SLUG);
    const replier = await memberIn(hearth, SLUG);
    const browser = await subscribed(author.client);
    await author.client.patch('/api/notifications/settings', { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/London' } });
    const { post } = await writePost(author.client, SLUG);

    clock.set(new Date('2026-01-15T23:30:00Z'));
    await writeReply(replier.client, post.id);
    await settled();
    expect(pushService.to(browser)).toHaveLength(0);
    expect((await author.client.get('/api/notifications/unread')).json().unread).toBe(1);

    // The safety team reaching out is pushed in quiet hours too.
    const staff = await account(hearth, 'moderator');
    const crisis = await author.client.post(`/api/groups/${SLUG}/posts`, { title: 'Tonight', body: 'I have written my note and tonight is the night. Thank you all for everything.' });
    expect(crisis.statusCode).toBe(201);
    const [alert] = await hearth.deps.db.select({ id: safetyAlerts.id }).from(safetyAlerts).where(eq(safetyAlerts.contentId, crisis.json().post.id));
    expect((await staff.client.post(`/api/safety/alerts/${alert!.id}/outreach`, { body: 'Hi, this is the safety team. Are you safe right now?' })).statusCode).toBeLessThan(300);
    await settled();
    expect(pushService.to(browser).map((push) => JSON.parse(browser.decrypt(push.body)).body)).toEqual(['The safety team sent you a message']);

    // 07:00 local: quiet hours are over, and the next reply is pushed.
    clock.set(new Date('2026-01-16T07:00:00Z'));
    await writeReply(replier.client, post.id, { body: 'Morning, thinking of you.' });
    await settled();
    expect(pushService.to(browser)).toHaveLength(2);
    expect((await pushStateOf(author.user.id)).map((row) => row.state).sort()).toEqual(['quiet', 'sent', 'sent']);
    clock.set(new Date('2026-01-15T12:00:00Z'));
  });

  it('respects a kind whose push is turned off', async () => {
    const author = await memberIn(hearth, SLUG);
    const browser = await subscribed(author.client);
    await author.client.patch('/api/notifications/settings', { preferences: { reply_to_post: { inApp: true, push: false } } });
    const { post } = await writePost(author.client, SLUG);
    await writeReply((await memberIn(hearth, SLUG)).client, post.id);
    await settled();
    expect(pushService.to(browser)).toHaveLength(0);
    expect((await pushStateOf(author.user.id)).map((row) => row.state)).toEqual(['off']);
  });

  it('deletes a subscription the push service says is gone (404, 410); a broken push service never fails the write', async () => {
    const author = await memberIn(hearth, SLUG);
    const gone = await subscribed(author.client);
    const missing = await subscribed(author.client);
    const broken = await subscribed(author.client);
    pushService.status.set(new URL(gone.endpoint).pathname, 410);
    pushService.status.set(new URL(missing.endpoint).pathname, 404);
    pushService.status.set(new URL(broken.endpoint).pathname, 500);
    const { post } = await writePost(author.client, SLUG);
    const replier = await memberIn(hearth, SLUG);
    // The reply is written whatever the push service answers.
    await writeReply(replier.client, post.id);
    await settled();
    for (const subscription of [gone, missing, broken]) expect(pushService.to(subscription)).toHaveLength(1);
    const left = await hearth.deps.db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, author.user.id));
    expect(left.map((row) => row.endpoint)).toEqual([broken.endpoint]);
    // Turning push off in this browser removes its subscription.
    await author.client.post('/api/notifications/push-subscriptions/remove', { endpoint: broken.endpoint });
    expect((await author.client.get('/api/notifications/settings')).json().push.subscriptions).toBe(0);
  });

  it('refuses a subscription that is not https, naming the field', async () => {
    const { client } = await memberIn(hearth, SLUG);
    const response = await client.post('/api/notifications/push-subscriptions', { endpoint: 'http://push.example/x', keys: { p256dh: 'a', auth: 'b' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('endpoint');
  });
});
