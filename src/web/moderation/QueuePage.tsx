import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { QueueItem } from '../../shared/api/moderation-queue.js';
import { useModerationScope, useQueue, useQueueLive } from '../api/moderation-queue.js';
import { Button, LoadError, Loading, Notice, PageHeader, RelativeTime, SelectField } from '../design/index.js';
import { EscalatedNote, ModerationHeader, reasonsText, SeverityBadge } from './QueueParts.js';

const TARGET_WORDS: Record<QueueItem['target']['type'], string> = { post: 'Post', reply: 'Reply', message: 'Message', member: 'Member' };
const KIND_WORDS: Record<QueueItem['kind'], string> = { report: 'Reported', automod: 'Held or flagged by automod', approval: 'Waiting for approval' };

/**
 * `/moderation`: the queue a moderator may see, worst first and then oldest,
 * as the API orders it. Filters live in the address (status, group); a live
 * event refetches it and a polite announcement says a new report arrived.
 */
export function QueuePage() {
  const scope = useModerationScope();
  if (scope.isPending) return <Loading label="Loading…" />;
  if (scope.isError) return <LoadError title="We could not load the moderation queue." error={scope.error} onRetry={scope.refetch} />;
  if (!scope.data.moderates) {
    return (
      <div className="narrow">
        <PageHeader title="Moderation" />
        <Notice tone="info" title="This page is for moderators.">
          <p>
            If something here worries you, report it from its “More” menu; you can follow your reports on{' '}
            <Link to="/settings/reports">My reports</Link>. If you need help yourself, <Link to="/help">Get help now</Link>.
          </p>
        </Notice>
      </div>
    );
  }
  return <Queue groups={scope.data.groups} global={scope.data.global} />;
}

function Queue({ groups, global }: { groups: { slug: string; name: string }[]; global: boolean }) {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const group = params.get('group') ?? '';
  const queue = useQueue(status, group);
  const [announcement, setAnnouncement] = useState('');
  const listedIds = useRef(new Set<string>());
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  // What was listed before an event arrives tells a new report from a change to one already shown.
  useEffect(() => {
    listedIds.current = new Set(queue.data?.pages.flatMap((page) => page.items.map((item) => item.id)) ?? []);
  }, [queue.data]);
  const onChange = useCallback((itemId: string) => {
    setAnnouncement(listedIds.current.has(itemId) ? 'The queue was updated.' : 'A new report arrived.');
  }, []);
  useQueueLive(onChange);
  const listTitle = useId();
  // The result of an action taken on an item's page, said once back on the list.
  const done = (useLocation().state as { done?: string } | null)?.done;

  const setFilter = (key: 'status' | 'group', value: string) => {
    const next = new URLSearchParams(params);
    if (value && !(key === 'status' && value === 'open')) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="queue-page">
      <ModerationHeader
        title="Moderation"
        lead={
          <p>
            {global ? 'Every group’s items and site-wide ones.' : `Items in the groups you moderate.`} The most serious come
            first, then the oldest. Open one to read it in full and act, with a reason.
          </p>
        }
      />
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {done ? (
        <Notice tone="success" live="status">
          {done}
        </Notice>
      ) : null}
      <form className="queue-filters" aria-label="Filter the queue" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Show" value={status} onChange={(event) => setFilter('status', event.currentTarget.value)}>
          <option value="open">Open items</option>
          <option value="resolved">Resolved items</option>
        </SelectField>
        <SelectField label="Group" value={group} onChange={(event) => setFilter('group', event.currentTarget.value)}>
          <option value="">{global ? 'All groups and site-wide' : 'All your groups'}</option>
          {groups.map((entry) => (
            <option key={entry.slug} value={entry.slug}>
              {entry.name}
            </option>
          ))}
        </SelectField>
      </form>
      <section aria-labelledby={listTitle}>
        <h2 id={listTitle}>
          {queue.isPending
            ? 'The queue'
            : items.length === 0
              ? status === 'open'
                ? 'Nothing waiting'
                : 'Nothing resolved yet'
              : `${items.length}${queue.hasNextPage ? '+' : ''} ${status === 'open' ? 'waiting' : 'resolved'}`}
        </h2>
        {queue.isPending ? (
          <Loading label="Loading the queue…" />
        ) : queue.isError ? (
          <LoadError title="We could not load the queue." error={queue.error} onRetry={queue.refetch} />
        ) : items.length === 0 ? (
          <p className="muted">{status === 'open' ? 'When members report something, or automod holds a post, it shows here.' : 'Items you and others resolved show here.'}</p>
        ) : (
          <ul className="queue-list">
            {items.map((item) => (
              <QueueRow key={item.id} item={item} />
            ))}
          </ul>
        )}
        {queue.hasNextPage ? (
          <Button variant="secondary" busy={queue.isFetchingNextPage} busyLabel="Loading…" onClick={() => void queue.fetchNextPage()}>
            Show more
          </Button>
        ) : null}
      </section>
    </div>
  );
}

function QueueRow({ item }: { item: QueueItem }) {
  const where = item.target.group ? item.target.group.name : 'Site-wide';
  return (
    <li className={`queue-item${item.escalated ? ' queue-item--escalated' : ''}`}>
      <div className="queue-item__top">
        <SeverityBadge severity={item.severity} label={item.severityLabel} />
        <span className="small muted">
          {TARGET_WORDS[item.target.type]} · {where} · <RelativeTime iso={item.createdAt} />
        </span>
      </div>
      <p className="queue-item__excerpt">
        <Link to={`/moderation/items/${item.id}`}>{item.target.excerpt}</Link>
      </p>
      <p className="small">
        {KIND_WORDS[item.kind]}: {reasonsText(item)}
        {item.reportCount > 0 ? ` · ${item.reportCount} report${item.reportCount === 1 ? '' : 's'}` : ''}
        {item.automodRule ? ` · Automod rule: ${item.automodRule}` : ''}
      </p>
      <EscalatedNote item={item} />
    </li>
  );
}
