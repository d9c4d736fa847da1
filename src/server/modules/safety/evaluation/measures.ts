/**
 * The risk assessor's measures (issue 12), computed from gold and predicted
 * levels only: no files, no assessor, so every number `npm run eval:risk`
 * checks against floors.json is unit-tested here (measures.test.ts).
 *
 * Per labelled set (the held-out split and the two stress sets):
 * - recallHigh: gold high/imminent predicted ≥ high (an alert is raised);
 * - falseAlarms: gold none/low predicted ≥ high;
 * - imminentRecall: gold imminent predicted imminent (the 2-minute deadline);
 * - reviewRecall: gold high/imminent predicted ≥ elevated: the human-review
 *   coverage, what reaches the safety team's review list or an alert;
 * - reviewNoise: gold none/low predicted ≥ elevated: what that coverage costs.
 * On ../shared/data: SDCNL and Dreaddit ROC AUC of the score, and the share of
 * Dreaddit's calm segments put at ≥ high.
 */
import { RISK_LEVELS, levelRank, type RiskLevel } from '../../../../shared/risk.js';

const HIGH = levelRank('high');
const ELEVATED = levelRank('elevated');
const IMMINENT = levelRank('imminent');
const LOW = levelRank('low');

/** `floor`: the value must stay ≥ its bound; `ceiling`: ≤ its bound. */
export type Direction = 'floor' | 'ceiling';

/** A share with its counts; `value` is null when nothing was counted (0 of 0). */
export interface Ratio {
  readonly hits: number;
  readonly of: number;
  readonly value: number | null;
}

export const ratio = (hits: number, of: number): Ratio => ({ hits, of, value: of === 0 ? null : hits / of });

export const LABELLED_SETS = ['heldOut', 'stress1', 'stress2'] as const;
export type LabelledSet = (typeof LABELLED_SETS)[number];

export const SET_MEASURES = ['recallHigh', 'falseAlarms', 'imminentRecall', 'reviewRecall', 'reviewNoise'] as const;
export type SetMeasure = (typeof SET_MEASURES)[number];

export const EXTERNAL_MEASURES = ['sdcnl.auc', 'dreaddit.auc', 'dreaddit.calmAtHigh'] as const;
export type ExternalMeasure = (typeof EXTERNAL_MEASURES)[number];

export type MeasureId = `${LabelledSet}.${SetMeasure}` | ExternalMeasure;

export interface MeasureDefinition {
  readonly id: MeasureId;
  readonly label: string;
  readonly direction: Direction;
}

const SET_LABELS: Readonly<Record<LabelledSet, string>> = {
  heldOut: 'held-out',
  stress1: 'stress 1 (trained on)',
  stress2: 'stress 2',
};

const SET_MEASURE_DEFINITIONS: Readonly<Record<SetMeasure, { label: string; direction: Direction }>> = {
  recallHigh: { label: 'high+imminent at ≥ high (recall)', direction: 'floor' },
  falseAlarms: { label: 'none/low at ≥ high (false alarms)', direction: 'ceiling' },
  imminentRecall: { label: 'imminent rated imminent', direction: 'floor' },
  reviewRecall: { label: 'high+imminent at ≥ elevated (review)', direction: 'floor' },
  reviewNoise: { label: 'none/low at ≥ elevated', direction: 'ceiling' },
};

/** Every measure, in the order the table prints them. */
export const MEASURES: readonly MeasureDefinition[] = [
  ...LABELLED_SETS.flatMap((set) =>
    SET_MEASURES.map((m) => ({
      id: `${set}.${m}` as const,
      label: `${SET_LABELS[set]}: ${SET_MEASURE_DEFINITIONS[m].label}`,
      direction: SET_MEASURE_DEFINITIONS[m].direction,
    })),
  ),
  { id: 'sdcnl.auc', label: 'sdcnl: ROC AUC, SuicideWatch vs depression', direction: 'floor' },
  { id: 'dreaddit.auc', label: 'dreaddit: ROC AUC, stressed vs calm', direction: 'floor' },
  { id: 'dreaddit.calmAtHigh', label: 'dreaddit: calm at ≥ high', direction: 'ceiling' },
];

export const measureDefinition = (id: string): MeasureDefinition | undefined => MEASURES.find((m) => m.id === id);

export interface LevelPair {
  readonly gold: RiskLevel;
  readonly predicted: RiskLevel;
}

export interface SetResult {
  /** confusion[gold][predicted], by level rank. */
  readonly confusion: readonly (readonly number[])[];
  readonly measures: Readonly<Record<SetMeasure, Ratio>>;
}

/** The five measures and the confusion matrix of one labelled set. */
export function measureSet(pairs: readonly LevelPair[]): SetResult {
  const confusion = RISK_LEVELS.map(() => RISK_LEVELS.map(() => 0));
  let goldHigh = 0;
  let goldLow = 0;
  let goldImminent = 0;
  let caught = 0;
  let falseHigh = 0;
  let imminentCaught = 0;
  let reviewed = 0;
  let lowReviewed = 0;
  for (const { gold, predicted } of pairs) {
    const g = levelRank(gold);
    const p = levelRank(predicted);
    const row = confusion[g];
    if (row) row[p] = (row[p] ?? 0) + 1;
    if (g >= HIGH) {
      goldHigh++;
      if (p >= HIGH) caught++;
      if (p >= ELEVATED) reviewed++;
    } else if (g <= LOW) {
      goldLow++;
      if (p >= HIGH) falseHigh++;
      if (p >= ELEVATED) lowReviewed++;
    }
    if (g === IMMINENT) {
      goldImminent++;
      if (p === IMMINENT) imminentCaught++;
    }
  }
  return {
    confusion,
    measures: {
      recallHigh: ratio(caught, goldHigh),
      falseAlarms: ratio(falseHigh, goldLow),
      imminentRecall: ratio(imminentCaught, goldImminent),
      reviewRecall: ratio(reviewed, goldHigh),
      reviewNoise: ratio(lowReviewed, goldLow),
    },
  };
}

/** Area under the ROC curve by the rank-sum (Mann–Whitney U) formula, ties counted half; NaN without both classes. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, pos: labels[i] === true })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]?.s === order[i]?.s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (order[k]?.pos) {
        rankSumPos += avgRank;
        pos++;
      }
    i = j;
  }
  const neg = order.length - pos;
  return pos === 0 || neg === 0 ? NaN : (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** One public post: its binary label (SuicideWatch, stressed) and what the assessor said. */
export interface ScoredPost {
  readonly positive: boolean;
  readonly score: number;
  readonly predicted: RiskLevel;
}

export interface ExternalResult {
  readonly auc: number | null;
  /** Posts of each class put at ≥ high. */
  readonly positiveAtHigh: Ratio;
  readonly negativeAtHigh: Ratio;
}

export function measureExternal(posts: readonly ScoredPost[]): ExternalResult {
  const auc = rocAuc(
    posts.map((p) => p.score),
    posts.map((p) => p.positive),
  );
  const atHigh = (positive: boolean): Ratio => {
    const group = posts.filter((p) => p.positive === positive);
    return ratio(group.filter((p) => levelRank(p.predicted) >= HIGH).length, group.length);
  };
  return { auc: Number.isNaN(auc) ? null : auc, positiveAtHigh: atHigh(true), negativeAtHigh: atHigh(false) };
}

/**
 * One measure as measured in this run. `value` is null when it could not be
 * measured; `skipped` then says why (a folder not found, no examples).
 */
export interface MeasuredValue {
  readonly id: MeasureId;
  readonly value: number | null;
  /** The counts behind a share ("248/299"), empty for an AUC. */
  readonly detail: string;
  readonly skipped?: string;
}

export function fromRatio(id: MeasureId, r: Ratio): MeasuredValue {
  return r.value === null
    ? { id, value: null, detail: '0/0', skipped: 'nothing to count (0 of 0)' }
    : { id, value: r.value, detail: `${r.hits}/${r.of}` };
}

/** A labelled set's five measures, or all five skipped with the reason. */
export function setValues(set: LabelledSet, result: SetResult | { skipped: string }): MeasuredValue[] {
  return SET_MEASURES.map((m): MeasuredValue => {
    const id: MeasureId = `${set}.${m}`;
    return 'skipped' in result
      ? { id, value: null, detail: '', skipped: result.skipped }
      : fromRatio(id, result.measures[m]);
  });
}
