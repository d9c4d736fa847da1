import { NavLink } from 'react-router';
import { useConversationLive, useUnreadMessages } from '../api/conversations.js';
import './messages.css';

/** "Messages" in the header, with the unread count in its accessible name ("Messages, 1 unread"). */
export function MessagesNavLink({ className }: { className: string }) {
  useConversationLive();
  const { data } = useUnreadMessages(true);
  const unread = data?.count ?? 0;
  return (
    <NavLink to="/messages" className={className} aria-label={unread > 0 ? `Messages, ${unread} unread` : undefined}>
      Messages
      {unread > 0 ? (
        <span className="messages-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
