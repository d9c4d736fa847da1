import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { sendMessageRequestSchema } from '../../shared/api/conversations.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { ApiError } from '../api/client.js';
import { useSendMessage } from '../api/conversations.js';
import { Alert, Button, TextAreaField } from '../design/index.js';
import { readDraft, saveDraft } from './draft.js';
import { keepMessageSupport } from './support.js';

type Field = 'body';
const LABELS: Record<Field, string> = { body: 'Your message' };

/**
 * The member's next message. What they type is kept as a draft until it is sent (draft.ts). Each message gets
 * its own client id, kept while it is being sent and retried, so a send retried after a lost answer lands once.
 */
export function MessageReplyForm({
  conversationId,
  formLabel,
  hint,
  onSent,
  onTyped,
}: {
  conversationId: string;
  formLabel: string;
  hint: string;
  onSent(message: string, supportGiven: boolean): void;
  onTyped?(): void;
}) {
  const id = `message${useId()}`;
  const ids: Record<Field, string> = { body: `${id}-body` };
  const [body, setBody] = useState(() => readDraft(conversationId));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const clientId = useRef<string | null>(null);
  const mutation = useSendMessage(conversationId);
  const queryClient = useQueryClient();

  const change = (value: string) => {
    setBody(value);
    saveDraft(conversationId, value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const checked = validate(sendMessageRequestSchema, { body }, LABELS, { body: 'Please write your message first.' });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ['body'], ids);
      return;
    }
    setErrors(noErrors);
    clientId.current ??= crypto.randomUUID();
    mutation.mutate(
      { body: checked.data.body, clientId: clientId.current },
      {
        onSuccess: ({ support }) => {
          clientId.current = null;
          change('');
          if (support) keepMessageSupport(queryClient, conversationId, support);
          onSent('Your message is sent.', support !== null);
        },
        onError: (error) => {
          // Refused, but written in crisis: the words reached the safety team, and the card is shown with the others.
          if (error instanceof ApiError && error.support) keepMessageSupport(queryClient, conversationId, error.support);
          showErrors(setErrors, errorsFromApi(error, LABELS), ['body'], ids, `${id}-error`);
        },
      },
    );
  };

  return (
    <form className="message-form" onSubmit={submit} noValidate aria-label={formLabel}>
      {errors.form ? (
        <Alert id={`${id}-error`} tabIndex={-1} title="We could not send your message.">
          <p>{errors.form}</p>
          <p>What you wrote is still here.</p>
        </Alert>
      ) : null}
      <TextAreaField
        id={ids.body}
        label="Your message"
        hint={hint}
        rows={4}
        value={body}
        onChange={(event) => {
          // A changed message is a new message: it gets a new id when sent.
          clientId.current = null;
          change(event.target.value);
          onTyped?.();
        }}
        error={errors.fields.body}
      />
      <div className="form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="Sending…">
          Send
        </Button>
      </div>
    </form>
  );
}
