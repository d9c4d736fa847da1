import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { usePublicLog, type PublicLogPage } from '../api/moderation-logs.js';
import { Button, LoadError, Loading, Notice, PageHeader } from '../design/index.js';
import './logs.css';

type Entry = PublicLogPage['entries'][number];

const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Sat 5 Dec 2026, between 14:00 and 15:00", in the reader's own time. */
function hourWords(iso: string): string {
  const start = new Date(iso);
  const end = new Date(start.getTime() + 3_600_000);
  return `${day.format(start)}, between ${clock.format(start)} and ${clock.format(end)}`;
}

function LogEntry({ entry }: { entry: Entry }) {
  return (
    <li className="public-log__entry">
      <p className="public-log__words">{entry.words}</p>
      <p className="public-log__meta">
        <time dateTime={entry.hour}>{hourWords(entry.hour)}</time>
        {entry.reason ? (
          <>
            {' · '}
            {entry.automatic ? 'Automatic rule: ' : 'Reason: '}
            {entry.reason}
          </>
        ) : (
          ' · After an appeal, decided by another moderator'
        )}
      </p>
    </li>
  );
}

/** A group's public moderation log (Lemmy's modlog): what moderators did here and why, never who or to whom. */
export function GroupModerationLogPage() {
  const { slug = '' } = useParams();
  const log = usePublicLog(slug);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const group = log.data?.pages[0]?.group;
  const notFound = log.error instanceof ApiError && log.error.status === 404;
  return (
    <div className="logs-page">
      <p className="logs-page__back">
        <Link to={`/groups/${slug}`}>Back to {group?.name ?? 'the group'}</Link>
      </p>
      <PageHeader
        eyebrow={group?.name}
        title="Moderation log"
        documentTitle={group ? `Moderation log · ${group.name}` : 'Moderation log'}
        lead={
          <p>
            What the moderators of this group have done and under which rule, so everyone can see moderation is fair. It never
            names anyone, and times are shown to the hour.
          </p>
        }
      />
      {log.isPending ? <Loading label="Loading the moderation log…" /> : null}
      {notFound ? (
        <Notice tone="info" title="We could not find that group.">
          <p>
            It may be private, or its address may have changed. <Link to="/groups">See all groups</Link>.
          </p>
        </Notice>
      ) : null}
      {log.isError && !notFound ? <LoadError title="We could not load the moderation log." error={log.error} onRetry={log.refetch} /> : null}
      {log.isSuccess ? (
        entries.length === 0 ? (
          <p className="logs-page__count">Nothing has been moderated in this group yet.</p>
        ) : (
          <>
            <ol className="public-log" aria-label="Moderation actions, newest first">
              {entries.map((entry, index) => (
                <LogEntry key={`${entry.hour}-${index}`} entry={entry} />
              ))}
            </ol>
            <p role="status" className="logs-page__count">
              {`Showing ${entries.length} ${entries.length === 1 ? 'action' : 'actions'}${log.hasNextPage ? '; there are older ones.' : '.'}`}
            </p>
            {log.hasNextPage ? (
              <Button variant="secondary" busy={log.isFetchingNextPage} busyLabel="Loading more…" onClick={() => void log.fetchNextPage()}>
                Load more
              </Button>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
