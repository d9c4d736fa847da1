import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { WORRY_WORDS_MAX } from '../../shared/api/safety-review.js';
import { useRaiseWorry } from '../api/safety-review.js';
import { Button, Notice, TextAreaField } from '../design/index.js';

/**
 * "I'm worried about this person": a short form under a post or reply, then a
 * kind confirmation. The writer is never told, and nothing they see changes.
 */
export function WorryForm({
  contentType,
  contentId,
  onClose,
}: {
  contentType: 'post' | 'reply';
  contentId: string;
  onClose(): void;
}) {
  const raise = useRaiseWorry();
  const [words, setWords] = useState('');
  const titleId = useId();
  const heading = useRef<HTMLParagraphElement>(null);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (raise.isSuccess) done.current?.focus();
  }, [raise.isSuccess]);
  const noun = contentType === 'post' ? 'post' : 'reply';

  if (raise.isSuccess) {
    return (
      <div className="confirm-panel worry-form" ref={done} tabIndex={-1}>
        <Notice
          tone="success"
          live="status"
          title={
            raise.data.status === 'raised'
              ? 'Thank you. Our safety team will read this.'
              : 'You already asked about this today.'
          }
        >
          <p>{raise.data.message}</p>
          <p>
            <Link to={raise.data.helpPath}>Resources for helpers and crisis lines</Link>
          </p>
        </Notice>
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      </div>
    );
  }

  return (
    <form
      className="confirm-panel worry-form"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        raise.mutate({ contentType, contentId, ...(words.trim() ? { words: words.trim() } : {}) });
      }}
    >
      <p ref={heading} id={titleId} className="confirm-panel__title" tabIndex={-1}>
        Worried about the person who wrote this?
      </p>
      <p>Our safety team will read this {noun}. The writer won’t know who asked.</p>
      <TextAreaField
        label="What worries you?"
        labelNote="(optional)"
        rows={3}
        maxLength={WORRY_WORDS_MAX}
        value={words}
        onChange={(event) => setWords(event.currentTarget.value)}
        hint="Only the safety team reads this."
      />
      {raise.isError ? (
        <Notice tone="danger" live="alert">
          {raise.error.message}
        </Notice>
      ) : null}
      <div className="cluster">
        <Button type="submit" busy={raise.isPending} busyLabel="Sending…">
          Ask the safety team to look
        </Button>
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
