import { SAFETY_TEAM_NAME } from '../../../shared/api/conversations.js';
import type { NotificationKind, NotificationView } from '../../../shared/api/notifications.js';
import type { NotificationRow } from './queries.js';

export interface NotificationTarget {
  postId: string | null;
  replyId: string | null;
  conversationId: string | null;
  groupSlug: string | null;
}

/** The page a notification opens, in the app and from a push. */
export function linkOf(kind: NotificationKind, target: NotificationTarget): string {
  switch (kind) {
    case 'reply_to_post':
    case 'reply_to_reply':
    case 'mention':
    case 'reaction':
      if (!target.postId) return '/notifications';
      return target.replyId ? `/posts/${target.postId}?reply=${target.replyId}` : `/posts/${target.postId}`;
    case 'message_request':
    case 'message':
    case 'outreach':
      return target.conversationId ? `/messages/${target.conversationId}` : '/messages';
    case 'join_approved':
      return target.groupSlug ? `/groups/${target.groupSlug}` : '/groups';
    case 'moderation':
      return '/settings/moderation';
  }
}

/**
 * A notification as its recipient sees it. The actor is named by handle, by
 * the thread alias when they wrote anonymously (never the handle behind it),
 * or as the team; ids of people never leave the server.
 */
export function presentNotification(row: NotificationRow): NotificationView {
  let actor: NotificationView['actor'] = null;
  if (row.kind === 'outreach') actor = { kind: 'team', name: SAFETY_TEAM_NAME };
  else if (row.actorAnonymous) actor = row.actorAlias ? { kind: 'anonymous', alias: row.actorAlias } : null;
  else if (row.actorHandle) actor = { kind: 'member', handle: row.actorHandle };
  return {
    id: row.id,
    kind: row.kind,
    read: row.readAt !== null,
    at: row.updatedAt.toISOString(),
    actor,
    count: row.kind === 'reaction' ? row.reactors : null,
    postTitle: row.postTitle,
    groupName: row.groupName,
    link: linkOf(row.kind, row),
  };
}

/**
 * What a push says: seen on a lock screen by anyone nearby, so no content and
 * no names, only that something happened and where to look.
 */
export const PUSH_TEXT: Record<NotificationKind, string> = {
  reply_to_post: 'Someone replied to your post',
  reply_to_reply: 'Someone replied to you',
  reaction: 'Someone sent you care',
  mention: 'Someone mentioned you',
  message_request: 'You have a new message request',
  message: 'You have a new message',
  join_approved: 'Your request to join a group was approved',
  moderation: 'There is an update from the moderators',
  outreach: 'The safety team sent you a message',
};
