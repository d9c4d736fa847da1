import { useAssessorFigures, type AssessorFigures } from '../../api/safety-figures.js';
import { LoadError, Loading, PageHeader } from '../../design/index.js';
import { ChartWithTable } from '../../safety-team/ChartWithTable.js';
import { LEVEL_LABELS, OUTCOME_LABELS, formatPercent } from '../../safety-team/figure-labels.js';
import '../../safety-team/figures.css';

const OUTCOMES = ['real_concern', 'referred_to_emergency_services', 'not_a_concern', 'other'] as const;

function Assessor({ figures }: { figures: AssessorFigures }) {
  const rows = figures.levels.map((level) => ({
    level: LEVEL_LABELS[level.level],
    ...Object.fromEntries(OUTCOMES.map((outcome) => [outcome, level.outcomes[outcome]])),
  }));
  const { review } = figures;
  return (
    <>
      <dl className="key-figures">
        <div className="key-figures__item">
          <dt>Model in use</dt>
          <dd>
            <span className="key-figures__value">{figures.local ? 'Trained on this community' : 'As shipped'}</span>
            <code className="key-figures__code">{figures.modelVersion}</code>
          </dd>
        </div>
        {figures.levels.map((level) => (
          <div className="key-figures__item" key={level.level}>
            <dt>Precision at {LEVEL_LABELS[level.level].toLowerCase()}</dt>
            <dd>
              <span className="key-figures__value">{formatPercent(level.precision)}</span>
              <span className="key-figures__note">
                of {level.resolved} resolved {level.resolved === 1 ? 'alert was' : 'alerts were'} a real concern or referred ({level.alerts} raised)
              </span>
            </dd>
          </div>
        ))}
        <div className="key-figures__item">
          <dt>Misses found on the review list</dt>
          <dd>
            <span className="key-figures__value">{review.elevatedRaised}</span>
            <span className="key-figures__note">
              of {review.elevatedReviewed} reviewed “elevated” items were raised to an alert; {review.worryRaised} “I’m worried” reports too
            </span>
          </dd>
        </div>
      </dl>
      <ChartWithTable
        id="assessor-outcomes"
        title="Alerts by level and outcome"
        summary={figures.levels
          .map((level) => `${LEVEL_LABELS[level.level]}: ${OUTCOMES.map((outcome) => `${OUTCOME_LABELS[outcome].toLowerCase()} ${level.outcomes[outcome]}`).join(', ')}`)
          .join('. ')}
        rows={rows}
        category="level"
        categoryLabel="Level"
        series={[
          { key: 'real_concern', label: OUTCOME_LABELS.real_concern, color: 'var(--color-accent)' },
          { key: 'referred_to_emergency_services', label: OUTCOME_LABELS.referred_to_emergency_services, color: 'var(--color-urgent-border)' },
          { key: 'not_a_concern', label: OUTCOME_LABELS.not_a_concern, color: 'var(--color-border-strong)' },
          { key: 'other', label: OUTCOME_LABELS.other, color: 'var(--color-info-border)' },
        ]}
      />
      <p className="figures-page__explain">
        Precision is the share of resolved alerts the team judged a real concern or referred to emergency services. Low
        precision means the team is alerted for writing that was not a crisis; misses on the review list are crises the
        assessor rated too low. Both become training data: an admin can export the outcomes with{' '}
        <code>npx hearth risk outcomes --admin &lt;handle&gt;</code> and retrain with{' '}
        <code>npx hearth risk train --outcomes FILE</code>, which refuses weights that do worse on the project’s held-out
        texts.
      </p>
    </>
  );
}

/** How the risk assessor is doing on this community (admins). */
export function AssessorPage() {
  const figures = useAssessorFigures();
  return (
    <div className="figures-page">
      <PageHeader
        eyebrow="Administration"
        title="How the assessor is doing"
        lead={<p>Every alert the assessor raised here, and what the safety team found when they looked.</p>}
      />
      {figures.isPending ? <Loading label="Loading the assessor’s figures…" /> : null}
      {figures.isError ? <LoadError title="We could not load the assessor’s figures." error={figures.error} onRetry={figures.refetch} /> : null}
      {figures.data ? <Assessor figures={figures.data} /> : null}
    </div>
  );
}
