import { z } from 'zod';
import { postSummarySchema, replySchema } from './community.js';

/**
 * Threads and group pages, live (issue 15 part 3): the channels a socket may
 * follow, the event types on them, and each payload as a reader receives it
 * (presented for them by the server, as REST would: server posts/live.ts).
 */
export const COMMUNITY_LIVE = {
  /** A new reply: `{ postId, reply }`. */
  reply: 'thread.reply',
  /** A reply was edited, removed, held or released: `{ postId, reply }`, or `{ postId, replyId, gone: true }` when no longer shown to this reader. */
  replyChanged: 'thread.reply_changed',
  /** Reactions changed: `{ postId, reply }` for a reply; `{ postId }` for the post (read it again). */
  reactions: 'thread.reactions',
  /** The post changed (edit, removal, hold, release, lock, move): `{ postId }` (read it again). */
  postChanged: 'thread.post_changed',
  /** A new post in a group: `{ groupId, post }`. */
  groupPost: 'group.post',
} as const;

export const threadChannelOf = (postId: string) => `thread:${postId}`;
export const groupChannelOf = (groupId: string) => `group:${groupId}`;

export const threadEventPayloadSchema = z.union([
  z.object({ postId: z.uuid(), reply: replySchema }),
  z.object({ postId: z.uuid(), replyId: z.uuid(), gone: z.literal(true) }),
  z.object({ postId: z.uuid() }),
]);
export type ThreadEventPayload = z.infer<typeof threadEventPayloadSchema>;

export const groupPostPayloadSchema = z.object({ groupId: z.uuid(), post: postSummarySchema });
export type GroupPostPayload = z.infer<typeof groupPostPayloadSchema>;
