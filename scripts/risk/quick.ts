/** npx tsx scripts/risk/quick.ts — the headline measures on each evaluation set, one line each (for iterating). */
import { levelRank } from '../../src/shared/risk.js';
import { assess } from '../../src/server/modules/safety/assessor/index.js';
import { loadCorpus, type Example } from './corpus.js';

const corpus = loadCorpus();
const trained = new Set(corpus.examples.map((e) => e.norm));
const sets: [string, readonly Example[]][] = [
  ['held-out', corpus.heldOut],
  ['stress-1', loadCorpus('corpus/risk-stress').examples.filter((e) => !trained.has(e.norm))],
  ['stress-2', loadCorpus('corpus/risk-stress-2').examples.filter((e) => !trained.has(e.norm))],
];
const f = (a: number, b: number): string => `${a}/${b}=${(b ? a / b : 0).toFixed(3)}`;
for (const [name, ex] of sets) {
  let hi = 0, caught = 0, lo = 0, falseHi = 0, imm = 0, immOk = 0, cov = 0, loReview = 0;
  for (const e of ex) {
    const g = levelRank(e.level);
    const p = levelRank(assess(e.text).level);
    if (g >= 3) { hi++; if (p >= 3) caught++; if (p >= 2) cov++; }
    if (g <= 1) { lo++; if (p >= 3) falseHi++; if (p >= 2) loReview++; }
    if (g === 4) { imm++; if (p === 4) immOk++; }
  }
  console.log(`${name.padEnd(9)} recall ${f(caught, hi)}  false ${f(falseHi, lo)}  imminent ${f(immOk, imm)}  review ${f(cov, hi)} (none/low ${f(loReview, lo)})`);
}
