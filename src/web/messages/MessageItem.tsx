import { useId, useState, type FormEvent } from 'react';
import type { ConversationMessage } from '../../shared/api/conversations.js';
import { useDeleteMessage, useEditMessage } from '../api/direct-messages.js';
import { Alert, Button, ConfirmPanel, RelativeTime, TextAreaField } from '../design/index.js';

function senderName(message: ConversationMessage): string {
  if (message.from.kind === 'you') return 'You';
  return message.from.kind === 'team' ? message.from.name : message.from.handle;
}

/**
 * One message. In a direct conversation its sender may edit it (assessed again, "edited" shows) or delete it
 * for both ("Message deleted"); `seen` marks the newest message the other member read (both turned receipts on).
 */
export function MessageItem({
  message,
  editable,
  seen,
  onChanged,
}: {
  message: ConversationMessage;
  editable: boolean;
  seen: boolean;
  onChanged(status: string, supportGiven: boolean): void;
}) {
  const mine = message.from.kind === 'you';
  const name = senderName(message);
  const [mode, setMode] = useState<'read' | 'edit' | 'delete'>('read');
  const [draft, setDraft] = useState(message.body);
  const edit = useEditMessage(message.conversationId);
  const remove = useDeleteMessage(message.conversationId);
  const fieldId = `edit${useId()}`;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim() || edit.isPending) return;
    edit.mutate(
      { messageId: message.id, body: draft },
      {
        onSuccess: ({ support }) => {
          setMode('read');
          onChanged('Your message is edited.', support !== null);
        },
      },
    );
  };

  return (
    <li className={`message${mine ? ' message--mine' : ''}`}>
      <article aria-label={`${name}, ${new Date(message.createdAt).toLocaleString('en-GB')}`}>
        <p className="message__meta">
          <span className="message__sender">{name}</span>
          {message.from.kind === 'team' && message.from.signedBy ? <span className="message__role"> · Hearth safety team</span> : null}{' '}
          <RelativeTime iso={message.createdAt} className="message__time" />
          {message.editedAt ? <span className="message__edited"> · edited</span> : null}
        </p>
        {message.deleted ? (
          <p className="message__body message__body--deleted">Message deleted</p>
        ) : mode === 'edit' ? (
          <form className="message__edit" onSubmit={save} noValidate aria-label="Edit your message">
            {edit.isError ? (
              <Alert title="We could not save your edit.">
                <p>{edit.error.message}</p>
              </Alert>
            ) : null}
            <TextAreaField id={fieldId} label="Your message" rows={3} value={draft} onChange={(event) => setDraft(event.target.value)} />
            <div className="cluster">
              <Button type="submit" busy={edit.isPending} busyLabel="Saving…">
                Save edit
              </Button>
              <Button variant="quiet" onClick={() => setMode('read')}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <p className="message__body">{message.body}</p>
        )}
        {mode === 'delete' ? (
          <ConfirmPanel
            title="Delete this message for both of you?"
            confirmLabel="Delete message"
            busyLabel="Deleting…"
            busy={remove.isPending}
            danger
            onConfirm={() =>
              remove.mutate(message.id, {
                onSuccess: () => {
                  setMode('read');
                  onChanged('Your message is deleted.', false);
                },
              })
            }
            onCancel={() => setMode('read')}
          />
        ) : null}
        {editable && mine && !message.deleted && mode === 'read' ? (
          <div className="cluster message__actions">
            <Button
              variant="quiet"
              onClick={() => {
                setDraft(message.body);
                setMode('edit');
              }}
            >
              Edit<span className="visually-hidden"> your message</span>
            </Button>
            <Button variant="quiet" onClick={() => setMode('delete')}>
              Delete<span className="visually-hidden"> your message</span>
            </Button>
          </div>
        ) : null}
        {seen ? <p className="message__seen">Seen</p> : null}
      </article>
    </li>
  );
}
