import { Link } from 'react-router';
import { useRevealLog } from '../../api/moderation-staff.js';
import { LoadError, Loading, PageHeader } from '../../design/index.js';
import '../../moderation/staff.css';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * `/admin/reveals`: every look behind an anonymous alias, newest first: who
 * looked, at whose post or reply, when and why. Admins only (the API refuses others).
 */
export function RevealsAdminPage() {
  const log = useRevealLog();
  const reveals = log.data?.reveals ?? [];
  return (
    <div className="admin-page">
      <PageHeader
        eyebrow="Administration"
        title="Reveal log"
        lead={
          <p>
            Staff can see who wrote an anonymous post or reply only by giving a reason. Each reveal is recorded here and
            cannot be removed. Newest first.
          </p>
        }
      />
      {log.isPending ? <Loading label="Loading the reveal log…" /> : null}
      {log.isError ? (
        <LoadError title="We could not load the reveal log." error={log.error} onRetry={log.refetch} />
      ) : null}
      {log.data && reveals.length === 0 ? <p>Nobody has revealed an anonymous author yet.</p> : null}
      {reveals.length > 0 ? (
        <ol className="reveal-log" aria-label="Reveals, newest first">
          {reveals.map((entry) => (
            <li key={`${entry.at}-${entry.contentId}-${entry.staffHandle}`} className="reveal-log__item">
              <p className="reveal-log__summary">
                <strong>@{entry.staffHandle}</strong> saw that @{entry.revealedHandle} wrote{' '}
                {entry.contentType === 'post' ? (
                  <Link to={`/posts/${entry.contentId}`}>an anonymous post</Link>
                ) : (
                  'an anonymous reply'
                )}
              </p>
              <dl className="reveal-log__facts">
                <dt>When</dt>
                <dd>
                  <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                </dd>
                <dt>Reason</dt>
                <dd>{entry.reason}</dd>
              </dl>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
