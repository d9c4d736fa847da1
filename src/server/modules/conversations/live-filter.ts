import { DIRECT_LIVE } from '../../../shared/api/direct-messages.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import type { LiveEvent } from '../../live/hub.js';
import { conversationsBlockedFor } from './direct-queries.js';
import { presentMessageForMember } from './presenters.js';
import { findMessages } from './queries.js';

/** Event types that carry what one member wrote or did in a direct conversation (a `changed` event carries nothing of theirs). */
const CARRY_CONTENT = new Set<string>([DIRECT_LIVE.message, DIRECT_LIVE.read]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOr = (value: unknown): string | null => (typeof value === 'string' && UUID.test(value) ? value : null);

function directConversationOf(event: LiveEvent): string | null {
  return CARRY_CONTENT.has(event.type) ? uuidOr(event.payload.conversationId) : null;
}

function messageIdOf(event: LiveEvent): string | null {
  return event.type === DIRECT_LIVE.message ? uuidOr(event.payload.messageId) : null;
}

/**
 * Direct-message events as `userId`'s sockets get them, live or replayed:
 * - a block stops everything from the blocked member at once, so an event recorded before the block and pushed
 *   (or replayed) after it is dropped here, at delivery;
 * - a message event's row holds ids only (no words in live_events); the message is read now and presented for
 *   this reader by the REST presenter, so an edit or a delete shows as it is, and a deleted message's words are
 *   never replayed.
 * One query per batch for each step, and none when the batch holds no direct-message event.
 */
export async function prepareForDelivery(db: Database, keys: MessageKeyring, userId: string, events: LiveEvent[]): Promise<LiveEvent[]> {
  const conversationIds = [...new Set(events.map(directConversationOf).filter((id): id is string => id !== null))];
  if (conversationIds.length === 0) return events;
  const blocked = await conversationsBlockedFor(db, userId, conversationIds);
  const deliverable = events.filter((event) => {
    const id = directConversationOf(event);
    return id === null || !blocked.has(id);
  });
  // Only well-formed ids reach the query (a bad one would fail the whole replay, not just its event).
  const messageIds = deliverable.map(messageIdOf).filter((id): id is string => id !== null);
  if (messageIds.length === 0) return deliverable;
  const rows = new Map((await findMessages(db, keys, messageIds)).map((row) => [row.id, row]));
  return deliverable.flatMap((event) => {
    if (event.type !== DIRECT_LIVE.message) return [event];
    const id = messageIdOf(event);
    const row = id ? rows.get(id) : undefined;
    return row ? [{ ...event, payload: { conversationId: row.conversationId, message: presentMessageForMember(row, userId) } }] : [];
  });
}
