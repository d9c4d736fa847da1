import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendMessageRequestSchema } from '../../shared/api/conversations.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import type { SupportCard as SupportCardData } from '../../shared/api/safety.js';
import { ApiError } from '../api/client.js';
import { useMessageMember, useMessageStatus } from '../api/direct-messages.js';
import { Alert, Button, ButtonLink, TextAreaField } from '../design/index.js';
import { SupportCard } from '../safety/SupportCard.js';
import { keepMessageSupport } from './support.js';
import './messages.css';

type Field = 'body';
const LABELS: Record<Field, string> = { body: 'Your message' };

/**
 * "Message" on a member's profile: shown only when the member may write to them, and when they may not, the
 * reason is said before they type (a new account, nothing posted under their handle yet, or the other member's
 * setting). A first message is a request.
 */
export function MessageMemberPanel({ handle }: { handle: string }) {
  const status = useMessageStatus(handle, true);
  const [open, setOpen] = useState(false);
  if (!status.data) return null;
  const { conversationId, mayWrite, refusal } = status.data;
  if (conversationId) {
    return (
      <ButtonLink to={`/messages/${conversationId}`} variant="secondary">
        {mayWrite ? 'Message' : 'Open your conversation'}
      </ButtonLink>
    );
  }
  // Their own block is said by the profile page already ("You blocked this member").
  if (!mayWrite)
    return refusal && refusal.code !== 'blocked_by_you' ? (
      <p className="small muted message-member__refusal">{refusal.message}</p>
    ) : null;
  return open ? (
    <FirstMessageForm handle={handle} onCancel={() => setOpen(false)} />
  ) : (
    <Button variant="secondary" onClick={() => setOpen(true)}>
      Message
    </Button>
  );
}

function FirstMessageForm({ handle, onCancel }: { handle: string; onCancel(): void }) {
  const id = `first-message${useId()}`;
  const ids: Record<Field, string> = { body: `${id}-body` };
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  // Refused, but written in crisis: the words reached the safety team, and the writer's support card is shown here.
  const [refusedSupport, setRefusedSupport] = useState<SupportCardData | null>(null);
  const clientId = useRef<string | null>(null);
  const send = useMessageMember(handle);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Opened by the Message button: the writing starts here (keyboard and screen reader users land in the field).
  useEffect(() => document.getElementById(ids.body)?.focus(), [ids.body]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    const checked = validate(sendMessageRequestSchema, { body }, LABELS, { body: 'Please write your message first.' });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ['body'], ids);
      return;
    }
    setErrors(noErrors);
    clientId.current ??= crypto.randomUUID();
    send.mutate(
      { body: checked.data.body, clientId: clientId.current },
      {
        onSuccess: ({ conversationId, support }) => {
          if (support) keepMessageSupport(queryClient, conversationId, support);
          void navigate(`/messages/${conversationId}`);
        },
        onError: (error) => {
          setRefusedSupport(error instanceof ApiError && error.support ? error.support : null);
          showErrors(setErrors, errorsFromApi(error, LABELS), ['body'], ids, `${id}-error`);
        },
      },
    );
  };

  return (
    <>
      {refusedSupport ? <SupportCard card={refusedSupport} contentType="message" /> : null}
      <form className="message-form message-member__form" onSubmit={submit} noValidate aria-label={`Message ${handle}`}>
        {errors.form ? (
          <Alert id={`${id}-error`} tabIndex={-1} title="We could not send your message.">
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <TextAreaField
          id={ids.body}
          label="Your message"
          hint={`If you have not talked before, this is a message request: ${handle} can accept it, decline it or block you, and you cannot send more until they accept.`}
          rows={4}
          value={body}
          onChange={(event) => {
            clientId.current = null;
            setBody(event.target.value);
          }}
          error={errors.fields.body}
        />
        <div className="cluster">
          <Button type="submit" busy={send.isPending} busyLabel="Sending…">
            Send
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}
