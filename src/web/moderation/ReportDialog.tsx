import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { REPORT_REASON_LABELS, REPORT_REASONS, type ReportReason, type ReportTarget } from '../../shared/api/moderation.js';
import { REPORT_DETAILS_MAX } from '../../shared/api/moderation-reports.js';
import { ApiError } from '../api/client.js';
import { useSendReport } from '../api/moderation-reports.js';
import { Button, ChoiceChips, Notice, TextAreaField } from '../design/index.js';
import './ReportsQueue.css';

const REASON_OPTIONS = REPORT_REASONS.map((reason) => ({ value: reason, label: REPORT_REASON_LABELS[reason] }));

const NOUN: Record<ReportTarget, string> = { post: 'post', reply: 'reply', message: 'message', member: 'member' };

/**
 * The report dialog, in the flow under what is reported (a post, a reply, a
 * profile): reasons as radio buttons with their labels, optional details, Send.
 * It takes focus when it opens and again when it is sent, so a keyboard or
 * screen-reader user is never lost; on a phone it is a plain, full-width form.
 */
export function ReportDialog({
  targetType,
  targetId,
  targetHandle,
  subject,
  onClose,
}: {
  targetType: ReportTarget;
  targetId?: string;
  /** A member named by handle (the profile page). */
  targetHandle?: string;
  /** What is reported, in words ("this reply", "@sam"). */
  subject: string;
  onClose(): void;
}) {
  const send = useSendReport();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [missing, setMissing] = useState(false);
  const titleId = useId();
  const heading = useRef<HTMLParagraphElement>(null);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const already = send.error instanceof ApiError && send.error.code === 'already_reported';
  const finished = send.isSuccess || already;
  useEffect(() => {
    if (finished) done.current?.focus();
  }, [finished]);

  if (finished) {
    return (
      <div className="confirm-panel report-dialog" ref={done} tabIndex={-1}>
        <Notice
          tone={already ? 'info' : 'success'}
          live="status"
          title={already ? 'You have already reported this' : 'Thank you. Your report was sent.'}
        >
          <p>
            {already
              ? 'The moderators have your report and will look at it. You don’t need to send it again.'
              : 'The moderators will look at it. Nobody you reported will be told who reported them.'}{' '}
            You will be told the outcome on <Link to="/settings/reports">My reports</Link>.
          </p>
          <p>
            If someone is in danger, use “I’m worried about this person” on their post, or{' '}
            <Link to="/help">Get help now</Link>.
          </p>
        </Notice>
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      </div>
    );
  }

  const detailsError = send.error instanceof ApiError && send.error.field === 'details' ? send.error.message : undefined;
  return (
    <form
      className="confirm-panel report-dialog"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason) {
          setMissing(true);
          return;
        }
        send.mutate({
          targetType,
          ...(targetId ? { targetId } : {}),
          ...(targetHandle ? { targetHandle } : {}),
          reason,
          ...(details.trim() ? { details: details.trim() } : {}),
        });
      }}
    >
      <p ref={heading} id={titleId} className="confirm-panel__title" tabIndex={-1}>
        Report {subject}
      </p>
      <p>The moderators will read your report. The {NOUN[targetType]}’s author is never told who reported.</p>
      <ChoiceChips
        legend="What is wrong?"
        type="radio"
        name={`report-reason${titleId}`}
        className="report-dialog__reasons"
        options={REASON_OPTIONS}
        value={reason ? [reason] : []}
        onChange={(value) => {
          setMissing(false);
          setReason((value[0] as ReportReason | undefined) ?? null);
        }}
      />
      {missing ? (
        <p className="field__error" role="alert">
          Please choose what is wrong.
        </p>
      ) : null}
      <TextAreaField
        label="Anything the moderators should know?"
        labelNote="(optional)"
        rows={3}
        maxLength={REPORT_DETAILS_MAX}
        value={details}
        onChange={(event) => setDetails(event.currentTarget.value)}
        hint="Only the moderators read this."
        error={detailsError}
      />
      {send.isError && !detailsError ? (
        <Notice tone="danger" live="alert">
          {send.error.message}
        </Notice>
      ) : null}
      <div className="cluster">
        <Button type="submit" busy={send.isPending} busyLabel="Sending…">
          Send report
        </Button>
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
