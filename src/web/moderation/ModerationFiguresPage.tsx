import { Link, useSearchParams } from 'react-router';
import { REPORT_REASON_LABELS } from '../../shared/api/moderation.js';
import { useModerationFigures, type ModerationFigures } from '../api/moderation-logs.js';
import { LoadError, Loading, PageHeader, SegmentedLinks } from '../design/index.js';
import { ChartWithTable } from '../safety-team/ChartWithTable.js';
import { formatMinutes } from '../safety-team/figure-labels.js';
import '../safety-team/figures.css';
import './logs.css';

const APPEAL_LABELS = { open: 'Waiting for a decision', upheld: 'Upheld', overturned: 'Overturned' } as const;
const PERIODS = [7, 30, 90] as const;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function Figures({ figures }: { figures: ModerationFigures }) {
  const timing = figures.timeToFirstAction;
  const reports = figures.reportsByReason.map((row) => ({ reason: REPORT_REASON_LABELS[row.reason], reports: row.count }));
  const reportTotal = figures.reportsByReason.reduce((sum, row) => sum + row.count, 0);
  const appeals = figures.appeals.map((row) => ({ status: APPEAL_LABELS[row.status], appeals: row.count }));
  const appealTotal = figures.appeals.reduce((sum, row) => sum + row.count, 0);
  const hits = figures.automodHits.map((row) => ({ rule: `${row.rule} (${row.scope})`, hits: row.count }));
  const timingRows = [
    { measure: 'Median', minutes: timing.medianMinutes },
    { measure: '9 in 10 within', minutes: timing.p90Minutes },
  ];
  return (
    <>
      <dl className="key-figures">
        <div className="key-figures__item">
          <dt>Time to first action</dt>
          <dd>
            <span className="key-figures__value">{formatMinutes(timing.medianMinutes)}</span> median
            <br />9 in 10 within {formatMinutes(timing.p90Minutes)}
            <span className="key-figures__note">
              {timing.acted} of {plural(timing.items, 'item', 'items')} acted on; {timing.waiting} still waiting
            </span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Reports</dt>
          <dd>
            <span className="key-figures__value">{reportTotal}</span>
            <span className="key-figures__note">{plural(appealTotal, 'appeal', 'appeals')} in the same period</span>
          </dd>
        </div>
      </dl>
      <ChartWithTable
        id="moderation-reports"
        title="Reports by reason"
        summary={reportTotal === 0 ? `no reports in the last ${figures.days} days.` : figures.reportsByReason.filter((row) => row.count > 0).map((row) => `${REPORT_REASON_LABELS[row.reason].toLowerCase()} ${row.count}`).join(', ') + '.'}
        rows={reports}
        category="reason"
        categoryLabel="Reason"
        series={[{ key: 'reports', label: 'Reports', color: 'var(--color-accent)' }]}
        tickLabel={(label) => (label.length > 12 ? `${label.slice(0, 11)}…` : label)}
      />
      <ChartWithTable
        id="moderation-timing"
        title="Time to first action, in minutes"
        summary={timing.acted === 0 ? 'no item acted on yet in this period.' : `median ${formatMinutes(timing.medianMinutes)}, 9 in 10 within ${formatMinutes(timing.p90Minutes)}; ${timing.waiting} still waiting.`}
        rows={timingRows}
        category="measure"
        categoryLabel="Measure"
        format={(value) => (typeof value === 'number' ? formatMinutes(value) : '—')}
        series={[{ key: 'minutes', label: 'Minutes', color: 'var(--color-accent)' }]}
      />
      <ChartWithTable
        id="moderation-appeals"
        title="Appeal outcomes"
        summary={appealTotal === 0 ? 'no appeals in this period.' : figures.appeals.map((row) => `${APPEAL_LABELS[row.status].toLowerCase()} ${row.count}`).join(', ') + '.'}
        rows={appeals}
        category="status"
        categoryLabel="Outcome"
        series={[{ key: 'appeals', label: 'Appeals', color: 'var(--color-accent)' }]}
      />
      <ChartWithTable
        id="moderation-automod"
        title="Automatic rule hits"
        summary={hits.length === 0 ? 'no automatic rule matched in this period.' : hits.map((row) => `${row.rule} ${row.hits}`).join(', ') + '.'}
        rows={hits}
        category="rule"
        categoryLabel="Rule"
        series={[{ key: 'hits', label: 'Hits', color: 'var(--color-accent)' }]}
        tickLabel={(label) => (label.length > 14 ? `${label.slice(0, 13)}…` : label)}
      />
    </>
  );
}

/** How moderation is going, for admins: reports, time to first action, appeals, automod. */
export function ModerationFiguresPage() {
  const [params] = useSearchParams();
  const asked = Number(params.get('days'));
  const days = (PERIODS as readonly number[]).includes(asked) ? (asked as 7 | 30 | 90) : 30;
  const figures = useModerationFigures(days);
  return (
    <div className="figures-page">
      <PageHeader
        eyebrow="Administration"
        title="Moderation figures"
        lead={
          <p>
            How reports are answered, how appeals end and what the automatic rules catch. Counts and times only: no content and no
            names. The <Link to="/admin/audit">audit log</Link> has each action.
          </p>
        }
      />
      <SegmentedLinks
        label="Period"
        items={PERIODS.map((period) => ({ to: `/admin/moderation-figures?days=${period}`, label: `Last ${period} days`, current: days === period }))}
      />
      {figures.isPending ? <Loading label="Loading the figures…" /> : null}
      {figures.isError ? <LoadError title="We could not load the figures." error={figures.error} onRetry={figures.refetch} /> : null}
      {figures.data ? <Figures figures={figures.data} /> : null}
    </div>
  );
}
