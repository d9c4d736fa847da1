import type { NotificationView } from '../../shared/api/notifications.js';

/** Who did it, as the member may know them: a handle, a thread alias, the team, or "Someone". */
function actorName(actor: NotificationView['actor']): string {
  if (!actor) return 'Someone';
  if (actor.kind === 'member') return `@${actor.handle}`;
  if (actor.kind === 'anonymous') return actor.alias;
  return actor.name;
}

const inPost = (title: string | null) => (title ? ` in “${title}”` : '');

/** One plain sentence per notification. */
export function notificationText(notification: NotificationView): string {
  const who = actorName(notification.actor);
  switch (notification.kind) {
    case 'reply_to_post':
      return `${who} replied to your post${notification.postTitle ? ` “${notification.postTitle}”` : ''}`;
    case 'reply_to_reply':
      return `${who} replied to you${inPost(notification.postTitle)}`;
    case 'mention':
      return `${who} mentioned you${inPost(notification.postTitle)}`;
    case 'reaction': {
      const count = notification.count ?? 1;
      return `${count === 1 ? '1 person' : `${count} people`} sent care for your words${inPost(notification.postTitle)}`;
    }
    case 'message_request':
      return `${who} would like to send you a message`;
    case 'message':
      return `${who} sent you a message`;
    case 'join_approved':
      return `You are now a member of ${notification.groupName ?? 'the group you asked to join'}`;
    case 'moderation':
      return 'The moderators made a decision that concerns you';
    case 'outreach':
      return `${who} sent you a message`;
  }
}
