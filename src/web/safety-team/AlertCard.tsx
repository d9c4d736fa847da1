import { Link } from 'react-router';
import type { AlertListItem } from '../../shared/api/safety-alerts.js';
import { CONTENT_LABEL, LEVEL_LABEL, OUTCOME_LABEL, alertSummaryText } from './alert-labels.js';
import { deadlineText } from './use-now.js';

export function LevelBadge({ level }: { level: string }) {
  return <span className={`level-badge level-badge--${level}`}>{LEVEL_LABEL[level] ?? level}</span>;
}

/**
 * The deadline counting down. The ticker is not a live region (aria-live off):
 * a screen reader reads it when asked, never every second.
 */
export function Countdown({ deadlineAt, now, coarse }: { deadlineAt: string; now: number; coarse: boolean }) {
  const overdue = new Date(deadlineAt).getTime() < now;
  return (
    <span role="timer" aria-live="off" className={`countdown${overdue ? ' countdown--overdue' : ''}`}>
      {deadlineText(deadlineAt, now, coarse)}
    </span>
  );
}

/** One alert in the list: level, deadline, what it is about, where, and who holds it. */
export function AlertCard({ alert, selected, now, coarse, myHandle }: { alert: AlertListItem; selected: boolean; now: number; coarse: boolean; myHandle: string | undefined }) {
  const resolved = alert.status === 'resolved';
  const holder = alert.claimedBy ? (alert.claimedBy.handle === myHandle ? 'Claimed by you' : `Claimed by @${alert.claimedBy.handle}`) : 'Nobody has claimed it';
  return (
    <li className={['alert-card', `alert-card--${alert.level}`, selected ? 'alert-card--selected' : ''].filter(Boolean).join(' ')}>
      <p className="alert-card__top">
        <LevelBadge level={alert.level} />
        {resolved ? (
          <span className="alert-card__outcome">{alert.outcome ? OUTCOME_LABEL[alert.outcome] : 'Resolved'}</span>
        ) : (
          <Countdown deadlineAt={alert.deadlineAt} now={now} coarse={coarse} />
        )}
      </p>
      <Link to={`/safety?alert=${alert.id}`} className="alert-card__link" aria-current={selected ? 'true' : undefined}>
        {alertSummaryText(alert)}
      </Link>
      <p className="alert-card__meta">
        {alert.contentType ? `A ${CONTENT_LABEL[alert.contentType]}` : 'No content'}
        {alert.group ? ` in ${alert.group.name}` : ''}
        {resolved ? null : ` · ${holder}`}
        {alert.escalationStep > 0 && !resolved ? ` · escalated (step ${alert.escalationStep})` : ''}
      </p>
    </li>
  );
}
