import { DIRECT_LIVE } from '../../../shared/api/direct-messages.js';
import type { Database } from '../../db/index.js';
import type { LiveEvent } from '../../live/hub.js';
import { conversationsBlockedFor } from './direct-queries.js';

/** Event types that carry what one member wrote or did in a direct conversation (a `changed` event carries nothing of theirs). */
const CARRY_CONTENT = new Set<string>([DIRECT_LIVE.message, DIRECT_LIVE.read]);

function directConversationOf(event: LiveEvent): string | null {
  if (!CARRY_CONTENT.has(event.type)) return null;
  if (typeof event.payload.conversationId === 'string') return event.payload.conversationId;
  const message = event.payload.message as { conversationId?: unknown } | undefined;
  return typeof message?.conversationId === 'string' ? message.conversationId : null;
}

/**
 * What of these events may still reach `userId`'s sockets: a block stops everything from the blocked member at
 * once, so a direct message recorded before the block and pushed (or replayed) after it is dropped here, at
 * delivery. One query per batch, and none when the batch holds no direct-message event.
 */
export async function deliverableEvents(db: Database, userId: string, events: LiveEvent[]): Promise<LiveEvent[]> {
  const ids = [...new Set(events.map(directConversationOf).filter((id): id is string => id !== null))];
  if (ids.length === 0) return events;
  const blocked = await conversationsBlockedFor(db, userId, ids);
  if (blocked.size === 0) return events;
  return events.filter((event) => {
    const id = directConversationOf(event);
    return id === null || !blocked.has(id);
  });
}
