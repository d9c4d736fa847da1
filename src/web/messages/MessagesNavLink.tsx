import { NavLink } from 'react-router';
import { useConversationLive, useUnreadMessages } from '../api/conversations.js';
import { useDirectLive } from '../api/direct-messages.js';
import { VisuallyHidden } from '../design/index.js';
import './messages.css';

/** The visible count (the accessible name carries the exact number); `compact` keeps the phone's header row narrow. */
function Count({ unread, compact = false }: { unread: number; compact?: boolean }) {
  const cap = compact ? 9 : 99;
  return unread > 0 ? (
    <span className="messages-badge" aria-hidden="true">
      {unread > cap ? `${cap}+` : unread}
    </span>
  ) : null;
}

/** "Messages" in the header, with the unread count in its accessible name ("Messages, 1 unread"). */
export function MessagesNavLink({ className }: { className: string }) {
  useConversationLive();
  useDirectLive();
  const { data } = useUnreadMessages(true);
  const unread = data?.count ?? 0;
  return (
    <NavLink to="/messages" className={className} aria-label={unread > 0 ? `Messages, ${unread} unread` : undefined}>
      Messages
      <Count unread={unread} />
    </NavLink>
  );
}

/**
 * The label of the phone header's "More" button, where Messages lives when the
 * row is narrow: the unread count shows on the button itself, so a message
 * from the safety team is never hidden behind a closed menu.
 */
export function MoreWithUnread() {
  const { data } = useUnreadMessages(true);
  const unread = data?.count ?? 0;
  if (unread === 0) return <>More</>;
  // One accessible name, "More, 1 unread message": the visible parts would read as "More , 1".
  return (
    <>
      <span aria-hidden="true">More</span>
      <VisuallyHidden>{`More, ${unread} unread ${unread === 1 ? 'message' : 'messages'}`}</VisuallyHidden>
      <Count unread={unread} compact />
    </>
  );
}
