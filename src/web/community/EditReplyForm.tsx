import { useId, useState, type FormEvent } from 'react';
import type { Reply } from '../../shared/api/community.js';
import { updateReplyRequestSchema } from '../../shared/api/community.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { Alert, Button, TextAreaField } from '../design/index.js';
import { useThreadContext } from './thread-context.js';
import { useEditReply } from './thread-mutations.js';

type Field = 'body';
const LABELS: Record<Field, string> = { body: 'Your reply' };

/** Editing one's own reply in place. An edit is new writing: it is read for risk like a new reply. */
export function EditReplyForm({ reply, onClose }: { reply: Reply; onClose(): void }) {
  const thread = useThreadContext();
  const id = `edit-reply${useId()}`;
  const ids: Record<Field, string> = { body: `${id}-body` };
  const [body, setBody] = useState(reply.body ?? '');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const mutation = useEditReply(thread.postId, thread.onSupport);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const checked = validate(updateReplyRequestSchema, { body }, LABELS, { body: 'Please write your reply first.' });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ['body'], ids);
      return;
    }
    mutation.mutate(
      { replyId: reply.id, body },
      {
        onSuccess: () => {
          thread.announce('Your reply is saved.');
          onClose();
        },
        onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ['body'], ids, `${id}-error`),
      },
    );
  };

  return (
    <form className="reply-form" onSubmit={submit} noValidate aria-label="Edit your reply">
      {errors.form ? (
        <Alert id={`${id}-error`} tabIndex={-1} title="We could not save your reply.">
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <TextAreaField
        id={ids.body}
        label="Edit your reply"
        hint="Others will see that it was edited."
        rows={4}
        value={body}
        autoFocus
        onChange={(event) => setBody(event.target.value)}
        error={errors.fields.body}
      />
      <div className="form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="Saving…">
          Save reply
        </Button>
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
