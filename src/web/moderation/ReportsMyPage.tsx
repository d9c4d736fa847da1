import { Link } from 'react-router';
import type { MyReport } from '../../shared/api/moderation-reports.js';
import { useMyReports } from '../api/moderation-reports.js';
import { Button, LoadError, Loading, RelativeTime } from '../design/index.js';
import { SettingsSection } from '../pages/settings/SettingsLayout.js';
import './ReportsQueue.css';

const STATUS_WORDS: Record<MyReport['status'], string> = {
  open: 'Waiting for a moderator',
  actioned: 'The moderators acted',
  dismissed: 'Looked at: no action needed',
};

/**
 * `/settings/reports`, "My reports": what you reported, and what the
 * moderators decided, in plain words. Only you see this page.
 */
export function MyReportsPage() {
  const reports = useMyReports();
  const items = reports.data?.pages.flatMap((page) => page.reports) ?? [];
  return (
    <SettingsSection
      title="My reports"
      intro={
        <p>
          What you reported to the moderators, and what they decided. Nobody you reported is told who reported them. If
          someone is in danger, use “I’m worried about this person” on their post, or <Link to="/help">Get help now</Link>.
        </p>
      }
    >
      {reports.isPending ? (
        <Loading label="Loading your reports…" />
      ) : reports.isError ? (
        <LoadError title="We could not load your reports." error={reports.error} onRetry={reports.refetch} />
      ) : items.length === 0 ? (
        <p className="muted">You have not reported anything. You can report a post or reply from its “More” menu.</p>
      ) : (
        <>
          <ul className="my-reports" aria-label="Your reports">
            {items.map((report) => (
              <li key={report.id} className="my-reports__item">
                <p className="my-reports__target">
                  {report.target.link ? <Link to={report.target.link}>{report.target.description}</Link> : report.target.description}
                </p>
                <p className="small">
                  {report.reasonLabel} · reported <RelativeTime iso={report.createdAt} />
                </p>
                <p className={`my-reports__status my-reports__status--${report.status}`}>
                  <strong>{STATUS_WORDS[report.status]}</strong>
                  {report.outcome ? `: ${report.outcome}` : null}
                </p>
              </li>
            ))}
          </ul>
          {reports.hasNextPage ? (
            <Button variant="secondary" busy={reports.isFetchingNextPage} busyLabel="Loading…" onClick={() => void reports.fetchNextPage()}>
              Show older reports
            </Button>
          ) : null}
        </>
      )}
    </SettingsSection>
  );
}
