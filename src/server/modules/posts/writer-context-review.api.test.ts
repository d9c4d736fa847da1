import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { act, groupModeratorOf } from '../moderation/actions-test-steps.js';

/**
 * A reviewer's check of the folded write path (issue 14: writer-context.ts reads
 * sanctions and automod's facts in one prepared query): nothing is remembered
 * between writes, so a sanction given or lifted between two writes of the same
 * member applies to the very next one, and words in crisis are kept under it.
 */
let hearth: TestApp;
const clock = new ManualClock(new Date('2026-04-01T09:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const SLUG = 'anxiety';
const CRISIS = 'I have the pills in front of me and tonight is the night. Goodbye everyone.';

describe('the write path between two writes', () => {
  it('applies a mute given after a write to the next write at once, keeps crisis words under it, and lets the member write again the moment it is lifted or ends', async () => {
    const member = await memberIn(hearth, SLUG);
    const other = await memberIn(hearth, SLUG);
    const moderator = await groupModeratorOf(hearth, SLUG);
    const { post } = await writePost(other.client, SLUG);
    const write = (body: string) => member.client.post(`/api/posts/${post.id}/replies`, { body });

    expect((await write('Thinking of you.')).statusCode).toBe(201);
    expect(
      (
        await act(
          moderator.client,
          'mute',
          { type: 'member', id: member.user.id },
          { hours: 2, group: SLUG, reason: 'A break, please.' },
        )
      ).statusCode,
    ).toBe(200);
    const refused = await write('Still here.');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'muted' });
    const crisis = await write(CRISIS);
    expect(crisis.statusCode).toBe(201);
    expect(crisis.json().reply).toMatchObject({ status: 'held', heldBy: 'sanction' });

    const sanctionId = (await member.client.get('/api/me/moderation')).json().sanctions[0].id;
    expect(
      (
        await act(
          moderator.client,
          'lift',
          { type: 'member', id: member.user.id },
          { sanctionId, reason: 'Talked it through.' },
        )
      ).statusCode,
    ).toBe(200);
    expect((await write('Back, thank you.')).statusCode).toBe(201);

    // A second mute, then its end by the app's clock: the next write goes through without anything else happening.
    expect(
      (
        await act(
          moderator.client,
          'mute',
          { type: 'member', id: member.user.id },
          { hours: 1, group: SLUG, reason: 'Again.' },
        )
      ).statusCode,
    ).toBe(200);
    expect((await write('One more.')).statusCode).toBe(403);
    clock.advance(3_600_000 + 1000);
    expect((await write('One more.')).statusCode).toBe(201);
  });
});
