/**
 * What `npm run eval:risk` reads besides the held-out split: the stress sets
 * (corpus/risk-stress, corpus/risk-stress-2; GUIDE.md) and the public research
 * posts in ../shared/data. Any of them may be missing on a machine: the result
 * says so, and the caller prints it and skips that set's floors.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadCorpus, repoRoot, type Example } from '../training/corpus.js';

export const sharedDataDir = path.resolve(repoRoot, '../shared/data');
export const floorsPath = path.join(repoRoot, 'src/server/modules/safety/assessor/floors.json');
export const weightsPath = path.join(repoRoot, 'src/server/modules/safety/assessor/weights.json');

export type Loaded<T> = ({ readonly found: true } & T) | { readonly found: false; readonly missing: string };

export interface StressSet {
  readonly examples: readonly Example[];
  /** Texts also in the training corpus (as normalised): dropped, they would test nothing. */
  readonly dropped: number;
  readonly invalid: readonly string[];
}

/** An evaluation-only folder of labelled .jsonl files, minus texts the corpus already has. */
export function loadStressSet(dir: string, trainedNorms: ReadonlySet<string>): Loaded<StressSet> {
  if (!existsSync(dir)) return { found: false, missing: dir };
  const all = loadCorpus(dir);
  const examples = all.examples.filter((e) => !trainedNorms.has(e.norm));
  return { found: true, examples, dropped: all.examples.length - examples.length, invalid: all.invalid };
}

/** A stress set's theme: its file name before `-NN.jsonl` (`understated-01.jsonl` → `understated`). */
export const themeOf = (file: string): string => file.replace(/-\d+\.jsonl$/, '');

export interface PublicPost {
  readonly text: string;
  readonly positive: boolean;
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

/** SDCNL dev (positive: r/SuicideWatch, negative: r/depression), evaluation only. */
export function loadSdcnl(dataDir: string = sharedDataDir): Loaded<{ readonly posts: readonly PublicPost[] }> {
  const file = path.join(dataDir, 'sdcnl-dev.jsonl');
  if (!existsSync(file)) return { found: false, missing: file };
  return {
    found: true,
    posts: readJsonl(file, sdcnlSchema).map((r) => ({ text: r.text, positive: r.suicidewatch === 1 })),
  };
}

/** Dreaddit dev (positive: stressed, negative: calm), evaluation only. */
export function loadDreaddit(dataDir: string = sharedDataDir): Loaded<{ readonly posts: readonly PublicPost[] }> {
  const file = path.join(dataDir, 'dreaddit-dev.jsonl');
  if (!existsSync(file)) return { found: false, missing: file };
  return {
    found: true,
    posts: readJsonl(file, dreadditSchema).map((r) => ({ text: r.text, positive: r.stressed === 1 })),
  };
}
