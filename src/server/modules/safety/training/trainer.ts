/**
 * The assessor's trainer (used by scripts/risk/train.ts for the shipped
 * weights and by `hearth risk train` for a community's own): cross-validated
 * logistic regression on the training split, the combination parameters
 * tuned on out-of-fold predictions, and the averaged model quantised into a
 * weights file. Deterministic: same examples and code → same weights.
 */
import { RISK_LEVELS, levelRank } from '../../../../shared/risk.js';
import { analyse, modelTokens } from '../assessor/analyse.js';
import type { Suppression } from '../assessor/analyse.js';
import { combineRanks, wordCount } from '../assessor/combine.js';
import { FeatureCounter } from '../assessor/features.js';
import { LEVEL_COUNT, pickUrgent, tailOf, type CombineParams, type WeightsFile } from '../assessor/model.js';
import { HELD_OUT_SHARE, type Example } from './corpus.js';
import { average, fitOn, predictor, toDoc, vocabulary, type Doc, type Fitted, type Hyper } from './logreg.js';

export const SCALE = 10000;
const FOLDS = 5;
/**
 * Safety-first tuning on out-of-fold training predictions: a missed
 * high/imminent text costs MISS_COST false alarms (none/low predicted ≥ high),
 * in rates, so the tuner minimises MISS_COST·(1 − recall) + falseHigh. A hard
 * recall target alone (0.96) picked settings that flagged most none/low texts
 * as high, which would bury real crises in noise; the recall/false-alarm
 * frontier is printed so the trade-off stays visible. Recorded in the
 * weights' hyperparameters.
 */
export const MISS_COST = 1;
/**
 * Cost of alerting on an `elevated` text (gold elevated predicted ≥ high), per
 * rate, beside the false alarms on none/low: a passive wish or worry about a
 * friend gets the support card, not the safety team. Without it the tuner can
 * lift every elevated rule hit to high (a threshold of 0.05), which meets the
 * same recall but alerts the team for most passive ideation.
 */
export const OVER_ESCALATION_COST = 0.25;

export const HYPER: Hyper = {
  bits: 18,
  minDf: 2,
  l2: 1e-4,
  epochs: 40,
  batch: 64,
  learningRate: 0.05,
  classWeightPower: 0.5,
  maxFeatures: 40000,
  extraScale: 0.1,
  seed: 20261122,
};

export interface Row {
  readonly gold: number;
  readonly ruleRank: number;
  readonly weakRank: number;
  readonly suppressed: Suppression;
  readonly probs: Float64Array;
  /** Words in the normalised text (combine.ts: the model alone does not alert on one or two). */
  readonly words: number;
}

export interface Score {
  readonly recall: number;
  readonly falseHigh: number;
  /** Share of gold elevated texts predicted ≥ high. */
  readonly overEscalated: number;
  readonly accuracy: number;
}

export function evaluate(rows: readonly Row[], params: CombineParams): Score {
  let goldHigh = 0;
  let caught = 0;
  let goldLow = 0;
  let falseHigh = 0;
  let correct = 0;
  let goldElevated = 0;
  let escalated = 0;
  for (const r of rows) {
    const { rank } = combineRanks(r.ruleRank, r.weakRank, r.suppressed, r.probs, params, r.words);
    if (rank === r.gold) correct++;
    if (r.gold >= 3) {
      goldHigh++;
      if (rank >= 3) caught++;
    } else if (r.gold <= 1) {
      goldLow++;
      if (rank >= 3) falseHigh++;
    } else {
      goldElevated++;
      if (rank >= 3) escalated++;
    }
  }
  return {
    recall: goldHigh ? caught / goldHigh : 1,
    falseHigh: goldLow ? falseHigh / goldLow : 0,
    overEscalated: goldElevated ? escalated / goldElevated : 0,
    accuracy: correct / rows.length,
  };
}

/**
 * Grid search: the lowest safety cost (see MISS_COST), then the best
 * exact-level accuracy; ties go to the earlier grid point. `frontier[r]` is
 * the fewest false alarms seen at recall ≥ r/100.
 */
export function tune(rows: readonly Row[]): { params: CombineParams; score: Score; frontier: number[] } {
  const frontier = new Array<number>(101).fill(1);
  const grid = (from: number, to: number, step: number): number[] => {
    const out: number[] = [];
    for (let v = from; v <= to + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
    return out;
  };
  let best: { params: CombineParams; score: Score; key: number } | null = null;
  for (const high of grid(0.05, 0.9, 0.05))
    for (const elevated of grid(0.2, 0.9, 0.1))
      for (const low of grid(0.5, 0.9, 0.2))
        for (const maxLift of [1, 2, 3])
          for (const [modelOnlyCap, modelOnlyHigh] of [
            ['elevated', undefined],
            ['high', undefined],
            ...[0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((t) => ['high', t] as const),
          ] as const)
            for (const suppressedCap of ['low', 'elevated'] as const)
              for (const gate of grid(0.2, 0.8, 0.1))
                for (const override of [0.5, 0.7, 0.9, 2]) {
                  // A model-only bar at or below the general one changes nothing.
                  if (modelOnlyHigh !== undefined && modelOnlyHigh <= high) continue;
                  const params: CombineParams = {
                    thresholds: { low, elevated, high },
                    maxLift,
                    modelOnlyCap,
                    ...(modelOnlyHigh === undefined ? {} : { modelOnlyHigh }),
                    suppressedCap,
                    gate,
                    override,
                  };
                  const score = evaluate(rows, params);
                  for (let r = Math.floor(score.recall * 100 + 1e-9); r >= 0; r--)
                    if (score.falseHigh < (frontier[r] ?? 1)) frontier[r] = score.falseHigh;
                  const cost =
                    MISS_COST * (1 - score.recall) + score.falseHigh + OVER_ESCALATION_COST * score.overEscalated;
                  const key = -cost * 1000 + score.accuracy;
                  if (best === null || key > best.key + 1e-12) best = { params, score, key };
                }
  if (best === null) throw new Error('empty grid');
  return { params: best.params, score: best.score, frontier };
}

/** An imminent text rated high costs this much more than a high text rated imminent (13 minutes of deadline vs. a faster page). */
const IMMINENT_MISS_COST = 2;

/**
 * Second stage, on the chosen combination: the P(imminent) at which a text
 * already at high becomes imminent (combine.ts), or none. It moves texts only
 * between high and imminent, so the recall and false-alarm rates of the first
 * stage do not change; the cost weighs imminent texts left at high against
 * others raised to imminent.
 */
export function tuneImminent(rows: readonly Row[], params: CombineParams): CombineParams {
  let best: { params: CombineParams; cost: number } | null = null;
  for (const imminent of [undefined, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    const candidate: CombineParams = { ...params };
    if (imminent === undefined) delete candidate.imminent;
    else candidate.imminent = imminent;
    let goldImminent = 0;
    let missed = 0;
    let others = 0;
    let raised = 0;
    for (const r of rows) {
      const { rank } = combineRanks(r.ruleRank, r.weakRank, r.suppressed, r.probs, candidate, r.words);
      if (r.gold === 4) {
        goldImminent++;
        if (rank < 4) missed++;
      } else {
        others++;
        if (rank === 4) raised++;
      }
    }
    const cost = (IMMINENT_MISS_COST * missed) / Math.max(1, goldImminent) + raised / Math.max(1, others);
    if (best === null || cost < best.cost - 1e-12) best = { params: candidate, cost };
  }
  return best?.params ?? params;
}

export function quantise(
  model: Fitted,
): Pick<WeightsFile, 'bias' | 'ids' | 'idf' | 'weights' | 'ruleFeatures' | 'ruleWeights'> {
  const ids: number[] = [];
  const idf: number[] = [];
  const weights: number[] = [];
  let prev = 0;
  for (let r = 0; r < model.ids.length; r++) {
    const q = Array.from({ length: LEVEL_COUNT }, (_, k) => Math.round((model.w[r * LEVEL_COUNT + k] ?? 0) * SCALE));
    const id = model.ids[r] ?? 0;
    ids.push(id - prev);
    prev = id;
    idf.push(Math.round((model.idf[r] ?? 0) * SCALE));
    weights.push(...q);
  }
  const ruleWeights: number[] = [];
  for (let r = 0; r < model.extra.length; r++) {
    for (let k = 0; k < LEVEL_COUNT; k++)
      ruleWeights.push(Math.round((model.w[(model.ids.length + r) * LEVEL_COUNT + k] ?? 0) * HYPER.extraScale * SCALE));
  }
  return {
    bias: Array.from(model.bias, (b) => Math.round(b * SCALE)),
    ids,
    idf,
    weights,
    ruleFeatures: [...model.extra],
    ruleWeights,
  };
}

/**
 * Cross-validation bagging: five models, each fitted on four fifths of the
 * training examples, give out-of-fold probabilities for tuning the
 * combination; the shipped model is their average, so the tuned thresholds
 * fit the model that ships (a model refitted on all the data would be sharper
 * than the models the thresholds were tuned on). Also used by errors.ts.
 */
export function crossValidate(train: readonly Example[], log: (line: string) => void = () => {}): {
  rows: Row[];
  folds: Fitted[];
} {
  const counter = new FeatureCounter(HYPER.bits);
  const rules = train.map((e) => analyse(e.text));
  const tokens = rules.map((r) => modelTokens(r));
  // The model reads what the rules read (analyse.ts: normalised, then spelling restored), as at run time.
  const docs: Doc[] = train.map((e, i) => toDoc(counter, rules[i]?.norm.text ?? '', tokens[i] ?? [], levelRank(e.level)));
  // Tails of long texts are scored too (model.ts tailOf), as the assessor does.
  const tails = rules.map((r, i) => {
    const tail = tailOf(r.norm.text);
    return tail === null ? null : toDoc(counter, tail, tokens[i] ?? [], docs[i]?.label ?? 0);
  });
  const { vocab, idf, extra } = vocabulary(docs, HYPER);
  const fold = train.map((e) =>
    Math.min(FOLDS - 1, Math.floor(((e.key - HELD_OUT_SHARE) / (1 - HELD_OUT_SHARE)) * FOLDS)),
  );
  const oof: Float64Array[] = docs.map(() => new Float64Array(LEVEL_COUNT));
  const folds: Fitted[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const fitted = fitOn(
      docs.filter((_, i) => fold[i] !== f),
      vocab,
      idf,
      extra,
      HYPER,
    );
    folds.push(fitted);
    const predict = predictor(fitted, HYPER.extraScale);
    docs.forEach((d, i) => {
      const tail = tails[i];
      if (fold[i] === f) oof[i] = pickUrgent(predict(d), tail ? predict(tail) : null);
    });
    log(`fold ${f + 1}/${FOLDS} fitted`);
  }
  const rows: Row[] = docs.map((d, i) => ({
    gold: d.label,
    ruleRank: rules[i]?.rank ?? 0,
    weakRank: rules[i]?.weakRank ?? 0,
    suppressed: rules[i]?.suppressed ?? null,
    probs: oof[i] ?? new Float64Array(LEVEL_COUNT),
    words: wordCount(rules[i]?.norm.text ?? ''),
  }));
  return { rows, folds };
}


/** What one training run produced, before it is dated and named. */
export interface Trained {
  /** The weights file without `version`, `trainedAt`, `corpusHash` and `corpus` (the caller names and dates it). */
  body: Omit<WeightsFile, 'format' | 'version' | 'trainedAt' | 'corpusHash' | 'corpus'>;
  params: CombineParams;
  /** Out-of-fold training score of the tuned combination, and of the rules alone. */
  score: Score;
  rulesOnly: Score;
  frontier: number[];
}

/** Fits, tunes and quantises on `train` (the training split, never the held-out one). */
export function fitWeights(train: readonly Example[], log: (line: string) => void = () => {}): Trained {
  const { rows, folds } = crossValidate(train, log);
  const rulesOnly = evaluate(rows, {
    thresholds: { low: 2, elevated: 2, high: 2 },
    maxLift: 0,
    modelOnlyCap: 'none',
    suppressedCap: 'none',
    gate: 2,
  });
  const tuned = tune(rows);
  const { score, frontier } = tuned;
  const params = tuneImminent(rows, tuned.params);
  const q = quantise(average(folds));
  return {
    body: {
      hyperparameters: { ...HYPER, missCost: MISS_COST, overEscalationCost: OVER_ESCALATION_COST },
      bits: HYPER.bits,
      classes: [...RISK_LEVELS],
      scale: SCALE,
      ...q,
      combine: params,
    },
    params,
    score,
    rulesOnly,
    frontier,
  };
}
