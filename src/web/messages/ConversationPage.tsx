import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useConversation, useConversationLive, useMarkRead } from '../api/conversations.js';
import { useDirectLive, useTyping } from '../api/direct-messages.js';
import { Button, LoadError, Loading, PageHeader } from '../design/index.js';
import { SupportCard } from '../safety/SupportCard.js';
import { DirectStatus, RequestPanel } from './DirectPanels.js';
import { MessageItem } from './MessageItem.js';
import { MessageReplyForm } from './MessageReplyForm.js';
import { useMessageSupport } from './support.js';
import './messages.css';

/** One conversation: messages with the newest at the bottom, live, and the member's answer box. */
export function ConversationPage() {
  const { id = '' } = useParams();
  useConversationLive();
  useDirectLive();
  const conversation = useConversation(id);
  const markRead = useMarkRead(id);
  const support = useMessageSupport(id);
  const [status, setStatus] = useState('');
  const [focusCard, setFocusCard] = useState(false);

  const newest = conversation.data?.pages[0];
  const direct = newest?.conversation.direct ?? null;
  const typing = useTyping(id, direct?.typing === true);
  const unread = newest?.conversation.unread ?? 0;
  const { mutate: markAsRead } = markRead;
  // Seen on screen is read: the header badge clears (a request is read once it is answered).
  const mayMarkRead = direct === null || direct.state === 'accepted';
  useEffect(() => {
    if (unread > 0 && mayMarkRead) markAsRead();
  }, [unread, newest, markAsRead, mayMarkRead]);

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
  const summary = pages[0]!.conversation;
  const otherReadAt = direct?.otherReadAt ? new Date(direct.otherReadAt).getTime() : null;
  // "Seen" goes under the newest of your messages they have read.
  const seenId = otherReadAt === null ? null : messages.filter((message) => message.from.kind === 'you' && new Date(message.createdAt).getTime() <= otherReadAt).at(-1)?.id;
  const changed = (message: string, supportGiven: boolean) => {
    setStatus(message);
    setFocusCard(supportGiven);
  };

  return (
    <div className="messages-page conversation">
      <PageHeader
        title={summary.title}
        eyebrow={<Link to={direct && direct.state === 'request_received' ? '/messages/requests' : '/messages'}>Messages</Link>}
        lead={
          summary.kind === 'safety' ? (
            <p>
              People on Hearth’s safety team read and answer here, but not always at once. If you are in danger now, call your emergency number or a line on{' '}
              <Link to="/help">Get help now</Link>.
            </p>
          ) : (
            <p>
              A private conversation with <Link to={`/members/${encodeURIComponent(summary.title)}`}>{summary.title}</Link>. Only the two of you read it.
            </p>
          )
        }
      />
      {support.length > 0 ? (
        <div className="conversation__support">
          {support.map((card) => (
            <SupportCard key={card.assessmentId} card={card} contentType="message" autoFocus={focusCard && card.assessmentId === support[0]!.assessmentId} />
          ))}
        </div>
      ) : null}
      {direct?.state === 'request_received' ? <RequestPanel conversationId={id} direct={direct} /> : null}
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
            <MessageItem key={message.id} message={message} editable={direct?.mayWrite === true} seen={message.id === seenId} onChanged={changed} />
          ))}
        </ol>
      </section>
      <p className="conversation__typing" aria-live="polite">
        {typing.otherTyping && direct ? `${direct.handle} is typing…` : ''}
      </p>
      <p role="status" className="conversation__status">
        {status}
      </p>
      {direct && direct.state !== 'request_received' ? <DirectStatus conversationId={id} direct={direct} /> : null}
      {direct === null || direct.mayWrite ? (
        <MessageReplyForm
          conversationId={id}
          formLabel={direct ? `Write to ${direct.handle}` : 'Answer the Hearth safety team'}
          hint={
            direct
              ? 'Only the two of you read this. If it suggests you may be in danger, Hearth’s safety team sees this one message. It is kept on this device until it is sent.'
              : 'Only you and the safety team can read this. It is kept on this device until it is sent.'
          }
          onSent={changed}
          onTyped={typing.typed}
        />
      ) : null}
    </div>
  );
}
