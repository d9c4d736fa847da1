import { useState } from 'react';
import { Link } from 'react-router';
import type { AppealView } from '../../shared/api/moderation-actions.js';
import { ApiError } from '../api/client.js';
import { useAppeals, useDecideAppeal } from '../api/moderation-actions.js';
import { useMe } from '../api/queries.js';
import { Button, Card, LoadError, Loading, Notice, PageHeader, TextAreaField } from '../design/index.js';
import { formatWhen } from './moderation-time.js';
import './moderation-actions.css';

/**
 * `/moderation/appeals`: appeals of actions in the moderator's groups, open
 * first. Someone other than the moderator who acted decides: upholding keeps
 * the action, overturning undoes it; either way the member is told the reason.
 */
export function AppealsPage() {
  const appeals = useAppeals();
  // The decision's result is announced here, not in the card: the decided card leaves the open list as soon as the list refetches.
  const [announced, setAnnounced] = useState('');
  const { data: me } = useMe();
  const refused = appeals.error instanceof ApiError && appeals.error.status === 403;
  const open = appeals.data?.appeals.filter((appeal) => appeal.status === 'open') ?? [];
  const decided = appeals.data?.appeals.filter((appeal) => appeal.status !== 'open') ?? [];
  return (
    <div className="appeals-page">
      <PageHeader title="Appeals" lead={<p>Members asking for a second look. Decide the ones you did not act on yourself; the member reads your reason.</p>} />
      <div role="status">{announced ? <Notice tone="success">{announced}</Notice> : null}</div>
      {appeals.isPending ? <Loading label="Loading appeals…" /> : null}
      {refused ? (
        <Notice title="This page is for moderators.">
          <p>
            To appeal a decision about you, go to your <Link to="/settings/moderation">Moderation notices</Link> page.
          </p>
        </Notice>
      ) : appeals.isError ? (
        <LoadError title="We could not load the appeals." error={appeals.error} onRetry={() => void appeals.refetch()} />
      ) : null}
      {appeals.data ? (
        <>
          <h2>Open ({open.length})</h2>
          {open.length === 0 ? <p>No open appeals.</p> : <AppealList appeals={open} timeZone={me?.timeZone} onDecided={setAnnounced} />}
          {decided.length > 0 ? (
            <>
              <h2>Decided</h2>
              <AppealList appeals={decided} timeZone={me?.timeZone} onDecided={setAnnounced} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

interface Decides {
  /** Told the result's message when a decision succeeds. */
  onDecided(message: string): void;
}

function AppealList({ appeals, timeZone, onDecided }: { appeals: AppealView[]; timeZone: string | null | undefined } & Decides) {
  return (
    <ul className="appeals-list stack">
      {appeals.map((appeal) => (
        <li key={appeal.id}>
          <AppealCard appeal={appeal} timeZone={timeZone} onDecided={onDecided} />
        </li>
      ))}
    </ul>
  );
}

function AppealCard({ appeal, timeZone, onDecided }: { appeal: AppealView; timeZone: string | null | undefined } & Decides) {
  const { action } = appeal;
  const who = appeal.member ? appeal.member.handle : 'An anonymous member';
  return (
    <Card as="article" aria-label={`Appeal of “${action.kindWords}” by ${who}`}>
      <h3>
        {action.kindWords}: appeal by {who}
      </h3>
      <p className="moderation-notice__kind">
        Action by {action.by} · {formatWhen(action.createdAt, timeZone)}
        {action.until ? ` · until ${formatWhen(action.until, timeZone)}` : ''}
      </p>
      {action.content ? (
        <p>
          About: <Link to={`/posts/${action.content.postId}`}>{action.content.title ?? `“${action.content.excerpt}”`}</Link>
        </p>
      ) : null}
      <p>
        The reason{action.reasonLabel ? ` (${action.reasonLabel})` : ''}: {action.reason}
      </p>
      <blockquote className="appeal__body">
        <p>{appeal.body}</p>
      </blockquote>
      {appeal.status === 'open' ? (
        action.mine ? (
          <p>You took this action, so another moderator decides this appeal.</p>
        ) : (
          <DecisionForm appealId={appeal.id} onDecided={onDecided} />
        )
      ) : (
        <p>
          {appeal.status === 'overturned' ? 'Overturned' : 'Upheld'}
          {appeal.decidedAt ? ` on ${formatWhen(appeal.decidedAt, timeZone)}` : ''}: {appeal.decisionReason}
        </p>
      )}
    </Card>
  );
}

function DecisionForm({ appealId, onDecided }: { appealId: string } & Decides) {
  const decide = useDecideAppeal();
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<'uphold' | 'overturn' | null>(null);
  const submit = (choice: 'uphold' | 'overturn') => {
    setDecision(choice);
    decide.mutate({ appealId, decision: choice, reason: reason.trim() }, { onSuccess: (result) => onDecided(result.message) });
  };
  // The page announces the result; the card shows the decision once the list has refetched.
  if (decide.isSuccess) return null;
  return (
    <form className="stack" onSubmit={(event) => event.preventDefault()} aria-label="Decide this appeal">
      <TextAreaField label="Your reason" hint="The member reads this." rows={3} maxLength={1000} required value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
      {decide.isError ? (
        <Notice tone="danger" live="alert">
          {decide.error.message}
        </Notice>
      ) : null}
      <div className="cluster">
        <Button variant="secondary" busy={decide.isPending && decision === 'uphold'} busyLabel="Deciding…" onClick={() => submit('uphold')}>
          Uphold (keep the action)
        </Button>
        <Button busy={decide.isPending && decision === 'overturn'} busyLabel="Deciding…" onClick={() => submit('overturn')}>
          Overturn (undo the action)
        </Button>
      </div>
    </form>
  );
}
