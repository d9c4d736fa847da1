/**
 * npx tsx scripts/risk/errors.ts [n] — error analysis on the TRAINING split
 * (never the held-out split): every text is scored by the cross-validation
 * model that did not see it (train.ts crossValidate), combined with the
 * tuned parameters, and the two safety floors' failures are printed with what
 * each layer said:
 * - misses: gold high/imminent predicted below high;
 * - false alarms: gold none/low predicted high or above.
 * `rule` is the rules' level (0–4), `weak` the level of context-needing cues
 * waiting for confirmation, `sup` the modifier that capped the text,
 * `pH` / `pE` the model's P(≥ high) / P(≥ elevated). A miss with rule=0 and
 * weak=0 is one the lexicon has no words for; a false alarm with rule=0 is the
 * model's alone.
 */
import { levelRank } from '../../src/shared/risk.js';
import { combineRanks } from '../../src/server/modules/safety/assessor/combine.js';
import { probAtLeast } from '../../src/server/modules/safety/assessor/model.js';
import { loadCorpus } from './corpus.js';
import { crossValidate, tune } from './train.js';

const limit = Number(process.argv[2] ?? 60);
const corpus = loadCorpus();
const { rows } = crossValidate(corpus.train);
const { params, score } = tune(rows);
console.log(
  `out-of-fold (train): recall≥high ${score.recall.toFixed(3)}, none/low→≥high ${score.falseHigh.toFixed(3)}; ${JSON.stringify(params)}`,
);

const missed: string[] = [];
const falseAlarms: string[] = [];
rows.forEach((r, i) => {
  const example = corpus.train[i];
  if (example === undefined) return;
  const { rank } = combineRanks(r.ruleRank, r.weakRank, r.suppressed, r.probs, params, r.words);
  const why = `rule=${r.ruleRank} weak=${r.weakRank} sup=${r.suppressed ?? '-'} pH=${probAtLeast(r.probs, 3).toFixed(2)} pE=${probAtLeast(r.probs, 2).toFixed(2)}`;
  const line = `${example.level}→${rank} ${why} | ${example.text.replace(/\s+/g, ' ').slice(0, 240)}`;
  if (levelRank(example.level) >= 3 && rank < 3) missed.push(line);
  else if (levelRank(example.level) <= 1 && rank >= 3) falseAlarms.push(line);
});
console.log(`misses (gold ≥ high, predicted < high): ${missed.length}`);
for (const l of missed.slice(0, limit)) console.log(`  ${l}`);
console.log(`false alarms (gold none/low, predicted ≥ high): ${falseAlarms.length}`);
for (const l of falseAlarms.slice(0, limit)) console.log(`  ${l}`);
