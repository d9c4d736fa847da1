import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymityReveals, safetyAlerts } from '../../db/schema/index.js';
import { memberIn as memberInGroup, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Staff learn who wrote anonymous content only through the logged reveal
 * (reason "safety alert"), also where the dashboard could tie it to a handle
 * another way: a named alert's history of earlier alerts, an alert on a
 * member's message in a conversation about an anonymous post, the review
 * list's message items and the conversation shown on an alert.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'depression';
const HIGH = { title: 'Tired', body: 'I want to kill myself. I think about it every day now.' };
const CRISIS = 'I have written my note and tonight is the night. Thank you all for everything.';
const HOPELESS = 'I feel hopeless, nothing will ever change and I am a burden to everyone.';
const memberIn = (role?: 'moderator') => memberInGroup(hearth, SLUG, role);
const alertFor = async (contentId: string) => (await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, contentId)))[0]!;
const revealsBy = (staffId: string) => hearth.deps.db.select().from(anonymityReveals).where(eq(anonymityReveals.staffId, staffId));

async function anonymousCrisisPost(client: Parameters<typeof writePost>[0]) {
  const response = await client.post(`/api/groups/${SLUG}/posts`, { title: 'Tonight', body: CRISIS, anonymous: true });
  expect(response.statusCode).toBe(201);
  return response.json().post.id as string;
}

describe('a named alert’s history', () => {
  it('opening a named alert of the same member does not list their anonymous alerts, until this staff member has opened those through the logged reveal', async () => {
    const member = await memberIn();
    const staff = await memberIn('moderator');
    const anonAlert = await alertFor(await anonymousCrisisPost(member.client));
    const namedAlert = await alertFor((await writePost(member.client, SLUG, HIGH)).post.id);

    const detail = (await staff.client.get(`/api/safety/alerts/${namedAlert.id}`)).json();
    expect(detail.author).toMatchObject({ handle: member.user.handle, revealed: false });
    expect(detail.history.earlierAlerts.map((a: { id: string }) => a.id)).not.toContain(anonAlert.id);
    expect(await revealsBy(staff.user.id)).toHaveLength(0);

    // Once they have opened the anonymous alert (a logged reveal), the named alert's history may list it.
    expect((await staff.client.get(`/api/safety/alerts/${anonAlert.id}`)).json().author.revealed).toBe(true);
    expect(await revealsBy(staff.user.id)).toHaveLength(1);
    const again = (await staff.client.get(`/api/safety/alerts/${namedAlert.id}`)).json();
    expect(again.history.earlierAlerts.map((a: { id: string }) => a.id)).toContain(anonAlert.id);
    // Another staff member still does not see it there.
    const other = await memberIn('moderator');
    const theirs = (await other.client.get(`/api/safety/alerts/${namedAlert.id}`)).json();
    expect(theirs.history.earlierAlerts.map((a: { id: string }) => a.id)).not.toContain(anonAlert.id);
  });
});

describe('messages in a conversation about an anonymous post', () => {
  it('a crisis answer to outreach about an anonymous post names the member to another staff member only through a logged reveal, and the review list does not name them', async () => {
    const member = await memberIn();
    const first = await memberIn('moderator');
    const second = await memberIn('moderator');
    const third = await memberIn('moderator');
    const anonPostId = await anonymousCrisisPost(member.client);
    const anonAlert = await alertFor(anonPostId);
    expect((await first.client.post(`/api/safety/alerts/${anonAlert.id}/outreach`, { body: 'We are here for you. Can you tell us more?' })).statusCode).toBe(201);
    const conversationId = (await member.client.get('/api/conversations')).json().conversations[0].id;
    const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: 'I want to kill myself, I think about it every day now.' });
    expect(answer.statusCode).toBe(201);
    const messageAlert = await alertFor(answer.json().message.id);

    // Opening the alert on the member's answer is a logged reveal of the anonymous post (reason "safety alert").
    expect(await revealsBy(second.user.id)).toHaveLength(0);
    const detail = (await second.client.get(`/api/safety/alerts/${messageAlert.id}`)).json();
    expect(detail.author).toEqual({ handle: member.user.handle, revealed: true });
    const reveals = await revealsBy(second.user.id);
    expect(reveals).toMatchObject([{ contentType: 'post', contentId: anonPostId, revealedUserId: member.user.id, reason: 'safety alert' }]);
    expect(detail.timeline.some((line: { kind: string }) => line.kind === 'revealed')).toBe(true);
    // Once per staff member per alert.
    await second.client.get(`/api/safety/alerts/${messageAlert.id}`);
    expect(await revealsBy(second.user.id)).toHaveLength(1);

    // The conversation shown on an alert names the alerts its messages belong to: reading it is a logged reveal too.
    const conversation = await third.client.get(`/api/safety/alerts/${anonAlert.id}/conversation`);
    expect(conversation.statusCode).toBe(200);
    expect(await hearth.deps.db.select().from(anonymityReveals).where(and(eq(anonymityReveals.staffId, third.user.id), eq(anonymityReveals.contentId, anonPostId)))).toHaveLength(1);

    // A later, elevated message from the member goes on the review list without their handle.
    const later = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: HOPELESS });
    expect(later.statusCode).toBe(201);
    const review = (await third.client.get('/api/safety/review')).json();
    const item = review.open.find((i: { content: { id: string } }) => i.content.id === later.json().message.id);
    expect(item).toBeDefined();
    expect(item.content.authorHandle).toBeNull();
  });

  it('a member whose conversation holds nothing about anonymous content is named on their message alert and review item, with no reveal', async () => {
    const member = await memberIn();
    const staff = await memberIn('moderator');
    const namedAlert = await alertFor((await writePost(member.client, SLUG, HIGH)).post.id);
    expect((await staff.client.post(`/api/safety/alerts/${namedAlert.id}/outreach`, { body: 'We are here for you. Can you tell us more?' })).statusCode).toBe(201);
    const conversationId = (await member.client.get('/api/conversations')).json().conversations[0].id;
    const answer = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: 'I want to kill myself, I think about it every day now.' });
    const messageAlert = await alertFor(answer.json().message.id);
    const other = await memberIn('moderator');
    expect((await other.client.get(`/api/safety/alerts/${messageAlert.id}`)).json().author).toEqual({ handle: member.user.handle, revealed: false });
    expect((await other.client.get(`/api/safety/alerts/${namedAlert.id}/conversation`)).statusCode).toBe(200);
    expect(await revealsBy(other.user.id)).toHaveLength(0);
    const later = await member.client.post(`/api/conversations/${conversationId}/messages`, { body: HOPELESS });
    const item = (await other.client.get('/api/safety/review')).json().open.find((i: { content: { id: string } }) => i.content.id === later.json().message.id);
    expect(item.content.authorHandle).toBe(member.user.handle);
  });
});
