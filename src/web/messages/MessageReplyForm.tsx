import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { sendMessageRequestSchema } from '../../shared/api/conversations.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { useSendMessage } from '../api/conversations.js';
import { Alert, Button, TextAreaField } from '../design/index.js';
import { readDraft, saveDraft } from './draft.js';
import { keepMessageSupport } from './support.js';

type Field = 'body';
const LABELS: Record<Field, string> = { body: 'Your message' };

/** The member's answer. What they type is kept as a draft until it is sent (draft.ts). */
export function MessageReplyForm({ conversationId, onSent }: { conversationId: string; onSent(message: string, supportGiven: boolean): void }) {
  const id = `message${useId()}`;
  const ids: Record<Field, string> = { body: `${id}-body` };
  const [body, setBody] = useState(() => readDraft(conversationId));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
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
    mutation.mutate(checked.data.body, {
      onSuccess: ({ support }) => {
        change('');
        if (support) keepMessageSupport(queryClient, conversationId, support);
        onSent('Your message is sent.', support !== null);
      },
      onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ['body'], ids, `${id}-error`),
    });
  };

  return (
    <form className="message-form" onSubmit={submit} noValidate aria-label="Answer the Hearth safety team">
      {errors.form ? (
        <Alert id={`${id}-error`} tabIndex={-1} title="We could not send your message.">
          <p>{errors.form}</p>
          <p>What you wrote is still here.</p>
        </Alert>
      ) : null}
      <TextAreaField
        id={ids.body}
        label="Your message"
        hint="Only you and the safety team can read this. It is kept on this device until it is sent."
        rows={4}
        value={body}
        onChange={(event) => change(event.target.value)}
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
