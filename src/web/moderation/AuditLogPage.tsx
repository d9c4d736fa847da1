import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useAuditActions, useAuditLog, type AuditFilters, type AuditPage } from '../api/moderation-logs.js';
import { Button, LoadError, Loading, Notice, PageHeader } from '../design/index.js';
import { AuditLogFilters } from './AuditLogFilters.js';
import './logs.css';

type Entry = AuditPage['entries'][number];

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Staff by handle; a member is never named here (their rows could tie anonymous content to them). */
function Actor({ actor }: { actor: Entry['actor'] }) {
  if (!actor) return <span className="muted">automatic</span>;
  if (actor.kind === 'staff') return <span>{actor.handle}</span>;
  return <span className="muted">{actor.kind === 'member' ? 'a member' : 'a former member'}</span>;
}

function EntryRow({ entry }: { entry: Entry }) {
  // Each cell holds one element, so that on a phone it sits beside its column's name.
  return (
    <tr>
      <td data-label="When">
        <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
      </td>
      <td data-label="Done by">
        <Actor actor={entry.actor} />
      </td>
      <td data-label="Action">
        <code className="audit-table__action">{entry.action}</code>
      </td>
      <td data-label="Target">
        <div>
          {entry.target.type}
          {entry.target.label ? `: ${entry.target.label}` : null}
          {entry.target.id ? <span className="audit-table__id">{entry.target.id}</span> : null}
        </div>
      </td>
      <td data-label="Details">
        {entry.details.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <dl className="audit-details">
            {entry.details.map((detail) => (
              <div key={detail.key}>
                <dt>{detail.label}</dt>
                <dd>{detail.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}

const KEYS = ['action', 'actor', 'targetType', 'targetId', 'from', 'to'] as const;

/** Admins search the append-only audit log: who did what, to what, when. */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const log = useAuditLog(filters);
  const vocabulary = useAuditActions();
  const error = log.error instanceof ApiError ? log.error : null;
  const fieldError = error?.field && (KEYS as readonly string[]).includes(error.field) ? error.field : null;
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="logs-page">
      <PageHeader
        eyebrow="Administration"
        title="Audit log"
        lead={
          <p>
            Every moderation and safety action, and who took it. The log can only grow: the database refuses any change or deletion,
            whoever asks. Content is never kept here.
          </p>
        }
      />
      <AuditLogFilters
        key={params.toString()}
        filters={filters}
        actions={vocabulary.data?.actions ?? []}
        targetTypes={vocabulary.data?.targetTypes ?? []}
        fieldErrors={fieldError && error ? { [fieldError]: error.message } : {}}
        onApply={(next) => setParams(new URLSearchParams(Object.entries(next) as [string, string][]))}
      />
      {log.isPending ? <Loading label="Loading the audit log…" /> : null}
      {log.isError && !fieldError ? <LoadError title="We could not load the audit log." error={log.error} onRetry={log.refetch} /> : null}
      {log.isSuccess ? (
        <section aria-labelledby="audit-results-title">
          <h2 id="audit-results-title" className="logs-page__subtitle">
            {filtered ? 'Matching entries' : 'Latest entries'}
          </h2>
          <p role="status" className="logs-page__count">
            {entries.length === 0 ? 'No entries match these filters.' : `Showing ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}${log.hasNextPage ? ', newest first; there are more.' : ', newest first.'}`}
          </p>
          {entries.length > 0 ? (
            <div className="audit-table__wrap" role="region" aria-label="Audit log entries" tabIndex={0}>
              <table className="audit-table">
                <caption className="visually-hidden">Audit log entries, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Done by</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <EntryRow key={entry.id} entry={entry} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {log.hasNextPage ? (
            <Button variant="secondary" busy={log.isFetchingNextPage} busyLabel="Loading more…" onClick={() => void log.fetchNextPage()}>
              Load more
            </Button>
          ) : null}
          {log.isFetchNextPageError ? <Notice tone="warning" title="We could not load more entries. Please try again." /> : null}
        </section>
      ) : null}
    </div>
  );
}
