import { useId } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MemberHistory, QueueItemDetailResponse } from '../../shared/api/moderation-queue.js';
import { ApiError } from '../api/client.js';
import { useQueueItem, useQueueLive } from '../api/moderation-queue.js';
import { Card, LoadError, Loading, Notice, PageHeader, RelativeTime } from '../design/index.js';
import { ActionPanel } from './ActionPanel.js';
import { EscalatedNote, ModerationHeader, reasonsText, SeverityBadge } from './QueueParts.js';

const STATUS_WORDS: Record<string, string> = {
  visible: 'Visible to members',
  held: 'Held: only its author and staff see it',
  removed_by_author: 'Removed by its author',
  removed_by_staff: 'Removed by the moderators',
};

/** `/moderation/items/:id`: one queue item in full, its reports, the member's history, and the actions. */
export function QueueItemPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const item = useQueueItem(id);
  useQueueLive();
  if (item.isPending) return <Loading label="Loading the item…" />;
  if (item.isError) {
    const missing = item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 403 || item.error.status === 400);
    if (!missing) return <LoadError title="We could not load this item." error={item.error} onRetry={item.refetch} />;
    return (
      <div className="narrow">
        <PageHeader title="This item is not in your queue" lead={<p>It may be in a group you do not moderate, or the link is wrong.</p>} />
        <Link to="/moderation">Back to the queue</Link>
      </div>
    );
  }
  const { item: summary, content } = item.data;
  return (
    <div className="queue-item-page">
      <ModerationHeader title={`${summary.status === 'open' ? 'Open' : 'Resolved'}: ${summary.target.excerpt}`} />
      <p>
        <Link to="/moderation">Back to the queue</Link>
      </p>
      <div className="queue-item__top">
        <SeverityBadge severity={summary.severity} label={summary.severityLabel} />
        <span className="small muted">
          {summary.target.group ? summary.target.group.name : 'Site-wide'} · raised <RelativeTime iso={summary.createdAt} />
        </span>
      </div>
      <p>Why: {reasonsText(summary)}</p>
      <EscalatedNote item={summary} />
      <ContentCard content={content} />
      <Reports reports={item.data.reports} automodRule={item.data.automodRule} />
      <History history={item.data.history} note={item.data.historyNote} />
      {summary.status === 'open' ? (
        <ActionPanel
          itemId={summary.id}
          target={{ type: summary.target.type, id: summary.target.id }}
          status={content.status}
          locked={summary.target.type === 'post' ? content.lockedAt !== null : undefined}
          anonymous={content.author?.kind === 'anonymous'}
          onDone={(message) => void navigate('/moderation', { state: { done: message } })}
        />
      ) : null}
    </div>
  );
}

function ContentCard({ content }: { content: QueueItemDetailResponse['content'] }) {
  const titleId = useId();
  const who =
    content.author?.kind === 'anonymous'
      ? `${content.author.alias} (anonymous)`
      : content.author?.kind === 'member'
        ? `@${content.author.handle}`
        : content.handle
          ? `@${content.handle}`
          : null;
  return (
    <Card aria-labelledby={titleId} className="queue-content">
      <h2 id={titleId}>{content.type === 'member' ? 'The member' : `The ${content.type}`}</h2>
      {who ? <p className="small">{content.type === 'member' ? who : `By ${who}`}</p> : null}
      {content.status ? <p className="small muted">{STATUS_WORDS[content.status] ?? content.status}{content.lockedAt ? ' · Locked: no new replies' : ''}</p> : null}
      {content.contentWarning ? <p className="small">Content warning: {content.contentWarning}</p> : null}
      {content.title ? <p className="queue-content__title">{content.title}</p> : null}
      {content.body ? <div className="queue-content__body">{content.body}</div> : content.type !== 'member' ? <p className="muted">The words are no longer stored.</p> : null}
      {content.link ? (
        <p>
          <Link to={content.link}>{content.type === 'member' ? 'Open their profile' : 'Read it in its thread'}</Link>
        </p>
      ) : null}
    </Card>
  );
}

function Reports({ reports, automodRule }: Pick<QueueItemDetailResponse, 'reports' | 'automodRule'>) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="queue-section">
      <h2 id={titleId}>{reports.length === 1 ? '1 report' : `${reports.length} reports`}</h2>
      {automodRule ? <p>Automod rule: {automodRule.name}</p> : null}
      <ul className="queue-reports">
        {reports.map((report, index) => (
          <li key={`${report.createdAt}-${index}`}>
            <p>
              <strong>{report.label}</strong> · {report.reporterHandle ? `@${report.reporterHandle}` : 'a member who has left'} ·{' '}
              <RelativeTime iso={report.createdAt} />
            </p>
            {report.details ? <p className="queue-reports__details">“{report.details}”</p> : null}
          </li>
        ))}
      </ul>
      <p className="small muted">Reporters are shown to moderators only. Never tell a member who reported them.</p>
    </section>
  );
}

function History({ history, note }: { history: MemberHistory | null; note: string | null }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="queue-section">
      <h2 id={titleId}>The member’s history</h2>
      {!history ? (
        <Notice tone="info">{note ?? 'There is no member history for this item.'}</Notice>
      ) : (
        <>
          <h3>Sanctions in force</h3>
          {history.sanctions.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {history.sanctions.map((sanction, index) => (
                <li key={index}>
                  {sanction.kind === 'mute' ? `Muted in ${sanction.group ?? 'a group'}` : sanction.kind === 'suspend' ? 'Suspended' : 'Banned'}
                  {sanction.until ? <> until <time dateTime={sanction.until}>{new Date(sanction.until).toLocaleString('en-GB')}</time></> : null}: {sanction.reason}
                </li>
              ))}
            </ul>
          )}
          <h3>Earlier actions</h3>
          {history.actions.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {history.actions.map((action, index) => (
                <li key={index}>
                  {action.kind}
                  {action.group ? ` in ${action.group}` : ''}, <RelativeTime iso={action.createdAt} />: {action.reason}
                </li>
              ))}
            </ul>
          )}
          <h3>Other reports about them</h3>
          {history.reportsAgainst.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {history.reportsAgainst.map((entry, index) => (
                <li key={index}>
                  {entry.label} ({entry.targetType}), <RelativeTime iso={entry.createdAt} />: {entry.status}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
