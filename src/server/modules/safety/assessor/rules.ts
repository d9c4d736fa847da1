/**
 * Runs the lexicon's rules (lexicon.ts) over normalised text. Regular
 * expressions are compiled once at module load: the write path assesses every
 * post synchronously, so nothing is compiled per call.
 */
import { FIGURATIVE_IDIOMS, RULES, type RuleSpec } from './lexicon.js';

/** Bumped whenever a rule, a modifier or the combination changes meaning. */
export const RULES_VERSION = 'rules-3';

export interface CompiledRule extends RuleSpec {
  readonly re: RegExp;
}

export interface RuleHit {
  readonly rule: CompiledRule;
  /** Span in the NORMALISED text. */
  readonly start: number;
  readonly end: number;
  /** The reflexive pronoun the rule captured ("myself", "herself"), if any. */
  readonly refl: string | undefined;
}

export const COMPILED_RULES: readonly CompiledRule[] = RULES.map((spec) => ({
  ...spec,
  re: new RegExp(spec.pattern, 'g'),
}));

const IDIOM_RE = new RegExp(FIGURATIVE_IDIOMS, 'g');

function scan(rule: CompiledRule, text: string, offset: number, hits: RuleHit[]): void {
  const re = rule.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    hits.push({ rule, start: offset + m.index, end: offset + m.index + m[0].length, refl: m.groups?.['refl'] });
  }
}

/** Sentence ends (index of the terminator, or text.length) for windowed scanning. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) ends.push(i);
  }
  if (ends[ends.length - 1] !== text.length - 1) ends.push(text.length);
  return ends;
}

function sentenceIndex(ends: readonly number[], pos: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) >= pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Stems bucketed by their first two characters, each with the rules that list it. */
interface StemEntry {
  readonly stem: string;
  readonly rules: readonly number[];
}
/** Buckets of stems by their first two characters (ASCII pairs index an array; the rest a map). */
const STEM_BUCKETS: readonly (readonly StemEntry[])[] = [];
const ASCII_BUCKET = new Int16Array(128 * 128).fill(-1);
const OTHER_BUCKET = new Map<number, number>();
(() => {
  const rulesByStem = new Map<string, number[]>();
  COMPILED_RULES.forEach((rule, r) => {
    for (const stem of rule.stems) {
      if (stem.length < 2) throw new Error(`stem "${stem}" of ${rule.signal} is shorter than two characters`);
      rulesByStem.set(stem, [...(rulesByStem.get(stem) ?? []), r]);
    }
  });
  const buckets = STEM_BUCKETS as StemEntry[][];
  for (const [stem, rules] of rulesByStem) {
    const a = stem.charCodeAt(0);
    const b = stem.charCodeAt(1);
    let index = a < 128 && b < 128 ? (ASCII_BUCKET[a * 128 + b] ?? -1) : (OTHER_BUCKET.get(a * 65536 + b) ?? -1);
    if (index < 0) {
      index = buckets.length;
      buckets.push([]);
      if (a < 128 && b < 128) ASCII_BUCKET[a * 128 + b] = index;
      else OTHER_BUCKET.set(a * 65536 + b, index);
    }
    buckets[index]?.push({ stem, rules });
  }
})();

function bucketAt(text: string, p: number): readonly StemEntry[] | undefined {
  const a = text.charCodeAt(p);
  const b = text.charCodeAt(p + 1);
  const index = a < 128 && b < 128 ? (ASCII_BUCKET[a * 128 + b] as number) : (OTHER_BUCKET.get(a * 65536 + b) ?? -1);
  return index < 0 ? undefined : STEM_BUCKETS[index];
}

/**
 * All rule hits in a normalised text, in rule order then position order.
 * Rules never match across a sentence end (their patterns exclude . ! ? and
 * newlines), so each rule runs only over the sentences that contain one of
 * its stems, found in one pass over the text: a long post costs little more
 * than the sentences that matter. `windowed = false` scans the whole text
 * with every rule (the reference behaviour that rules.test.ts compares with).
 */
export function findHits(text: string, windowed = true): RuleHit[] {
  const hits: RuleHit[] = [];
  if (!windowed) {
    for (const rule of COMPILED_RULES) scan(rule, text, 0, hits);
    return hits;
  }
  const ends = sentenceEnds(text);
  // sentencesOf[r]: ascending sentence indices where rule r has a stem.
  const sentencesOf: number[][] = COMPILED_RULES.map(() => []);
  let sentence = 0;
  for (let p = 0; p + 1 < text.length; p++) {
    while ((ends[sentence] ?? text.length) < p) sentence++;
    const bucket = bucketAt(text, p);
    if (bucket === undefined) continue;
    for (const { stem, rules } of bucket) {
      if (!text.startsWith(stem, p)) continue;
      // A stem may straddle a sentence end ("bye." + newline): mark every sentence it touches.
      const last = sentenceIndex(ends, p + stem.length - 1);
      for (const r of rules) {
        const list = sentencesOf[r] as number[];
        for (let k = sentence; k <= last; k++) if (list[list.length - 1] !== k) list.push(k);
      }
    }
  }
  COMPILED_RULES.forEach((rule, r) => {
    const list = sentencesOf[r] as number[];
    for (let i = 0; i < list.length;) {
      let j = i;
      while (j + 1 < list.length && list[j + 1] === (list[j] as number) + 1) j++;
      const first = list[i] as number;
      const start = first === 0 ? 0 : (ends[first - 1] ?? 0) + 1;
      const end = Math.min(text.length, (ends[list[j] as number] ?? text.length) + 1);
      scan(rule, start === 0 && end === text.length ? text : text.slice(start, end), start, hits);
      i = j + 1;
    }
  });
  return hits;
}

/** Spans [start, end, start, end, …] of idioms that are never risk ("dying to", "killing me"). */
export function figurativeSpans(text: string): number[] {
  const spans: number[] = [];
  IDIOM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IDIOM_RE.exec(text)) !== null) {
    if (m[0].length === 0) {
      IDIOM_RE.lastIndex++;
      continue;
    }
    spans.push(m.index, m.index + m[0].length);
  }
  return spans;
}
