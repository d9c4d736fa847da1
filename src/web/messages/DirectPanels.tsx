import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ConversationSummary } from '../../shared/api/conversations.js';
import { useAnswerRequest } from '../api/direct-messages.js';
import { Alert, Button, ConfirmPanel, Notice } from '../design/index.js';

type Direct = NonNullable<ConversationSummary['direct']>;

/** A request the member received: accept, decline (the sender is told only "not accepted"), or block. */
export function RequestPanel({ conversationId, direct }: { conversationId: string; direct: Direct }) {
  const answer = useAnswerRequest(conversationId);
  const navigate = useNavigate();
  const [confirmBlock, setConfirmBlock] = useState(false);
  const run = (action: 'accept' | 'decline' | 'block') =>
    answer.mutate(action, { onSuccess: () => (action === 'accept' ? undefined : void navigate('/messages/requests', { replace: true })) });
  return (
    <section className="request-panel" aria-labelledby="request-panel-title">
      <h2 id="request-panel-title" className="request-panel__title">
        {direct.handle} would like to message you
      </h2>
      <p>They cannot send more until you accept. If you decline, they are told only that it was not accepted, and they cannot ask again.</p>
      {answer.isError ? (
        <Alert title="That did not work.">
          <p>{answer.error.message}</p>
        </Alert>
      ) : null}
      {confirmBlock ? (
        <ConfirmPanel
          title={`Block ${direct.handle}?`}
          confirmLabel="Block"
          busyLabel="Blocking…"
          busy={answer.isPending}
          danger
          onConfirm={() => run('block')}
          onCancel={() => setConfirmBlock(false)}
        >
          <p>Nothing from them reaches you any more: no messages or requests, and you will not see their posts. They are not told.</p>
        </ConfirmPanel>
      ) : (
        <div className="cluster">
          <Button busy={answer.isPending && answer.variables === 'accept'} busyLabel="Accepting…" onClick={() => run('accept')}>
            Accept
          </Button>
          <Button variant="secondary" busy={answer.isPending && answer.variables === 'decline'} busyLabel="Declining…" onClick={() => run('decline')}>
            Decline
          </Button>
          <Button variant="danger" onClick={() => setConfirmBlock(true)}>
            Block
          </Button>
        </div>
      )}
    </section>
  );
}

/** Why the member cannot write here now, or (when they can) a way to block the other member. */
export function DirectStatus({ conversationId, direct }: { conversationId: string; direct: Direct }) {
  const answer = useAnswerRequest(conversationId);
  const navigate = useNavigate();
  const [confirmBlock, setConfirmBlock] = useState(false);
  if (direct.state === 'request_sent') {
    return (
      <Notice title="Not accepted yet">
        <p>You can send more messages once {direct.handle} accepts your message request.</p>
      </Notice>
    );
  }
  if (!direct.mayWrite) {
    return (
      <Notice title="This conversation is closed">
        <p>You can’t send messages in this conversation.</p>
      </Notice>
    );
  }
  return confirmBlock ? (
    <ConfirmPanel
      title={`Block ${direct.handle}?`}
      confirmLabel="Block"
      busyLabel="Blocking…"
      busy={answer.isPending}
      danger
      onConfirm={() => answer.mutate('block', { onSuccess: () => void navigate('/messages', { replace: true }) })}
      onCancel={() => setConfirmBlock(false)}
    >
      <p>
        Nothing from them reaches you any more, and this conversation leaves your messages. They are not told. You can unblock them in{' '}
        <Link to="/settings/blocked-and-muted">Settings</Link>.
      </p>
    </ConfirmPanel>
  ) : (
    <p className="direct-status__block">
      <Button variant="quiet" onClick={() => setConfirmBlock(true)}>
        Block {direct.handle}
      </Button>
    </p>
  );
}
