import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../shared/api/community.js';
import type { SupportCard } from '../../shared/api/safety.js';
import { mergeSupportCards } from './durable-cards.js';

const card = (assessmentId: string, message = 'from the server'): SupportCard => ({
  assessmentId,
  level: 'high',
  about: 'self',
  message,
  emergency: { number: '999', countryName: 'United Kingdom', first: false },
  countryCode: 'GB',
  services: [],
  international: [],
  held: null,
  actions: [],
  team: null,
});

const POST = '00000000-0000-4000-8000-000000000001';
const REPLY = '00000000-0000-4000-8000-000000000002';
const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b2';

function thread(postCard?: SupportCard, replyCard?: SupportCard): ThreadResponse {
  return {
    post: { id: POST, ...(postCard ? { supportCard: postCard } : {}) },
    replies: [{ id: REPLY, ...(replyCard ? { supportCard: replyCard } : {}) }],
  } as unknown as ThreadResponse;
}

describe('the cards a member sees on a thread', () => {
  it('shows the one just given, then those that stay with their post and replies, each once', () => {
    const session = [{ card: card(A, 'just given'), contentType: 'post' as const, contentId: POST }];
    const merged = mergeSupportCards(session, thread(card(A), card(B)));
    expect(merged.map((entry) => [entry.card.assessmentId, entry.contentType, entry.card.message])).toEqual([
      [A, 'post', 'just given'],
      [B, 'reply', 'from the server'],
    ]);
  });

  it('after a reload (nothing in this session) the server’s cards are there; folded ones are not sent', () => {
    expect(mergeSupportCards([], thread(card(A))).map((entry) => entry.contentId)).toEqual([POST]);
    expect(mergeSupportCards([], thread())).toEqual([]);
    expect(mergeSupportCards([], undefined)).toEqual([]);
  });
});
