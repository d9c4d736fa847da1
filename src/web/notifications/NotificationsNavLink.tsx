import { NavLink } from 'react-router';
import { useNotificationsLive, useUnreadNotifications } from '../api/notifications.js';
import './notifications.css';

/** "Notifications" in the header with a live unread count; the accessible name says it ("Notifications, 2 unread"). */
export function NotificationsNavLink({ className }: { className: string }) {
  useNotificationsLive();
  const { data } = useUnreadNotifications();
  const unread = data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className={className} aria-label={unread > 0 ? `Notifications, ${unread} unread` : undefined}>
      Notifications
      {unread > 0 ? (
        <span className="notifications-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
