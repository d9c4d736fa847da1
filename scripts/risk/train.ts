/**
 * npm run train:risk — fits the assessor's linear model on corpus/risk and
 * writes src/server/modules/safety/assessor/weights.json.
 *
 * - Only the TRAINING split (80%, chosen by a stable hash of the text, see
 *   corpus.ts) is used, for fitting and for tuning; the held-out 20% is for
 *   scripts/risk/eval.ts alone.
 * - The combination parameters (model thresholds, how far the model may lift
 *   the rules) are tuned on 5-fold out-of-fold predictions within the
 *   training split, so the model is never scored on texts it was fitted on.
 * - Deterministic: same corpus and code → byte-identical weights.json. The
 *   training date is kept from the previous file when the corpus and
 *   hyperparameters did not change (or taken from SOURCE_DATE_EPOCH).
 * The public research data in ../shared/data is never read here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RISK_LEVELS, levelRank } from '../../src/shared/risk.js';
import { analyse, modelTokens } from '../../src/server/modules/safety/assessor/analyse.js';
import type { Suppression } from '../../src/server/modules/safety/assessor/analyse.js';
import { combineRanks } from '../../src/server/modules/safety/assessor/combine.js';
import { FeatureCounter } from '../../src/server/modules/safety/assessor/features.js';
import {
  LEVEL_COUNT,
  pickUrgent,
  tailOf,
  weightsSchema,
  type CombineParams,
  type WeightsFile,
} from '../../src/server/modules/safety/assessor/model.js';
import { HELD_OUT_SHARE, loadCorpus, repoRoot, type Example } from './corpus.js';
import { average, fitOn, predictor, toDoc, vocabulary, type Doc, type Fitted, type Hyper } from './logreg.js';

export const WEIGHTS_PATH = path.join(repoRoot, 'src/server/modules/safety/assessor/weights.json');
const SCALE = 10000;
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
}

interface Score {
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
    const { rank } = combineRanks(r.ruleRank, r.weakRank, r.suppressed, r.probs, params);
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

function quantise(
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

function trainingDate(corpusHash: string): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  if (existsSync(WEIGHTS_PATH)) {
    const previous = weightsSchema.safeParse(JSON.parse(readFileSync(WEIGHTS_PATH, 'utf8')));
    if (
      previous.success &&
      previous.data.corpusHash === corpusHash &&
      JSON.stringify(previous.data.hyperparameters) ===
        JSON.stringify({ ...HYPER, missCost: MISS_COST, overEscalationCost: OVER_ESCALATION_COST })
    ) {
      return previous.data.trainedAt;
    }
  }
  return new Date().toISOString().slice(0, 10);
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
  }));
  return { rows, folds };
}

function main(): void {
  const started = Date.now();
  const corpus = loadCorpus();
  for (const problem of corpus.invalid) console.warn(`skipped ${problem}`);
  console.log(
    `corpus: ${corpus.examples.length} examples from ${corpus.files} files (${corpus.duplicates} duplicates, ${corpus.invalid.length} invalid lines)`,
  );
  console.log(`split: ${corpus.train.length} train, ${corpus.heldOut.length} held out (never used here)`);
  const counts = RISK_LEVELS.map((l) => `${l} ${corpus.train.filter((e) => e.level === l).length}`);
  console.log(`train levels: ${counts.join(', ')}`);

  const { rows, folds } = crossValidate(corpus.train, (line) => console.log(line));
  const rulesOnly = evaluate(rows, {
    thresholds: { low: 2, elevated: 2, high: 2 },
    maxLift: 0,
    modelOnlyCap: 'none',
    suppressedCap: 'none',
    gate: 2,
  });
  const { params, score, frontier } = tune(rows);
  const points = [80, 85, 90, 92, 94, 96, 98].map((r) => `${r}%→${((frontier[r] ?? 1) * 100).toFixed(1)}%`);
  console.log(`frontier (out-of-fold train), recall≥high → fewest none/low→≥high: ${points.join(', ')}`);
  console.log(
    `rules alone (train): recall≥high ${rulesOnly.recall.toFixed(3)}, none/low→≥high ${rulesOnly.falseHigh.toFixed(3)}, accuracy ${rulesOnly.accuracy.toFixed(3)}`,
  );
  console.log(
    `tuned on out-of-fold train: recall≥high ${score.recall.toFixed(3)}, none/low→≥high ${score.falseHigh.toFixed(3)}, elevated→≥high ${score.overEscalated.toFixed(3)}, accuracy ${score.accuracy.toFixed(3)}`,
  );
  console.log(`combine: ${JSON.stringify(params)}`);

  const final = average(folds);
  const q = quantise(final);
  const trainedAt = trainingDate(corpus.hash);
  const body = { ...q, combine: params, bits: HYPER.bits };
  const hash8 = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 8);
  const file: WeightsFile = {
    format: 1,
    version: `lr-${trainedAt}-${hash8}`,
    trainedAt,
    corpusHash: corpus.hash,
    corpus: {
      files: corpus.files,
      examples: corpus.examples.length,
      train: corpus.train.length,
      heldOut: corpus.heldOut.length,
    },
    hyperparameters: { ...HYPER, missCost: MISS_COST, overEscalationCost: OVER_ESCALATION_COST },
    bits: HYPER.bits,
    classes: [...RISK_LEVELS],
    scale: SCALE,
    ...q,
    combine: params,
  };
  weightsSchema.parse(file);
  const json = JSON.stringify(file) + '\n';
  writeFileSync(WEIGHTS_PATH, json);
  console.log(
    `wrote ${path.relative(repoRoot, WEIGHTS_PATH)}: ${file.version}, ${q.ids.length} features, ${(json.length / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1]?.endsWith('train.ts')) main();
