import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import type { MyNotice, SanctionView } from '../../shared/api/moderation-actions.js';
import { useAppeal, useMarkModerationRead, useMyModeration } from '../api/moderation-actions.js';
import { useMe } from '../api/queries.js';
import { Button, Card, LoadError, Loading, Notice, TextAreaField } from '../design/index.js';
import { SettingsSection } from '../pages/settings/SettingsLayout.js';
import { formatWhen } from './moderation-time.js';
import './moderation-actions.css';

/**
 * `/settings/moderation`: what moderators did that concerns the member, in
 * kind words: each action with its reason and how to appeal it, appeal
 * decisions, the outcomes of their reports, and any sanction in force with
 * the time it ends. Help is always one link away.
 */
export function MyModerationPage() {
  const mine = useMyModeration();
  const markRead = useMarkModerationRead();
  const { data: me } = useMe();
  const unread = mine.data?.unread ?? 0;
  const { mutate } = markRead;
  // Reading the page is reading the notices.
  useEffect(() => {
    if (unread > 0) mutate();
  }, [unread, mutate]);

  return (
    <SettingsSection
      title="Moderation notices"
      intro={
        <p>
          What moderators decided about you or your words, and what happened to your reports. Nobody here is punished silently, and every decision can be appealed once. If things feel heavy, <Link to="/help">Get help now</Link> has people you can talk to.
        </p>
      }
    >
      {mine.isPending ? <Loading label="Loading your moderation notices…" /> : null}
      {mine.isError ? <LoadError title="We could not load your moderation notices." error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data ? (
        <>
          <Sanctions sanctions={mine.data.sanctions} timeZone={me?.timeZone} />
          <h3>Notices</h3>
          {mine.data.notices.length === 0 ? (
            <p>Nothing here: no moderator has acted on your posts, replies or account.</p>
          ) : (
            <ul className="stack moderation-notices">
              {mine.data.notices.map((notice) => (
                <li key={notice.id}>
                  <NoticeCard notice={notice} timeZone={me?.timeZone} />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </SettingsSection>
  );
}

function Sanctions({ sanctions, timeZone }: { sanctions: SanctionView[]; timeZone: string | null | undefined }) {
  if (sanctions.length === 0) return null;
  return (
    <Notice tone="warning" title="In force now">
      <ul>
        {sanctions.map((sanction) => (
          <li key={sanction.id}>
            <strong>{sanction.kindWords}</strong>
            {sanction.group ? ` in ${sanction.group.name}` : ''}
            {sanction.until ? `, until ${formatWhen(sanction.until, timeZone)}` : ', with no end date'}. The reason: {sanction.reason}
          </li>
        ))}
      </ul>
      <p>You can still read, appeal below, and write to the safety team whenever you need to.</p>
    </Notice>
  );
}

function NoticeCard({ notice, timeZone }: { notice: MyNotice; timeZone: string | null | undefined }) {
  const when = formatWhen(notice.createdAt, timeZone);
  if (notice.kind === 'report_outcome') {
    return (
      <Card as="article" aria-label={`Your report, ${when}`}>
        <p className="moderation-notice__kind">Your report · {when}</p>
        <p>{notice.report.outcome}</p>
      </Card>
    );
  }
  if (notice.kind === 'appeal_decided') {
    return (
      <Card as="article" aria-label={`Your appeal, ${when}`}>
        <p className="moderation-notice__kind">
          Your appeal ({notice.appeal.actionKindWords}) · {when}
        </p>
        <p>{notice.message}</p>
        {notice.appeal.decisionReason ? <p>The reason: {notice.appeal.decisionReason}</p> : null}
      </Card>
    );
  }
  const { action, appeal } = notice;
  return (
    <Card as="article" aria-label={`${action.kindWords}, ${when}`}>
      <p className="moderation-notice__kind">
        <strong>{action.kindWords}</strong> by {action.by.charAt(0).toLowerCase() + action.by.slice(1)} · {when}
      </p>
      {action.content ? (
        <p>
          About your {action.content.type}:{' '}
          <Link to={`/posts/${action.content.postId}`}>{action.content.title ?? `“${action.content.excerpt}”`}</Link>
        </p>
      ) : null}
      {action.group && !action.content ? <p>In {action.group.name}</p> : null}
      <p>
        The reason{action.reasonLabel ? ` (${action.reasonLabel})` : ''}: {action.reason}
      </p>
      {action.until ? <p>Until {formatWhen(action.until, timeZone)}.</p> : null}
      <AppealPart actionId={action.id} appeal={appeal} />
    </Card>
  );
}

function AppealPart({ actionId, appeal }: { actionId: string; appeal: Extract<MyNotice, { kind: 'action' }>['appeal'] }) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const send = useAppeal();
  const formId = useId();
  if (send.isSuccess) {
    return (
      <Notice tone="success" live="status">
        {send.data.message}
      </Notice>
    );
  }
  if (appeal.status === 'open') return <p>You appealed this. A moderator who did not take the action will decide, and you will be told here.</p>;
  if (appeal.status === 'upheld') return <p>Your appeal was looked at and the decision was kept{appeal.decisionReason ? `: ${appeal.decisionReason}` : '.'}</p>;
  if (appeal.status === 'overturned') return <p>Your appeal was accepted and the decision undone{appeal.decisionReason ? `: ${appeal.decisionReason}` : '.'}</p>;
  if (!appeal.canAppeal) return null;
  if (!open) {
    return (
      <>
        <p>{appeal.howTo}</p>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Appeal this decision
        </Button>
      </>
    );
  }
  return (
    <form
      id={formId}
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate({ actionId, body: body.trim() });
      }}
    >
      <TextAreaField label="Why should it be looked at again?" hint="A moderator who did not take the action reads this. You can appeal once." rows={4} maxLength={2000} required value={body} onChange={(event) => setBody(event.currentTarget.value)} autoFocus />
      {send.isError ? (
        <Notice tone="danger" live="alert">
          {send.error.message}
        </Notice>
      ) : null}
      <div className="cluster">
        <Button type="submit" busy={send.isPending} busyLabel="Sending…">
          Send my appeal
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
