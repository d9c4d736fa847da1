/**
 * npx tsx scripts/risk/errors.ts [n] — prints misclassified TRAINING examples
 * (never the held-out split) at the two safety floors, for error analysis:
 * gold ≥ high predicted below high, and gold none/low predicted ≥ high.
 * The model was fitted on these texts, so the misses shown are mostly rule
 * gaps or modifiers the model could not overrule.
 */
import { levelRank } from '../../src/shared/risk.js';
import { assess } from '../../src/server/modules/safety/assessor/index.js';
import { loadCorpus } from './corpus.js';

const limit = Number(process.argv[2] ?? 60);
const corpus = loadCorpus();
const missed: string[] = [];
const falseAlarms: string[] = [];
for (const e of corpus.train) {
  const a = assess(e.text);
  const g = levelRank(e.level);
  const p = levelRank(a.level);
  const line = `${e.level}→${a.level} s=${a.score} [${a.evidence.map((x) => x.signal).join(' ')}] ${e.text.slice(0, 240)}`;
  if (g >= 3 && p < 3) missed.push(line);
  else if (g <= 1 && p >= 3) falseAlarms.push(line);
}
console.log(`training misses (gold ≥ high, predicted < high): ${missed.length}`);
for (const l of missed.slice(0, limit)) console.log(`  ${l}`);
console.log(`training false alarms (gold none/low, predicted ≥ high): ${falseAlarms.length}`);
for (const l of falseAlarms.slice(0, limit)) console.log(`  ${l}`);
