import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ConversationMessage } from '../../shared/api/conversations.js';
import { ApiError } from '../api/client.js';
import { useConversation, useConversationLive, useMarkRead } from '../api/conversations.js';
import { Button, LoadError, Loading, PageHeader, RelativeTime } from '../design/index.js';
import { SupportCard } from '../safety/SupportCard.js';
import { MessageReplyForm } from './MessageReplyForm.js';
import { useMessageSupport } from './support.js';
import './messages.css';

function senderName(message: ConversationMessage): string {
  return message.from.kind === 'you' ? 'You' : message.from.kind === 'team' ? message.from.name : message.from.handle;
}

function MessageItem({ message }: { message: ConversationMessage }) {
  const mine = message.from.kind === 'you';
  return (
    <li className={`message${mine ? ' message--mine' : ''}`}>
      <article aria-label={`${senderName(message)}, ${new Date(message.createdAt).toLocaleString('en-GB')}`}>
        <p className="message__meta">
          <span className="message__sender">{senderName(message)}</span>
          {message.from.kind === 'team' && message.from.signedBy ? <span className="message__role"> · Hearth safety team</span> : null}{' '}
          <RelativeTime iso={message.createdAt} className="message__time" />
        </p>
        <p className="message__body">{message.body}</p>
      </article>
    </li>
  );
}

/** One conversation: messages with the newest at the bottom, live, and the member's answer box. */
export function ConversationPage() {
  const { id = '' } = useParams();
  useConversationLive();
  const conversation = useConversation(id);
  const markRead = useMarkRead(id);
  const support = useMessageSupport(id);
  const [status, setStatus] = useState('');
  const [focusCard, setFocusCard] = useState(false);

  const newest = conversation.data?.pages[0];
  const unread = newest?.conversation.unread ?? 0;
  const { mutate: markAsRead } = markRead;
  // Seen on screen is read: the header badge clears.
  useEffect(() => {
    if (unread > 0) markAsRead();
  }, [unread, newest, markAsRead]);

  if (conversation.isPending) return <Loading label="Loading the conversation…" />;
  if (conversation.isError) {
    if (conversation.error instanceof ApiError && conversation.error.status === 404) {
      return (
        <div className="messages-page">
          <PageHeader title="Conversation not found" lead={<p>It may have been removed, or the link is not quite right.</p>} />
          <Link to="/messages">Back to your messages</Link>
        </div>
      );
    }
    return <LoadError title="We could not load this conversation." error={conversation.error} onRetry={conversation.refetch} />;
  }

  const pages = conversation.data.pages;
  const messages = [...pages].reverse().flatMap((page) => page.messages);
  const title = pages[0]!.conversation.title;

  return (
    <div className="messages-page conversation">
      <PageHeader
        title={title}
        eyebrow={<Link to="/messages">Messages</Link>}
        lead={
          pages[0]!.conversation.kind === 'safety' ? (
            <p>
              People on Hearth’s safety team read and answer here, but not always at once. If you are in danger now, call your emergency number or a line on{' '}
              <Link to="/help">Get help now</Link>.
            </p>
          ) : null
        }
      />
      {support.length > 0 ? (
        <div className="conversation__support">
          {support.map((card) => (
            <SupportCard key={card.assessmentId} card={card} contentType="message" autoFocus={focusCard && card.assessmentId === support[0]!.assessmentId} />
          ))}
        </div>
      ) : null}
      <section aria-labelledby="conversation-messages" className="conversation__messages">
        <h2 id="conversation-messages" className="visually-hidden">
          Messages, newest last
        </h2>
        {conversation.hasNextPage ? (
          <Button variant="secondary" busy={conversation.isFetchingNextPage} busyLabel="Loading…" onClick={() => void conversation.fetchNextPage()}>
            Show earlier messages
          </Button>
        ) : null}
        {messages.length === 0 ? <p>No messages yet.</p> : null}
        <ol className="message-list">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
      </section>
      <p role="status" className="conversation__status">
        {status}
      </p>
      <MessageReplyForm
        conversationId={id}
        onSent={(message, supportGiven) => {
          setStatus(message);
          setFocusCard(supportGiven);
        }}
      />
    </div>
  );
}
