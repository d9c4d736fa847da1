import { useId, useState, type FormEvent } from 'react';
import { createReplyRequestSchema } from '../../shared/api/community.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { Alert, Button, TextAreaField } from '../design/index.js';
import { AnonymousSwitch } from './AnonymousSwitch.js';
import { FormattingHint } from './FormattingHint.js';
import { useCreateReply } from './thread-mutations.js';

type Field = 'body';
const LABELS: Record<Field, string> = { body: 'Your reply' };

/**
 * A reply to the post or to one reply (parentId), with its own "Reply
 * anonymously" switch. A support card that comes back with the reply is shown
 * by the thread page, which takes focus there.
 */
export function ReplyForm({
  postId,
  parentId = null,
  replyingTo,
  defaultAnonymous,
  postedAnonymouslyByYou = false,
  autoFocus = false,
  onSupport,
  onPosted,
  onCancel,
}: {
  postId: string;
  parentId?: string | null;
  /** Who is being answered, for the label: "Reply to Quiet Heron". */
  replyingTo?: string;
  defaultAnonymous: boolean;
  postedAnonymouslyByYou?: boolean;
  autoFocus?: boolean;
  onSupport(assessmentId: string): void;
  /** Told what to announce (the thread page keeps the status line, as a nested form closes) and which reply it was. */
  onPosted(message: string, replyId: string): void;
  onCancel?: () => void;
}) {
  const id = `reply${useId()}`;
  const ids: Record<Field, string> = { body: `${id}-body` };
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(defaultAnonymous);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const mutation = useCreateReply(postId, onSupport);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const input = { body, parentId, anonymous };
    const checked = validate(createReplyRequestSchema, input, LABELS, { body: 'Please write your reply first.' });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ['body'], ids);
      return;
    }
    setErrors(noErrors);
    mutation.mutate(input, {
      onSuccess: ({ reply }) => {
        setBody('');
        onPosted(
          reply.status === 'held'
            ? 'Your reply is saved. Only you and our safety team can see it for now.'
            : 'Your reply is posted.',
          reply.id,
        );
      },
      onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ['body'], ids, `${id}-error`),
    });
  };

  return (
    <form
      className="reply-form"
      onSubmit={submit}
      noValidate
      aria-label={replyingTo ? `Reply to ${replyingTo}` : 'Reply to this post'}
    >
      {errors.form ? (
        <Alert id={`${id}-error`} tabIndex={-1} title="We could not post your reply.">
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <TextAreaField
        id={ids.body}
        label={replyingTo ? `Your reply to ${replyingTo}` : 'Your reply'}
        hint={<FormattingHint />}
        rows={4}
        value={body}
        // Opened by the member pressing "Reply": take them to the box they asked for.
        autoFocus={autoFocus}
        onChange={(event) => setBody(event.target.value)}
        error={errors.fields.body}
      />
      <AnonymousSwitch
        id={`${id}-anonymous`}
        label="Reply anonymously"
        checked={anonymous}
        onChange={setAnonymous}
        warnAboutHandle={postedAnonymouslyByYou}
      />
      <div className="form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="Sending…">
          Send reply
        </Button>
        {onCancel ? (
          <Button variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
