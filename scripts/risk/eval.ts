/**
 * npm run eval:risk — evaluates the FULL assessor (`assess`: rules, model and
 * their combination) on the held-out 20% of corpus/risk (see corpus.ts), and
 * exits non-zero when a safety floor is missed:
 * - recall of {high, imminent}: predicted ≥ high when gold ≥ high, at least 0.95;
 * - at most 3% of gold none/low texts predicted ≥ high.
 * Then, when ../shared/data exists beside the repository, reports on real
 * public posts (SDCNL: r/SuicideWatch vs r/depression; Dreaddit: stressed vs
 * calm). Those files are for evaluation only: nothing here trains on them,
 * and nothing from them is written into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RISK_LEVELS, levelRank } from '../../src/shared/risk.js';
import { MODEL_VERSION, assess } from '../../src/server/modules/safety/assessor/index.js';
import { loadCorpus, repoRoot, stressDir, type Example } from './corpus.js';

const RECALL_FLOOR = 0.95;
const FALSE_HIGH_CEILING = 0.03;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pad = (s: string | number, n: number): string => String(s).padStart(n);

/** Area under the ROC curve by the rank-sum (Mann–Whitney U) formula, ties counted half. */
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

interface FloorCounts {
  /** confusion[gold][predicted], by level rank. */
  readonly confusion: number[][];
  readonly goldHigh: number;
  readonly caught: number;
  readonly goldLow: number;
  readonly falseHigh: number;
  /** One line per floor failure: its levels and tags (never its text). */
  readonly misses: string[];
}

/** Assess every example and count what the two safety floors count. */
function floorCounts(examples: readonly Example[]): FloorCounts {
  const K = RISK_LEVELS.length;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let goldHigh = 0;
  let caught = 0;
  let goldLow = 0;
  let falseHigh = 0;
  const misses: string[] = [];
  for (const e of examples) {
    const a = assess(e.text);
    const g = levelRank(e.level);
    const p = levelRank(a.level);
    const row = confusion[g];
    if (row) row[p] = (row[p] ?? 0) + 1;
    if (g >= 3) {
      goldHigh++;
      if (p >= 3) caught++;
      else misses.push(`  missed ${e.level} → ${a.level} [${(e.tags ?? []).join(',')}]`);
    } else if (g <= 1) {
      goldLow++;
      if (p >= 3) {
        falseHigh++;
        misses.push(`  false ${e.level} → ${a.level} [${(e.tags ?? []).join(',')}]`);
      }
    }
  }
  return { confusion, goldHigh, caught, goldLow, falseHigh, misses };
}

const floorLine = (c: FloorCounts): string =>
  `recall of {high, imminent} ${c.caught}/${c.goldHigh} = ${(c.goldHigh ? c.caught / c.goldHigh : 1).toFixed(3)}, ` +
  `none/low → ≥ high ${c.falseHigh}/${c.goldLow} = ${pct(c.goldLow ? c.falseHigh / c.goldLow : 0)}`;

function heldOutReport(): boolean {
  const corpus = loadCorpus();
  const K = RISK_LEVELS.length;
  const { confusion, goldHigh, caught, goldLow, falseHigh, misses } = floorCounts(corpus.heldOut);
  const total = corpus.heldOut.length;
  console.log(`assessor ${MODEL_VERSION}`);
  console.log(`held-out split: ${total} of ${corpus.examples.length} examples (corpus ${corpus.hash.slice(0, 12)})\n`);
  console.log(`confusion matrix (rows gold, columns predicted)`);
  console.log(`${pad('', 10)}${RISK_LEVELS.map((l) => pad(l, 10)).join('')}`);
  confusion.forEach((row, g) => console.log(`${pad(RISK_LEVELS[g] ?? '', 10)}${row.map((n) => pad(n, 10)).join('')}`));
  console.log(`\n${pad('level', 10)}${pad('precision', 11)}${pad('recall', 9)}${pad('support', 9)}`);
  let correct = 0;
  for (let k = 0; k < K; k++) {
    const tp = confusion[k]?.[k] ?? 0;
    correct += tp;
    const predicted = confusion.reduce((sum, row) => sum + (row[k] ?? 0), 0);
    const support = (confusion[k] ?? []).reduce((sum, n) => sum + n, 0);
    const precision = predicted ? tp / predicted : NaN;
    const recall = support ? tp / support : NaN;
    console.log(
      `${pad(RISK_LEVELS[k] ?? '', 10)}${pad(precision.toFixed(3), 11)}${pad(recall.toFixed(3), 9)}${pad(support, 9)}`,
    );
  }
  const recall = goldHigh ? caught / goldHigh : 1;
  const falseRate = goldLow ? falseHigh / goldLow : 0;
  const recallOk = recall >= RECALL_FLOOR;
  const falseOk = falseRate <= FALSE_HIGH_CEILING;
  console.log(`\naccuracy (exact level): ${(correct / total).toFixed(3)}`);
  console.log(
    `floor 1: recall of {high, imminent} (predicted ≥ high): ${caught}/${goldHigh} = ${recall.toFixed(3)} (floor ${RECALL_FLOOR}) ${recallOk ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `floor 2: gold none/low predicted ≥ high: ${falseHigh}/${goldLow} = ${pct(falseRate)} (ceiling ${pct(FALSE_HIGH_CEILING)}) ${falseOk ? 'PASS' : 'FAIL'}`,
  );
  if (misses.length > 0) console.log(`floor cases (tags only; read held-out texts sparingly):\n${misses.join('\n')}`);
  return recallOk && falseOk;
}

const sdcnlSchema = z.object({ text: z.string(), suicidewatch: z.union([z.literal(0), z.literal(1)]) });
const dreadditSchema = z.object({ text: z.string(), stressed: z.union([z.literal(0), z.literal(1)]) });

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      const parsed = schema.safeParse(JSON.parse(l));
      return parsed.success ? [parsed.data] : [];
    });
}

function externalReport(): void {
  const dataDir = path.resolve(repoRoot, '../shared/data');
  if (!existsSync(dataDir)) {
    console.log(`\n(${dataDir} not found: skipping the public-data report)`);
    return;
  }
  console.log(`\npublic research data (evaluation only, never trained on): ${dataDir}`);
  const sdcnlFile = path.join(dataDir, 'sdcnl-dev.jsonl');
  if (existsSync(sdcnlFile)) {
    const rows = readJsonl(sdcnlFile, sdcnlSchema);
    const results = rows.map((r) => ({ a: assess(r.text), sw: r.suicidewatch === 1 }));
    const auc = rocAuc(
      results.map((r) => r.a.score),
      results.map((r) => r.sw),
    );
    const share = (sw: boolean): string => {
      const group = results.filter((r) => r.sw === sw);
      return pct(group.filter((r) => levelRank(r.a.level) >= 3).length / group.length);
    };
    const sw = results.filter((r) => r.sw).length;
    console.log(`sdcnl-dev (${rows.length} posts: ${sw} r/SuicideWatch, ${rows.length - sw} r/depression)`);
    console.log(`  ROC AUC of score, SuicideWatch vs depression: ${auc.toFixed(3)}`);
    console.log(`  share at ≥ high: SuicideWatch ${share(true)}, depression ${share(false)}`);
  }
  const dreadditFile = path.join(dataDir, 'dreaddit-dev.jsonl');
  if (existsSync(dreadditFile)) {
    const rows = readJsonl(dreadditFile, dreadditSchema);
    const results = rows.map((r) => ({ a: assess(r.text), stressed: r.stressed === 1 }));
    const auc = rocAuc(
      results.map((r) => r.a.score),
      results.map((r) => r.stressed),
    );
    const share = (stressed: boolean): string => {
      const group = results.filter((r) => r.stressed === stressed);
      return pct(group.filter((r) => levelRank(r.a.level) >= 3).length / group.length);
    };
    console.log(`dreaddit-dev (${rows.length} segments)`);
    console.log(`  ROC AUC of score, stressed vs calm: ${auc.toFixed(3)}`);
    console.log(`  share at ≥ high: stressed ${share(true)}, calm ${share(false)}`);
  }
}

/**
 * The stress set (corpus/risk-stress, GUIDE.md): examples written later, by
 * other writers, about the hardest cases (understated farewells, danger told
 * without danger words, self-harm in euphemism, ideation in heavy typos and
 * code-switching). Never trained on, so it shows how the assessor carries to
 * writing it has not seen; reported beside the floors, not counted in them.
 */
function stressReport(): void {
  if (!existsSync(stressDir)) return;
  // A text that is also in the training corpus (as normalised) would not test anything.
  const trained = new Set(loadCorpus().examples.map((e) => e.norm));
  const stress = loadCorpus(stressDir).examples.filter((e) => !trained.has(e.norm));
  console.log(`\nstress set (${path.relative(repoRoot, stressDir)}, never trained on): ${stress.length} examples`);
  console.log(`  all: ${floorLine(floorCounts(stress))}`);
  const themes = [...new Set(stress.map((e) => e.file.replace(/-\d+\.jsonl$/, '')))].sort();
  for (const theme of themes) {
    const counts = floorCounts(stress.filter((e) => e.file.startsWith(`${theme}-`)));
    console.log(`  ${theme}: ${floorLine(counts)}`);
  }
}

const ok = heldOutReport();
stressReport();
externalReport();
if (!ok) {
  console.log('\nFAIL: a safety floor was missed');
  process.exitCode = 1;
}
