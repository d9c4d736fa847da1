import { Link } from 'react-router';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications, useNotificationsLive } from '../api/notifications.js';
import { Badge, Button, ButtonLink, Card, LoadError, Loading, PageHeader, RelativeTime } from '../design/index.js';
import { notificationText } from './notification-text.js';
import './notifications.css';

/** The member's notifications, newest first, a page at a time; opening one marks it read. */
export function NotificationsPage() {
  useNotificationsLive();
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.pages.flatMap((page) => page.notifications) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  return (
    <div className="notifications-page">
      <PageHeader title="Notifications" lead={<p>Replies, care, mentions and news about your groups. Choose what reaches you, and when, in settings.</p>}>
        <ButtonLink to="/settings/notifications" variant="secondary">
          Notification settings
        </ButtonLink>
      </PageHeader>
      {list.isPending ? <Loading label="Loading your notifications…" /> : null}
      {list.isError ? <LoadError title="We could not load your notifications." error={list.error} onRetry={list.refetch} /> : null}
      {list.data && items.length === 0 ? (
        <Card tone="muted">
          <p>Nothing new. When someone replies to you or sends care, you will find it here.</p>
        </Card>
      ) : null}
      {unread > 0 ? (
        <p className="notifications-page__actions">
          <Button variant="secondary" busy={markAll.isPending} busyLabel="Marking…" onClick={() => markAll.mutate()}>
            Mark all as read
          </Button>
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="notification-list" aria-label="Your notifications">
          {items.map((notification) => (
            <li key={notification.id} className={`notification-list__item${notification.read ? '' : ' notification-list__item--unread'}`}>
              <Link
                to={notification.link}
                className="notification-list__link"
                onClick={() => {
                  if (!notification.read) markRead.mutate(notification.id);
                }}
              >
                {notificationText(notification)}
              </Link>
              <p className="notification-list__meta">
                {notification.read ? null : <Badge>New</Badge>} <RelativeTime iso={notification.at} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <p>
          <Button variant="secondary" busy={list.isFetchingNextPage} busyLabel="Loading…" onClick={() => void list.fetchNextPage()}>
            Show older notifications
          </Button>
        </p>
      ) : null}
    </div>
  );
}
