import { Link } from 'react-router';
import { useConversationLive, useConversations } from '../api/conversations.js';
import { Card, LoadError, Loading, PageHeader, RelativeTime } from '../design/index.js';
import './messages.css';

/** The member's conversations: today, with the Hearth safety team when it has reached out. */
export function MessagesPage() {
  useConversationLive();
  const conversations = useConversations();

  return (
    <div className="messages-page">
      <PageHeader title="Messages" lead={<p>Private conversations. Only you and the people in a conversation can read it.</p>} />
      {conversations.isPending ? <Loading label="Loading your messages…" /> : null}
      {conversations.isError ? <LoadError title="We could not load your messages." error={conversations.error} onRetry={conversations.refetch} /> : null}
      {conversations.data && conversations.data.conversations.length === 0 ? (
        <Card tone="muted">
          <p>No messages yet. If Hearth’s safety team ever writes to you, you will find it here, and you can answer.</p>
        </Card>
      ) : null}
      {conversations.data && conversations.data.conversations.length > 0 ? (
        <ul className="conversation-list">
          {conversations.data.conversations.map((conversation) => (
            <li key={conversation.id} className={`conversation-list__item${conversation.unread > 0 ? ' conversation-list__item--unread' : ''}`}>
              <Link to={`/messages/${conversation.id}`} className="conversation-list__link">
                <span className="conversation-list__title">{conversation.title}</span>
                {conversation.unread > 0 ? <span className="messages-badge">{conversation.unread} unread</span> : null}
              </Link>
              {conversation.preview ? <p className="conversation-list__preview">{conversation.preview}</p> : null}
              <p className="conversation-list__time">
                Last message <RelativeTime iso={conversation.lastMessageAt} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
