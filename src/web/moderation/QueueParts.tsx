import { useLocation } from 'react-router';
import { ESCALATED_NOTE, type QueueItem } from '../../shared/api/moderation-queue.js';
import { PageHeader, SegmentedLinks } from '../design/index.js';
import './ReportsQueue.css';

/** An icon per severity beside its words, so severity never rests on colour alone. */
const SEVERITY_ICONS: Record<number, string> = { 5: '‼', 4: '!', 3: '▲', 2: '●', 1: '○' };

export function SeverityBadge({ severity, label }: { severity: number; label: string }) {
  return (
    <span className={`severity severity--${Math.min(5, Math.max(1, severity))}`}>
      <span className="severity__icon" aria-hidden="true">
        {SEVERITY_ICONS[severity] ?? '●'}
      </span>
      <span>{label}</span>
    </span>
  );
}

export function EscalatedNote({ item }: { item: Pick<QueueItem, 'escalated'> }) {
  return item.escalated ? <p className="queue-item__escalated">{ESCALATED_NOTE}</p> : null;
}

export function reasonsText(item: Pick<QueueItem, 'reasons'>): string {
  return item.reasons.map((reason) => (reason.count > 1 ? `${reason.label} (${reason.count} reports)` : reason.label)).join(', ');
}

/** The moderation pages' header: Queue and Appeals, each at its own address. */
export function ModerationHeader({ title, lead }: { title: string; lead?: React.ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageHeader title={title} lead={lead}>
      <SegmentedLinks
        label="Moderation"
        items={[
          { to: '/moderation', label: 'Queue', current: pathname === '/moderation' || pathname.startsWith('/moderation/items') },
          { to: '/moderation/appeals', label: 'Appeals', current: pathname.startsWith('/moderation/appeals') },
        ]}
      />
    </PageHeader>
  );
}
