import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useReveal } from '../api/moderation-staff.js';
import { Button, Notice, TextAreaField } from '../design/index.js';

const REASON_MIN = 10;

/**
 * The reveal's form: a reason first (at least 10 characters), told plainly that
 * it is recorded; then the handle. Only after the server has logged the reveal
 * does anything about the author reach this page.
 */
export function RevealForm({
  contentType,
  contentId,
  onClose,
}: {
  contentType: 'post' | 'reply';
  contentId: string;
  onClose(): void;
}) {
  const reveal = useReveal();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const titleId = useId();
  const heading = useRef<HTMLParagraphElement>(null);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (reveal.isSuccess) done.current?.focus();
  }, [reveal.isSuccess]);
  const noun = contentType === 'post' ? 'post' : 'reply';

  if (reveal.isSuccess) {
    const { handle } = reveal.data.author;
    return (
      <div className="confirm-panel reveal-form" ref={done} tabIndex={-1}>
        <Notice tone="info" live="status" title={`This ${noun} was written by @${handle}.`}>
          <p>
            Your reveal and its reason are recorded. Please keep this to what the reason needs: other members still see
            only the alias. <Link to={`/members/${encodeURIComponent(handle)}`}>Open @{handle}’s profile</Link>
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
      className="confirm-panel reveal-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = reason.trim();
        if (trimmed.length < REASON_MIN) {
          setError(`Please say why, in at least ${REASON_MIN} characters.`);
          return;
        }
        setError(undefined);
        reveal.mutate({ contentType, contentId, reason: trimmed });
      }}
    >
      <p ref={heading} id={titleId} className="confirm-panel__title" tabIndex={-1}>
        See who wrote this anonymous {noun}?
      </p>
      <p>
        Only do this when moderation or someone’s safety needs it. The reveal is recorded: your handle, this {noun}, the
        time and your reason go into the reveal log, which admins read. The member can see it: their {noun} will show
        that staff looked, when, and your reason (not your handle).
      </p>
      <TextAreaField
        label="Why do you need to know?"
        rows={3}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        hint={`At least ${REASON_MIN} characters. For example: “Reported three times today for harassment.”`}
        error={error ?? (reveal.isError ? reveal.error.message : undefined)}
      />
      <div className="cluster">
        <Button type="submit" busy={reveal.isPending} busyLabel="Recording…">
          Record the reason and reveal
        </Button>
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
