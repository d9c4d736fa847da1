import { Link, useSearchParams } from 'react-router';
import { useMe } from '../api/queries.js';
import { useSafetyFigures, type SafetyFigures } from '../api/safety-figures.js';
import { LoadError, Loading, Notice, PageHeader, SegmentedLinks } from '../design/index.js';
import { ChartWithTable } from './ChartWithTable.js';
import { LEVEL_LABELS, OUTCOME_LABELS, formatDay, formatMinutes } from './figure-labels.js';
import './figures.css';

/** A duration's median and 90th percentile, with how many alerts it was measured on. */
function TimingFigure({ term, timing, counted }: { term: string; timing: SafetyFigures['timeToClaim']; counted: string }) {
  return (
    <div className="key-figures__item">
      <dt>{term}</dt>
      <dd>
        <span className="key-figures__value">{formatMinutes(timing.medianMinutes)}</span> median
        <br />
        9 in 10 within {formatMinutes(timing.p90Minutes)}
        <span className="key-figures__note">
          {timing.count} {counted}
        </span>
      </dd>
    </div>
  );
}

function KeyFigures({ figures }: { figures: SafetyFigures }) {
  return (
    <dl className="key-figures">
      <TimingFigure term="Time to claim" timing={figures.timeToClaim} counted="claimed" />
      <TimingFigure term="Time to first outreach" timing={figures.timeToFirstOutreach} counted="reached out to" />
      <div className="key-figures__item">
        <dt>Alerts</dt>
        <dd>
          <span className="key-figures__value">{figures.alerts}</span>
          <span className="key-figures__note">{figures.unresolved} not resolved yet</span>
        </dd>
      </div>
      <div className="key-figures__item">
        <dt>Escalated</dt>
        <dd>
          <span className="key-figures__value">{figures.escalated}</span>
          <span className="key-figures__note">reached their deadline unclaimed</span>
        </dd>
      </div>
    </dl>
  );
}

function Figures({ figures }: { figures: SafetyFigures }) {
  const daily = figures.daily.map((row) => ({ day: formatDay(row.day), alerts: row.alerts, escalated: row.escalated, claim: row.medianClaimMinutes }));
  const busiest = figures.daily.reduce((best, row) => (row.alerts > best.alerts ? row : best), figures.daily[0] ?? { day: '', alerts: 0 });
  const levels = figures.byLevel.map((row) => ({ level: LEVEL_LABELS[row.level], alerts: row.count }));
  const outcomes = figures.outcomes.map((row) => ({ outcome: OUTCOME_LABELS[row.outcome], alerts: row.count }));
  const resolved = figures.outcomes.reduce((sum, row) => sum + row.count, 0);
  return (
    <>
      <KeyFigures figures={figures} />
      <ChartWithTable
        id="figures-daily"
        title="Alerts per day"
        summary={
          figures.alerts === 0
            ? `no alerts in the last ${figures.days} days.`
            : `${figures.alerts} alerts in the last ${figures.days} days, ${figures.escalated} escalated; the busiest day was ${formatDay(busiest.day)} with ${busiest.alerts}.`
        }
        rows={daily}
        category="day"
        categoryLabel="Day"
        series={[
          { key: 'alerts', label: 'Alerts', color: 'var(--color-accent)' },
          { key: 'escalated', label: 'Escalated', color: 'var(--color-urgent-border)' },
        ]}
      />
      <ChartWithTable
        id="figures-levels"
        title="Alerts by level"
        summary={figures.byLevel.map((row) => `${row.count} ${LEVEL_LABELS[row.level].toLowerCase()}`).join(', ') + '.'}
        rows={levels}
        category="level"
        categoryLabel="Level"
        series={[{ key: 'alerts', label: 'Alerts', color: 'var(--color-accent)' }]}
      />
      <ChartWithTable
        id="figures-outcomes"
        title="Outcomes"
        summary={
          resolved === 0
            ? 'no alert resolved yet in this period.'
            : figures.outcomes.map((row) => `${OUTCOME_LABELS[row.outcome].toLowerCase()} ${row.count}`).join(', ') + '.'
        }
        rows={outcomes}
        category="outcome"
        categoryLabel="Outcome"
        tickLabel={(label) => (label === OUTCOME_LABELS.referred_to_emergency_services ? 'Referred' : label)}
        series={[{ key: 'alerts', label: 'Resolved alerts', color: 'var(--color-accent)' }]}
      />
    </>
  );
}

/** How the safety team is doing: time to claim and to reach out, alerts, outcomes and escalations (the team only). */
export function FiguresPage() {
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const days = params.get('days') === '30' ? 30 : 7;
  const staff = me?.role === 'moderator' || me?.role === 'admin';
  const figures = useSafetyFigures(days);
  return (
    <div className="figures-page">
      <PageHeader
        eyebrow="Safety team"
        title="Safety figures"
        lead={<p>How quickly alerts are picked up and answered, and what came of them. Counts and times only: no content and no names.</p>}
      />
      {!staff && me ? (
        <Notice tone="info" title="These figures are for the safety team.">
          <p>
            If you are worried about someone, or need help yourself, see <Link to="/help">Get help now</Link>.
          </p>
        </Notice>
      ) : (
        <>
          <SegmentedLinks
            label="Period"
            items={[
              { to: '/safety/figures', label: 'Last 7 days', current: days === 7 },
              { to: '/safety/figures?days=30', label: 'Last 30 days', current: days === 30 },
            ]}
          />
          {figures.isPending ? <Loading label="Loading the figures…" /> : null}
          {figures.isError ? <LoadError title="We could not load the figures." error={figures.error} onRetry={figures.refetch} /> : null}
          {figures.data ? <Figures figures={figures.data} /> : null}
        </>
      )}
    </div>
  );
}
