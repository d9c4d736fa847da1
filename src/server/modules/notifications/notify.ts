import { and, inArray, ne, sql } from 'drizzle-orm';
import { NOTIFICATIONS_LIVE } from '../../../shared/api/notifications.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/index.js';
import { users } from '../../db/schema/index.js';
import { userChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';
import { mentionedHandles } from './mentions.js';
import * as queries from './queries.js';

export type NotifyDeps = { live: LiveHub; clock: Clock };

/** Everything Hearth tells a member about, by kind. Ids only: what is shown is read when the list is. */
export type NotifyInput =
  | { kind: 'reply_to_post' | 'reply_to_reply'; recipientId: string; actorId: string; anonymous: boolean; postId: string; replyId: string }
  | { kind: 'mention'; recipientId: string; actorId: string; anonymous: boolean; postId: string; replyId: string | null }
  | { kind: 'reaction'; recipientId: string; actorId: string; postId: string; replyId: string | null }
  | { kind: 'message_request' | 'message'; recipientId: string; actorId: string; conversationId: string }
  | { kind: 'outreach'; recipientId: string; conversationId: string }
  | { kind: 'join_approved'; recipientId: string; groupId: string }
  | { kind: 'moderation'; recipientId: string; noticeId: string };

/**
 * Writes a notification row in the caller's transaction (the `dms` module
 * calls this for messages and requests). Returns the live event for the
 * member's badge, to announce after the commit, or null when the member is
 * not shown it (held or removed content, a block, a kind they turned off): no
 * event then, so nothing hidden moves the badge. The push is decided after
 * the commit by the push dispatcher (push.ts), never inside this transaction.
 */
export async function notify(tx: Database, deps: NotifyDeps, input: NotifyInput): Promise<LiveEvent | null> {
  const written = await writeNotification(tx, deps.clock.now(), input);
  if (!written?.shown) return null;
  return deps.live.record(tx, userChannel(input.recipientId), NOTIFICATIONS_LIVE.changed, {});
}

/**
 * The row alone, for a caller whose own live event already tells the member's
 * app to look again (moderation notices). Null when there is nothing to write
 * (a member's own doing).
 */
export async function writeNotification(tx: Database, now: Date, input: NotifyInput): Promise<{ id: string; shown: boolean } | null> {
  if ('actorId' in input && input.actorId === input.recipientId) return null;
  const id =
    input.kind === 'reaction'
      ? (await queries.addToReactionBatch(tx, input, now)).id
      : input.kind === 'message'
        ? (await queries.addToMessageBatch(tx, input, now)).id
        : await queries.insertNotification(tx, valuesOf(input), now);
  const shown = await queries.isShown(tx, id);
  // Not shown now: never pushed (a push would tell of something hidden, or turned off).
  if (!shown) await queries.setPushState(tx, [id], 'skipped');
  return { id, shown };
}

function valuesOf(input: Exclude<NotifyInput, { kind: 'reaction' }>): queries.NewNotification {
  switch (input.kind) {
    case 'reply_to_post':
    case 'reply_to_reply':
    case 'mention':
      return { recipientId: input.recipientId, kind: input.kind, actorId: input.actorId, actorAnonymous: input.anonymous, postId: input.postId, replyId: input.replyId };
    case 'message_request':
    case 'message':
      return { recipientId: input.recipientId, kind: input.kind, actorId: input.actorId, conversationId: input.conversationId };
    case 'outreach':
      return { recipientId: input.recipientId, kind: input.kind, conversationId: input.conversationId };
    case 'join_approved':
      return { recipientId: input.recipientId, kind: input.kind, groupId: input.groupId };
    case 'moderation':
      return { recipientId: input.recipientId, kind: input.kind, noticeId: input.noticeId };
  }
}

/**
 * Tells each member `@mentioned` in a post or reply, except the writer and
 * anyone already told of it (the post's or parent's author). A mention in
 * anonymous writing is shown under the thread alias, never the handle.
 */
export async function notifyMentions(
  tx: Database,
  deps: NotifyDeps,
  input: { text: string; actorId: string; anonymous: boolean; postId: string; replyId: string | null; alreadyTold: string[] },
): Promise<LiveEvent[]> {
  const handles = mentionedHandles(input.text);
  if (handles.length === 0) return [];
  const mentioned = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(sql`lower(${users.handle})`, handles), ne(users.isSystem, true)));
  const events: LiveEvent[] = [];
  for (const { id } of mentioned) {
    if (id === input.actorId || input.alreadyTold.includes(id)) continue;
    const event = await notify(tx, deps, { kind: 'mention', recipientId: id, actorId: input.actorId, anonymous: input.anonymous, postId: input.postId, replyId: input.replyId });
    if (event) events.push(event);
  }
  return events;
}
