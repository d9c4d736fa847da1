/**
 * `hearth risk train --outcomes FILE`: retrains the linear model on the
 * project corpus's training split plus the community's outcomes (the same
 * trainer as scripts/risk/train.ts), scores the candidate and the weights in
 * use now on the SHIPPED held-out split, and writes the candidate to
 * DATA_DIR/assessor-weights.json only when it is not worse there.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { levelRank } from '../../../shared/risk.js';
import { createAssessor, type Assessor } from './assessor/index.js';
import { localWeightsPath } from './assessor/local-weights.js';
import { weightsSchema, type WeightsFile } from './assessor/model.js';
import { normalise } from './assessor/normalise.js';
import shippedWeights from './assessor/weights.json' with { type: 'json' };
import { outcomeLineSchema } from './outcomes-export.js';
import { HELD_OUT_SHARE, loadTrainingCorpus, stableKey, type Corpus, type Example } from './training/corpus.js';
import { fitWeights } from './training/trainer.js';

/** The two safety figures on the held-out split, as counts (the rates follow). */
export interface HeldOutScore {
  /** Gold high/imminent texts, and those assessed high or above. */
  goldHigh: number;
  caught: number;
  /** Gold none/low texts, and those assessed high or above (false alarms). */
  goldLow: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
}

export function heldOutScore(assessor: Assessor, examples: readonly Example[]): HeldOutScore {
  let goldHigh = 0;
  let caught = 0;
  let goldLow = 0;
  let falseAlarms = 0;
  for (const example of examples) {
    const gold = levelRank(example.level);
    const predicted = levelRank(assessor.assess(example.text).level);
    if (gold >= 3) {
      goldHigh++;
      if (predicted >= 3) caught++;
    } else if (gold <= 1) {
      goldLow++;
      if (predicted >= 3) falseAlarms++;
    }
  }
  return {
    goldHigh,
    caught,
    goldLow,
    falseAlarms,
    recall: goldHigh ? caught / goldHigh : 1,
    falseAlarmRate: goldLow ? falseAlarms / goldLow : 0,
  };
}

/**
 * Extra false alarms a candidate may raise, as a share of the held-out none/low
 * texts (0.005: 2 of the ~450 today), before it counts as worse.
 */
export const FALSE_ALARM_SLACK = 0.005;

/**
 * "Worse", on the shipped held-out split (scored with the full assessor: rules,
 * model and their combination, as the write path runs it):
 * 1. it catches FEWER gold high/imminent texts (assessed ≥ high) than the
 *    weights in use: a crisis the current weights catch and the new ones miss
 *    is not traded for anything, so recall may not drop by a single text; or
 * 2. it raises more false alarms (gold none/low assessed ≥ high) than the
 *    weights in use plus FALSE_ALARM_SLACK of the none/low texts: recall is
 *    compared at (about) the same false-alarm budget, so a model cannot buy
 *    recall by alerting the team about everything.
 * Returns the reasons (empty: not worse).
 */
export function worseThan(candidate: HeldOutScore, current: HeldOutScore): string[] {
  const reasons: string[] = [];
  if (candidate.caught < current.caught) reasons.push('it catches fewer high and imminent texts');
  const budget = current.falseAlarms + Math.floor(FALSE_ALARM_SLACK * current.goldLow);
  if (candidate.falseAlarms > budget) reasons.push(`it raises more false alarms than the budget of ${budget}`);
  return reasons;
}

export function describeScore(score: HeldOutScore): string {
  return (
    `recall of high+imminent ${score.caught}/${score.goldHigh} = ${score.recall.toFixed(3)}, ` +
    `false alarms (none/low assessed ≥ high) ${score.falseAlarms}/${score.goldLow} = ${(score.falseAlarmRate * 100).toFixed(1)}%`
  );
}

/** Outcome lines read from a file: the valid ones as training examples, and what was skipped. */
export function parseOutcomes(source: string): { lines: { text: string; level: Example['level'] }[]; invalid: string[] } {
  const lines: { text: string; level: Example['level'] }[] = [];
  const invalid: string[] = [];
  source.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      invalid.push(`line ${index + 1}: not JSON`);
      return;
    }
    const parsed = outcomeLineSchema.safeParse(value);
    if (!parsed.success) {
      invalid.push(`line ${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'} ${issue.message}`).join('; ')}`);
      return;
    }
    lines.push({ text: parsed.data.text, level: parsed.data.level });
  });
  return { lines, invalid };
}

export interface RetrainOptions {
  /** The outcome lines (`hearth risk outcomes`). */
  outcomes: readonly { text: string; level: Example['level'] }[];
  dataDir: string;
  now: Date;
  /** The project corpus (default: corpus/risk). Tests pass a small part of it. */
  corpus?: Corpus;
  /** The weights the candidate must not be worse than, and whose version it extends (default: the shipped ones). */
  baseWeights?: unknown;
  log?: (line: string) => void;
}

export type RetrainResult =
  | { accepted: true; version: string; path: string; current: HeldOutScore; candidate: HeldOutScore; used: number; skipped: number }
  | { accepted: false; reasons: string[]; current: HeldOutScore; candidate: HeldOutScore; used: number; skipped: number };

/**
 * The outcomes as training examples. Each joins the training side (the held-out
 * split stays the shipped one); an outcome whose text is a held-out text is
 * left out, or the candidate would be scored on what it learned. An outcome on a
 * training text replaces the corpus's label for it: the community's judgment of
 * that very text.
 */
function withOutcomes(corpus: Corpus, outcomes: RetrainOptions['outcomes']): { train: Example[]; used: number; skipped: number } {
  const heldOut = new Set(corpus.heldOut.map((example) => example.norm));
  const byNorm = new Map<string, Example>();
  let skipped = 0;
  for (const outcome of outcomes) {
    const norm = normalise(outcome.text).text.replace(/\s+/g, ' ').trim();
    if (norm === '' || heldOut.has(norm)) {
      skipped++;
      continue;
    }
    // Folds are assigned from the key over the training range [HELD_OUT_SHARE, 1).
    const key = HELD_OUT_SHARE + stableKey(norm) * (1 - HELD_OUT_SHARE);
    byNorm.set(norm, { text: outcome.text, level: outcome.level, categories: [], file: 'outcomes', norm, key });
  }
  const train = corpus.train.filter((example) => !byNorm.has(example.norm));
  return { train: [...train, ...byNorm.values()], used: byNorm.size, skipped };
}

/** Trains the candidate weights (no gate, nothing written): the corpus's training split plus the outcomes. */
export function trainCandidate(options: Omit<RetrainOptions, 'dataDir'>): { file: WeightsFile; corpus: Corpus; base: WeightsFile; used: number; skipped: number } {
  const log = options.log ?? (() => {});
  const corpus = options.corpus ?? loadTrainingCorpus();
  const base = weightsSchema.parse(options.baseWeights ?? shippedWeights);
  const { train, used, skipped } = withOutcomes(corpus, options.outcomes);
  log(`training on ${train.length} examples (${used} from outcomes, ${skipped} skipped as held-out texts or empty)`);
  const trained = fitWeights(train, log);

  const trainedAt = options.now.toISOString().slice(0, 10);
  const hash8 = createHash('sha256')
    .update(JSON.stringify({ ...trained.body, base: base.version }))
    .digest('hex')
    .slice(0, 8);
  const file: WeightsFile = {
    format: 1,
    // The shipped version stays in front: anyone reading an assessment sees what the local weights grew from.
    version: `${base.version.split('+local.')[0]}+local.${trainedAt}.${hash8}`,
    trainedAt,
    corpusHash: corpus.hash,
    corpus: { files: corpus.files, examples: corpus.examples.length, train: train.length, heldOut: corpus.heldOut.length, outcomes: used },
    ...trained.body,
  };
  weightsSchema.parse(file);
  return { file, corpus, base, used, skipped };
}

export function retrainWithOutcomes(options: RetrainOptions): RetrainResult {
  const log = options.log ?? (() => {});
  const { file, corpus, base, used, skipped } = trainCandidate(options);
  log(`scoring on the held-out split (${corpus.heldOut.length} texts)`);
  const current = heldOutScore(createAssessor(base), corpus.heldOut);
  const candidate = heldOutScore(createAssessor(file), corpus.heldOut);
  const reasons = worseThan(candidate, current);
  if (reasons.length > 0) return { accepted: false, reasons, current, candidate, used, skipped };

  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const path = localWeightsPath(options.dataDir);
  // Written whole, then renamed: a server starting meanwhile reads the old file or the new one, never half.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(file) + '\n', { mode: 0o600 });
  renameSync(partial, path);
  return { accepted: true, version: file.version, path, current, candidate, used, skipped };
}
