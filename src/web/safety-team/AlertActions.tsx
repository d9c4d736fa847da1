import { useState, type FormEvent } from 'react';
import { ALERT_OUTCOMES, type AlertDetail, type AlertOutcome } from '../../shared/api/safety-alerts.js';
import { ApiError } from '../api/client.js';
import { addAlertNote, claimAlert, releaseAlert, resolveAlert, useAlertAction } from '../api/safety-alerts.js';
import { Alert, Button, ChoiceChips, Notice, TextAreaField } from '../design/index.js';
import { OUTCOME_LABEL } from './alert-labels.js';

const fieldError = (error: Error | null, field: string) => (error instanceof ApiError && error.field === field ? error.message : undefined);
const formError = (error: Error | null) => (error && !(error instanceof ApiError && error.field) ? error.message : null);

/** Claim and release: who holds the alert, said in words. */
function ClaimControls({ alert, myHandle, isAdmin }: { alert: AlertDetail['alert']; myHandle: string | undefined; isAdmin: boolean }) {
  const claim = useAlertAction(() => claimAlert(alert.id));
  const release = useAlertAction(() => releaseAlert(alert.id));
  const mine = alert.claimedBy?.handle === myHandle;
  const error = claim.error ?? release.error;
  return (
    <div className="alert-actions__claim">
      <p className="alert-actions__holder">
        {alert.claimedBy ? (mine ? 'You have claimed this alert.' : `@${alert.claimedBy.handle} has claimed this alert.`) : 'Nobody has claimed this alert yet.'}
      </p>
      <div className="alert-actions__row">
        {alert.status === 'open' ? (
          <Button onClick={() => claim.mutate(undefined)} busy={claim.isPending} busyLabel="Claiming…">
            Claim
          </Button>
        ) : null}
        {alert.status === 'claimed' && (mine || isAdmin) ? (
          <Button variant="secondary" onClick={() => release.mutate(undefined)} busy={release.isPending} busyLabel="Releasing…">
            Release
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
    </div>
  );
}

function NoteForm({ alertId }: { alertId: string }) {
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const note = useAlertAction((text: string) => addAlertNote(alertId, text));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    note.mutate(body, {
      onSuccess: () => {
        setBody('');
        setSaved(true);
      },
    });
  };
  return (
    <form className="alert-actions__form" onSubmit={submit} noValidate>
      <TextAreaField
        label="Private note"
        hint="Only the safety team sees notes. They are kept with the alert."
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={fieldError(note.error, 'body')}
        rows={3}
        maxLength={4000}
      />
      <Button type="submit" variant="secondary" busy={note.isPending} busyLabel="Adding…">
        Add a private note
      </Button>
      {formError(note.error) ? <Alert>{note.error?.message}</Alert> : null}
      <div role="status" className="alert-actions__status">
        {saved ? 'Note added.' : ''}
      </div>
    </form>
  );
}

function ResolveForm({ alertId }: { alertId: string }) {
  const [outcome, setOutcome] = useState<AlertOutcome | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const resolve = useAlertAction((input: { outcome: AlertOutcome; note?: string }) => resolveAlert(alertId, input));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setMissing(true);
      return;
    }
    setMissing(false);
    resolve.mutate(note.trim() ? { outcome, note: note.trim() } : { outcome });
  };
  return (
    <form className="alert-actions__form" onSubmit={submit} noValidate>
      <ChoiceChips
        legend="Outcome"
        name={`outcome-${alertId}`}
        type="radio"
        options={ALERT_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABEL[value] }))}
        value={outcome ? [outcome] : []}
        onChange={(value) => setOutcome((value[0] as AlertOutcome | undefined) ?? null)}
        hint="What happened. It also teaches the assessor."
      />
      <TextAreaField
        label="Note"
        labelNote={outcome === 'other' ? '(needed for Other)' : '(optional)'}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={fieldError(resolve.error, 'note')}
        rows={3}
        maxLength={4000}
      />
      <Button type="submit" busy={resolve.isPending} busyLabel="Resolving…">
        Resolve
      </Button>
      {missing ? <Alert>Choose an outcome before resolving.</Alert> : null}
      {formError(resolve.error) ? <Alert>{resolve.error?.message}</Alert> : null}
    </form>
  );
}

/** Claim, release, a private note and the outcome. Every action is audited on the server. */
export function AlertActions({ detail, myHandle, isAdmin }: { detail: AlertDetail; myHandle: string | undefined; isAdmin: boolean }) {
  const { alert } = detail;
  if (alert.status === 'resolved') {
    return (
      <div className="alert-actions">
        <Notice tone="success" title="Resolved">
          <p>
            {alert.outcome ? OUTCOME_LABEL[alert.outcome] : 'Resolved'}
            {alert.resolvedBy ? `, by @${alert.resolvedBy.handle}` : ''}.
          </p>
        </Notice>
        <NoteForm alertId={alert.id} />
      </div>
    );
  }
  return (
    <div className="alert-actions">
      <ClaimControls alert={alert} myHandle={myHandle} isAdmin={isAdmin} />
      <NoteForm alertId={alert.id} />
      <ResolveForm alertId={alert.id} />
    </div>
  );
}
