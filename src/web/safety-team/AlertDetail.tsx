import { Link } from 'react-router';
import type { AlertDetail as AlertDetailData } from '../../shared/api/safety-alerts.js';
import { useAlert } from '../api/safety-alerts.js';
import { LoadError, Loading, RelativeTime } from '../design/index.js';
import { AlertActions } from './AlertActions.js';
import { Countdown, LevelBadge } from './AlertCard.js';
import { AlertContent } from './AlertContent.js';
import { HeldContentPanel } from './HeldContentPanel.js';
import { OutreachPanel } from './OutreachPanel.js';
import { ACTION_LABEL, CONTENT_LABEL, LEVEL_LABEL, OUTCOME_LABEL, categoryLabel } from './alert-labels.js';
import { replyLink } from '../community/thread-focus.js';

function Facts({ detail }: { detail: AlertDetailData }) {
  const { alert, assessment } = detail;
  return (
    <dl className="alert-facts">
      <div>
        <dt>Level</dt>
        <dd>{LEVEL_LABEL[alert.level] ?? alert.level}</dd>
      </div>
      <div>
        <dt>Categories</dt>
        <dd>{(assessment?.categories ?? alert.categories).map(categoryLabel).join(', ') || 'none'}</dd>
      </div>
      {assessment ? (
        <>
          <div>
            <dt>Score</dt>
            <dd>{assessment.score.toFixed(2)}</dd>
          </div>
          <div>
            <dt>Model version</dt>
            <dd className="alert-facts__mono">{assessment.modelVersion}</dd>
          </div>
        </>
      ) : null}
      <div>
        <dt>Raised</dt>
        <dd>
          <RelativeTime iso={alert.createdAt} />
          {alert.group ? ` in ${alert.group.name}` : ''}
        </dd>
      </div>
      <div>
        <dt>Escalation</dt>
        <dd>{detail.escalation.step === 0 ? 'Not escalated' : `Step ${detail.escalation.step} of 3`}</dd>
      </div>
    </dl>
  );
}

function History({ detail }: { detail: AlertDetailData }) {
  const { posts, replies, checkins, earlierAlerts } = detail.history;
  const empty = posts.length + replies.length + checkins.length + earlierAlerts.length === 0;
  if (empty) return <p className="alert-detail__quiet">Nothing else from this member yet.</p>;
  return (
    <div className="alert-history">
      {posts.length > 0 ? (
        <>
          <h4>Posts</h4>
          <ul>
            {posts.map((post) => (
              <li key={post.id}>
                <Link to={`/posts/${post.id}`}>{post.title}</Link> <RelativeTime iso={post.createdAt} />
                {post.anonymous ? ' (anonymous)' : ''}
                {post.status === 'held' ? ' (held)' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {replies.length > 0 ? (
        <>
          <h4>Replies</h4>
          <ul>
            {replies.map((reply) => (
              <li key={reply.id}>
                <Link to={replyLink(reply.postId, reply.id)}>{reply.excerpt}</Link> <RelativeTime iso={reply.createdAt} />
                {reply.anonymous ? ' (anonymous)' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {checkins.length > 0 ? (
        <>
          <h4>Check-ins</h4>
          <ul>
            {checkins.map((checkin) => (
              <li key={checkin.id}>
                {LEVEL_LABEL[checkin.level]} <RelativeTime iso={checkin.createdAt} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {earlierAlerts.length > 0 ? (
        <>
          <h4>Earlier alerts</h4>
          <ul>
            {earlierAlerts.map((earlier) => (
              <li key={earlier.id}>
                <Link to={`/safety?alert=${earlier.id}`}>{LEVEL_LABEL[earlier.level]}</Link> <RelativeTime iso={earlier.createdAt} />:{' '}
                {earlier.outcome ? OUTCOME_LABEL[earlier.outcome] : earlier.status === 'resolved' ? 'resolved' : 'still open'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function Timeline({ detail }: { detail: AlertDetailData }) {
  if (detail.timeline.length === 0) return <p className="alert-detail__quiet">Nothing has happened yet.</p>;
  return (
    <ol className="alert-timeline">
      {detail.timeline.map((action) => {
        const outcome = typeof action.details.outcome === 'string' ? OUTCOME_LABEL[action.details.outcome as keyof typeof OUTCOME_LABEL] : undefined;
        return (
          <li key={action.id}>
            <p className="alert-timeline__line">
              {action.actor ? <strong>@{action.actor.handle}</strong> : null} {ACTION_LABEL[action.kind] ?? action.kind}
              {outcome ? `: ${outcome}` : ''} <RelativeTime iso={action.createdAt} />
            </p>
            {action.body ? <p className="alert-timeline__body">{action.body}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * One alert in full: what was written (evidence marked), who wrote it, their
 * recent history, what has happened so far and what to do next.
 */
export function AlertDetail({ alertId, now, coarse, myHandle, isAdmin, headingId }: { alertId: string; now: number; coarse: boolean; myHandle: string | undefined; isAdmin: boolean; headingId: string }) {
  const query = useAlert(alertId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError title="We could not load this alert." error={query.error} onRetry={() => query.refetch()} />;
  const detail = query.data;
  const { alert, content, author } = detail;
  return (
    <article className="alert-detail" aria-labelledby={headingId}>
      <p className="alert-detail__top">
        <LevelBadge level={alert.level} />
        {alert.status === 'resolved' ? <span>Resolved</span> : <Countdown deadlineAt={alert.deadlineAt} now={now} coarse={coarse} />}
      </p>
      <p className="alert-detail__author">
        {author.revealed ? (
          <>
            Revealed for safety: <Link to={`/members/${author.handle}`}>@{author.handle}</Link>
            <span className="alert-detail__quiet">
              {content?.type === 'message' ? ' (their conversation with the team is about anonymous writing; this view is logged)' : ' (written anonymously; this view is logged)'}
            </span>
          </>
        ) : (
          <>
            By <Link to={`/members/${author.handle}`}>@{author.handle}</Link>
          </>
        )}
      </p>
      {content ? (
        <>
          <AlertContent content={content} assessment={detail.assessment} />
          {content.postId ? (
            <p>
              <Link to={content.type === 'reply' ? replyLink(content.postId, content.id) : `/posts/${content.postId}`}>Open the {CONTENT_LABEL[content.type]} in its thread</Link>
            </p>
          ) : null}
        </>
      ) : (
        <p className="alert-detail__quiet">
          {alert.reason === 'talk_to_someone' ? 'The member pressed "Talk to someone now" on their support card.' : 'This alert has no content to show.'}
        </p>
      )}
      <Facts detail={detail} />

      <h3>Actions</h3>
      <AlertActions detail={detail} myHandle={myHandle} isAdmin={isAdmin} />
      <OutreachPanel alertId={alert.id} />
      <HeldContentPanel alertId={alert.id} />

      <h3>Recent history</h3>
      <History detail={detail} />

      <h3>Timeline</h3>
      <Timeline detail={detail} />
    </article>
  );
}
