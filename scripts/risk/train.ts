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
import { RISK_LEVELS } from '../../src/shared/risk.js';
import { weightsSchema, type WeightsFile } from '../../src/server/modules/safety/assessor/model.js';
import { HYPER, MISS_COST, OVER_ESCALATION_COST, fitWeights } from '../../src/server/modules/safety/training/trainer.js';
import { loadTrainingCorpus, repoRoot } from './corpus.js';

// The trainer itself lives with the server (src/server/modules/safety/training/trainer.ts) so
// that `hearth risk train` retrains with the same code; errors.ts reads it from here.
export { HYPER, MISS_COST, OVER_ESCALATION_COST, crossValidate, evaluate, tune, type Row } from '../../src/server/modules/safety/training/trainer.js';

export const WEIGHTS_PATH = path.join(repoRoot, 'src/server/modules/safety/assessor/weights.json');

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

function main(): void {
  const started = Date.now();
  const corpus = loadTrainingCorpus();
  for (const problem of corpus.invalid) console.warn(`skipped ${problem}`);
  console.log(
    `corpus: ${corpus.examples.length} examples from ${corpus.files} files (${corpus.duplicates} duplicates, ${corpus.invalid.length} invalid lines)`,
  );
  console.log(`split: ${corpus.train.length} train, ${corpus.heldOut.length} held out (never used here)`);
  const counts = RISK_LEVELS.map((l) => `${l} ${corpus.train.filter((e) => e.level === l).length}`);
  console.log(`train levels: ${counts.join(', ')}`);

  const { body, params, score, rulesOnly, frontier } = fitWeights(corpus.train, (line) => console.log(line));
  const points = [80, 85, 90, 92, 94, 96, 98].map((r) => `${r}%→${((frontier[r] ?? 1) * 100).toFixed(1)}%`);
  console.log(`frontier (out-of-fold train), recall≥high → fewest none/low→≥high: ${points.join(', ')}`);
  console.log(
    `rules alone (train): recall≥high ${rulesOnly.recall.toFixed(3)}, none/low→≥high ${rulesOnly.falseHigh.toFixed(3)}, accuracy ${rulesOnly.accuracy.toFixed(3)}`,
  );
  console.log(
    `tuned on out-of-fold train: recall≥high ${score.recall.toFixed(3)}, none/low→≥high ${score.falseHigh.toFixed(3)}, elevated→≥high ${score.overEscalated.toFixed(3)}, accuracy ${score.accuracy.toFixed(3)}`,
  );
  console.log(`combine: ${JSON.stringify(params)}`);

  const { bias, ids, idf, weights, ruleFeatures, ruleWeights } = body;
  const q = { bias, ids, idf, weights, ruleFeatures, ruleWeights };
  const trainedAt = trainingDate(corpus.hash);
  const hash8 = createHash('sha256')
    .update(JSON.stringify({ ...q, combine: params, bits: HYPER.bits }))
    .digest('hex')
    .slice(0, 8);
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
    ...body,
  };
  weightsSchema.parse(file);
  const json = JSON.stringify(file) + '\n';
  writeFileSync(WEIGHTS_PATH, json);
  console.log(
    `wrote ${path.relative(repoRoot, WEIGHTS_PATH)}: ${file.version}, ${q.ids.length} features, ${(json.length / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1]?.endsWith('train.ts')) main();
