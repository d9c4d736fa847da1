/**
 * npm run eval:risk [-- --set-floors --reason "…"] — evaluates the FULL
 * assessor (`assess`: rules, model and their combination) on the held-out 20%
 * of corpus/risk (see corpus.ts), on the two stress sets (corpus/risk-stress,
 * trained on since issue 12, so in-sample; corpus/risk-stress-2, never trained
 * on) and, when ../shared/data exists
 * beside the repository, on public research posts (SDCNL, Dreaddit: for
 * evaluation only; nothing from them is trained on or written into the project).
 *
 * The measures (evaluation/measures.ts) are checked against the bounds in
 * src/server/modules/safety/assessor/floors.json (evaluation/floors.ts): the
 * exit code is non-zero when one is missed, naming it. `--set-floors` rewrites
 * that file from this run's measures; it needs a reason (GUIDE.md "Floors").
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { levelRank, type RiskLevel } from '../../src/shared/risk.js';
import { MODEL_VERSION, assess } from '../../src/server/modules/safety/assessor/index.js';
import {
  floorsPath,
  loadDreaddit,
  loadSdcnl,
  loadStressSet,
  sharedDataDir,
  themeOf,
  weightsPath,
  type PublicPost,
} from '../../src/server/modules/safety/evaluation/datasets.js';
import {
  checkFloors,
  floorsFileSchema,
  parseEvalArgs,
  setFloors,
  type FloorsFile,
} from '../../src/server/modules/safety/evaluation/floors.js';
import {
  fromRatio,
  measureExternal,
  measureSet,
  setValues,
  type LabelledSet,
  type MeasuredValue,
  type SetResult,
} from '../../src/server/modules/safety/evaluation/measures.js';
import { loadCorpus, repoRoot, stress2Dir, stressDir, type Example } from './corpus.js';
import { loud, measuresLine, printConfusion, printTable } from './eval-report.js';

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const rel = (p: string): string => path.relative(repoRoot, p) || p;

interface Assessed {
  readonly example: Example;
  readonly predicted: RiskLevel;
}

const assessAll = (examples: readonly Example[]): Assessed[] =>
  examples.map((example) => ({ example, predicted: assess(example.text).level }));

const measureAssessed = (rows: readonly Assessed[]): SetResult =>
  measureSet(rows.map((r) => ({ gold: r.example.level, predicted: r.predicted })));

/** Floor cases of the held-out split, by levels and tags (never their text). */
function floorCases(rows: readonly Assessed[]): string[] {
  return rows.flatMap(({ example: e, predicted }) => {
    const g = levelRank(e.level);
    const p = levelRank(predicted);
    const tags = `[${(e.tags ?? []).join(',')}]`;
    if (g >= 3 && p < 3) return [`  missed ${e.level} → ${predicted} ${tags}`];
    if (g <= 1 && p >= 3) return [`  false ${e.level} → ${predicted} ${tags}`];
    return [];
  });
}

const loudLines: string[] = [];
function skip(line: string): void {
  console.log(loud(line));
  loudLines.push(line);
}

function heldOut(corpus: ReturnType<typeof loadCorpus>): MeasuredValue[] {
  const rows = assessAll(corpus.heldOut);
  const result = measureAssessed(rows);
  console.log(`assessor ${MODEL_VERSION}`);
  console.log(
    `held-out split: ${rows.length} of ${corpus.examples.length} examples (corpus ${corpus.hash.slice(0, 12)})\n`,
  );
  printConfusion(result.confusion);
  console.log(`all: ${measuresLine(result)}`);
  const cases = floorCases(rows);
  if (cases.length > 0) console.log(`floor cases (tags only; read held-out texts sparingly):\n${cases.join('\n')}`);
  return setValues('heldOut', result);
}

/** A stress set: all of it, then one line per theme (file prefix before -NN.jsonl). */
function stress(
  set: LabelledSet,
  name: string,
  dir: string,
  trained: ReadonlySet<string>,
  how = 'never trained on',
): MeasuredValue[] {
  const loaded = loadStressSet(dir, trained);
  if (!loaded.found) {
    console.log(`\n${name} (${rel(dir)}): not found`);
    skip(`${name}: ${rel(dir)} not found: its floors are SKIPPED, not checked`);
    return setValues(set, { skipped: `${rel(dir)} not found` });
  }
  for (const problem of loaded.invalid) console.log(`  skipped invalid line ${problem}`);
  const rows = assessAll(loaded.examples);
  console.log(
    `\n${name} (${rel(dir)}, ${how}): ${rows.length} examples` +
      (loaded.dropped ? ` (${loaded.dropped} also in the training corpus, dropped)` : ''),
  );
  if (rows.length === 0) {
    skip(`${name}: no examples in ${rel(dir)}: its floors are SKIPPED, not checked`);
    return setValues(set, { skipped: 'no examples' });
  }
  const result = measureAssessed(rows);
  console.log(`  all: ${measuresLine(result)}`);
  const themes = [...new Set(rows.map((r) => themeOf(r.example.file)))].sort();
  for (const theme of themes)
    console.log(`  ${theme}: ${measuresLine(measureAssessed(rows.filter((r) => themeOf(r.example.file) === theme)))}`);
  return setValues(set, result);
}

function scorePosts(posts: readonly PublicPost[]): ReturnType<typeof measureExternal> {
  return measureExternal(
    posts.map((p) => {
      const a = assess(p.text);
      return { positive: p.positive, score: a.score, predicted: a.level };
    }),
  );
}

const auc = (id: 'sdcnl.auc' | 'dreaddit.auc', value: number | null): MeasuredValue =>
  value === null ? { id, value: null, detail: '', skipped: 'one class only' } : { id, value, detail: '' };

function publicData(): MeasuredValue[] {
  const skipped = (why: string): MeasuredValue[] => [
    { id: 'sdcnl.auc', value: null, detail: '', skipped: why },
    { id: 'dreaddit.auc', value: null, detail: '', skipped: why },
    { id: 'dreaddit.calmAtHigh', value: null, detail: '', skipped: why },
  ];
  if (!existsSync(sharedDataDir)) {
    console.log(`\npublic research data: ${sharedDataDir} not found`);
    skip(`public research data: ${sharedDataDir} not found: its floors are SKIPPED, not checked`);
    return skipped(`${sharedDataDir} not found`);
  }
  console.log(`\npublic research data (evaluation only, never trained on): ${sharedDataDir}`);
  const values: MeasuredValue[] = [];
  const sdcnl = loadSdcnl();
  if (sdcnl.found) {
    const r = scorePosts(sdcnl.posts);
    const sw = sdcnl.posts.filter((p) => p.positive).length;
    console.log(
      `sdcnl-dev (${sdcnl.posts.length} posts: ${sw} r/SuicideWatch, ${sdcnl.posts.length - sw} r/depression)`,
    );
    console.log(`  ROC AUC of score, SuicideWatch vs depression: ${r.auc?.toFixed(3) ?? '—'}`);
    console.log(
      `  share at ≥ high: SuicideWatch ${pct(r.positiveAtHigh.value)}, depression ${pct(r.negativeAtHigh.value)}`,
    );
    values.push(auc('sdcnl.auc', r.auc));
  } else {
    skip(`sdcnl: ${sdcnl.missing} not found: its floor is SKIPPED, not checked`);
    values.push(skipped(`${sdcnl.missing} not found`)[0] as MeasuredValue);
  }
  const dreaddit = loadDreaddit();
  if (dreaddit.found) {
    const r = scorePosts(dreaddit.posts);
    console.log(`dreaddit-dev (${dreaddit.posts.length} segments)`);
    console.log(`  ROC AUC of score, stressed vs calm: ${r.auc?.toFixed(3) ?? '—'}`);
    console.log(`  share at ≥ high: stressed ${pct(r.positiveAtHigh.value)}, calm ${pct(r.negativeAtHigh.value)}`);
    values.push(auc('dreaddit.auc', r.auc), fromRatio('dreaddit.calmAtHigh', r.negativeAtHigh));
  } else {
    skip(`dreaddit: ${dreaddit.missing} not found: its floors are SKIPPED, not checked`);
    values.push(...skipped(`${dreaddit.missing} not found`).slice(1));
  }
  return values;
}

function readFloors(): FloorsFile | undefined {
  if (!existsSync(floorsPath)) return undefined;
  const parsed = floorsFileSchema.safeParse(JSON.parse(readFileSync(floorsPath, 'utf8')));
  if (!parsed.success) {
    console.error(`${rel(floorsPath)} is not a valid floors file:\n${parsed.error.message}`);
    process.exit(1);
  }
  return parsed.data;
}

function main(): void {
  let args: ReturnType<typeof parseEvalArgs>;
  try {
    args = parseEvalArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`eval:risk: ${(err as Error).message}`);
    process.exit(2);
  }
  const corpus = loadCorpus();
  const trained = new Set(corpus.examples.map((e) => e.norm));
  const values = [
    ...heldOut(corpus),
    // Trained on since issue 12 (training/corpus.ts): in-sample, a guard against regressions, not a test.
    ...stress('stress1', 'stress set 1', stressDir, trained, 'trained on since issue 12: in-sample'),
    ...stress('stress2', 'stress set 2', stress2Dir, trained),
    ...publicData(),
  ];
  const weightsSha256 = createHash('sha256').update(readFileSync(weightsPath)).digest('hex');
  const previous = readFloors();

  if (args.setFloors) {
    const { file, kept } = setFloors({
      values,
      previous,
      reason: args.reason,
      modelVersion: MODEL_VERSION,
      weightsSha256,
      corpusHash: corpus.hash,
      setOn: new Date().toISOString().slice(0, 10),
    });
    writeFileSync(floorsPath, JSON.stringify(file, null, 2) + '\n');
    console.log(`\nwrote ${rel(floorsPath)}: ${Object.keys(file.bounds).length} bounds, reason "${file.reason}"`);
    for (const line of kept) console.log(loud(line));
  }

  const floors = args.setFloors ? readFloors() : previous;
  if (!floors) {
    console.log(`\nFAIL: ${rel(floorsPath)} not found: run npm run eval:risk -- --set-floors --reason "…"`);
    process.exitCode = 1;
    return;
  }
  if (floors.weightsSha256 !== weightsSha256)
    console.log(
      `\nnote: the floors were set against weights ${floors.modelVersion} (${floors.weightsSha256.slice(0, 12)}); ` +
        `these are ${MODEL_VERSION} (${weightsSha256.slice(0, 12)})`,
    );
  const check = checkFloors(values, floors);
  printTable(check, floors);
  for (const line of [...loudLines, ...check.skipped]) console.log(loud(line));
  if (check.failures.length > 0) {
    console.log(`\nFAIL: ${check.failures.length} bound(s) missed:`);
    for (const f of check.failures) console.log(`  ${f}`);
    console.log('If the change is intended, rerun with --set-floors --reason "…" and commit floors.json with it.');
    process.exitCode = 1;
  } else console.log('\nall enforced bounds met');
}

main();
