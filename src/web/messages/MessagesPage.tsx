import { Link } from 'react-router';
import type { ConversationSummary } from '../../shared/api/conversations.js';
import { useConversationLive, useConversations, useUnreadMessages } from '../api/conversations.js';
import { useDirectLive, useMessageRequests } from '../api/direct-messages.js';
import { Card, LoadError, Loading, PageHeader, RelativeTime, SegmentedLinks } from '../design/index.js';
import './messages.css';

function ConversationList({ conversations }: { conversations: ConversationSummary[] }) {
  return (
    <ul className="conversation-list">
      {conversations.map((conversation) => (
        <li key={conversation.id} className={`conversation-list__item${conversation.unread > 0 ? ' conversation-list__item--unread' : ''}`}>
          <Link to={`/messages/${conversation.id}`} className="conversation-list__link">
            <span className="conversation-list__title">{conversation.title}</span>
            {conversation.unread > 0 && conversation.direct?.state !== 'request_received' ? <span className="messages-badge">{conversation.unread} unread</span> : null}
          </Link>
          {conversation.direct?.state === 'request_sent' ? <p className="conversation-list__state">Message request, not accepted yet</p> : null}
          {conversation.preview ? <p className="conversation-list__preview">{conversation.preview}</p> : null}
          <p className="conversation-list__time">
            Last message <RelativeTime iso={conversation.lastMessageAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Inbox and Requests, each with its own address. */
function MessagesTabs({ current }: { current: 'inbox' | 'requests' }) {
  const counts = useUnreadMessages(true);
  const requests = counts.data?.requests ?? 0;
  return (
    <SegmentedLinks
      label="Messages"
      items={[
        { to: '/messages', label: 'Inbox', current: current === 'inbox' },
        { to: '/messages/requests', label: requests > 0 ? `Requests (${requests})` : 'Requests', current: current === 'requests' },
      ]}
    />
  );
}

const LEAD = <p>Private conversations. Only you and the people in a conversation can read it. Members you have not talked with yet arrive under Requests.</p>;

/** The member's conversations: with other members, and with the Hearth safety team when it has reached out. */
export function MessagesPage() {
  useConversationLive();
  useDirectLive();
  const conversations = useConversations();

  return (
    <div className="messages-page">
      <PageHeader title="Messages" lead={LEAD} />
      <MessagesTabs current="inbox" />
      {conversations.isPending ? <Loading label="Loading your messages…" /> : null}
      {conversations.isError ? <LoadError title="We could not load your messages." error={conversations.error} onRetry={conversations.refetch} /> : null}
      {conversations.data && conversations.data.conversations.length === 0 ? (
        <Card tone="muted">
          <p>
            No messages yet. To write to a member, open their profile and choose Message. If Hearth’s safety team ever writes to you, you will find it here,
            and you can answer.
          </p>
        </Card>
      ) : null}
      {conversations.data && conversations.data.conversations.length > 0 ? <ConversationList conversations={conversations.data.conversations} /> : null}
    </div>
  );
}

/** Message requests: first messages from members you have not talked with, waiting for your answer. */
export function RequestsPage() {
  useDirectLive();
  const requests = useMessageRequests();
  return (
    <div className="messages-page">
      <PageHeader title="Message requests" documentTitle="Message requests" lead={LEAD} />
      <MessagesTabs current="requests" />
      {requests.isPending ? <Loading label="Loading your requests…" /> : null}
      {requests.isError ? <LoadError title="We could not load your requests." error={requests.error} onRetry={requests.refetch} /> : null}
      {requests.data && requests.data.requests.length === 0 ? (
        <Card tone="muted">
          <p>
            No message requests. You choose who may send them in <Link to="/settings/messages">Settings</Link>.
          </p>
        </Card>
      ) : null}
      {requests.data && requests.data.requests.length > 0 ? <ConversationList conversations={requests.data.requests} /> : null}
    </div>
  );
}
