/**
 * Runs the lexicon's rules (lexicon.ts) over normalised text. Regular
 * expressions are compiled once at module load: the write path assesses every
 * post synchronously, so nothing is compiled per call.
 */
import { LOOKALIKE_GUARD_RE, LOOKALIKE_LETTER_RE, RELATIONSHIP_END_RE } from './context-phrases.js';
import { FIGURATIVE_IDIOMS, RULES, type RuleSpec } from './lexicon.js';

/** Bumped whenever a rule, a modifier, the text the rules read (normalise.ts, spelling.ts) or the combination changes meaning. */
export const RULES_VERSION = 'rules-6';

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

/**
 * Everyday phrases that, like an idiom, say what the risk words around them
 * mean (issue 12): a letter that is no farewell (to one's younger self, a cover
 * letter, a therapy exercise), photos taken, a prescription, a move to another
 * town or to university, a relationship ended. A short text with one of them is capped at low for the model
 * (analyse.ts); rule hits outside the phrase still count. A span counts only
 * with no word of death or intent within 300 characters (LOOKALIKE_GUARD_RE).
 */
const GUARD = LOOKALIKE_GUARD_RE.source;
const LOOKALIKE_SPANS = [
  LOOKALIKE_LETTER_RE.source,
  RELATIONSHIP_END_RE.source,
  String.raw`\b(?:taking|snapping) (?:some |a few |loads of )?(?:(?:sunset|sunrise|holiday|tourist|landscape|nature|bird|wildlife|scenery|skyline|firework|golden hour) (?:photos|pictures|pics|shots)|(?:photos|pictures|pics) of the (?:sunset|sunrise|view|fireworks|birds|boats|skyline))\b`,
  String.raw`\b(?:gp|doctor|dr|psychiatrist|consultant|nurse|dentist) (?:\w+ ){0,2}(?:prescribed|put me on|started me on)\b`,
  String.raw`\b(?:(?:moving|relocating|emigrating) (?:back )?(?:to (?!a better|the other side|heaven|the next|somewhere|where)[a-z]+|abroad|house)|off to (?:uni|university|college|live in|work in|start (?:uni|university|college|my new job)))\b`,
]
  .map((span) => `(?:${span})(?![^]{0,300}?${GUARD})(?<!${GUARD}[^]{0,300})`)
  .join('|');

const IDIOM_RE = new RegExp(`${FIGURATIVE_IDIOMS}|${LOOKALIKE_SPANS}`, 'g');

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

/** Code units that end a sentence: . ! ? and newline. */
export function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10;
}

/**
 * The stems as one Aho–Corasick automaton over UTF-16 code units: one table
 * lookup per character finds every occurrence of every stem, and each state
 * lists the rules whose stems end there. Used when no stem can straddle a
 * sentence end (no . ! ? or newline before its last character): a stem then
 * lies in the sentence of its last character.
 */
interface StemAutomaton {
  /** Character classes: ASCII by table, the rest by map (0 = in no stem). */
  readonly asciiClass: Uint8Array;
  readonly otherClass: ReadonlyMap<number, number>;
  readonly classes: number;
  /** next[state * classes + class]: the automaton's transition (a full DFA). */
  readonly next: Int32Array;
  /** Rules whose stems end in state s: ruleList[outStart[s], outStart[s + 1]). */
  readonly outStart: Int32Array;
  readonly ruleList: Int32Array;
}

const AUTOMATON: StemAutomaton | null = (() => {
  const stems: string[] = [];
  const rulesOfStem = new Map<string, number[]>();
  COMPILED_RULES.forEach((rule, r) => {
    for (const stem of rule.stems) {
      let list = rulesOfStem.get(stem);
      if (list === undefined) {
        list = [];
        rulesOfStem.set(stem, list);
        stems.push(stem);
      }
      list.push(r);
    }
  });
  for (const stem of stems)
    for (let k = 0; k + 1 < stem.length; k++) if (isSentenceEnd(stem.charCodeAt(k))) return null;
  const asciiClass = new Uint8Array(128);
  const otherClass = new Map<number, number>();
  let classes = 1;
  for (const stem of stems) {
    for (let k = 0; k < stem.length; k++) {
      const c = stem.charCodeAt(k);
      if (c < 128) {
        if (asciiClass[c] === 0) asciiClass[c] = classes++;
      } else if (!otherClass.has(c)) otherClass.set(c, classes++);
    }
  }
  if (classes > 255) return null;
  const classOf = (c: number): number => (c < 128 ? (asciiClass[c] as number) : (otherClass.get(c) ?? 0));
  // Trie.
  const children: Map<number, number>[] = [new Map()];
  const rulesAt: Set<number>[] = [new Set()];
  for (const stem of stems) {
    let state = 0;
    for (let k = 0; k < stem.length; k++) {
      const cls = classOf(stem.charCodeAt(k));
      const child = children[state]?.get(cls);
      if (child !== undefined) state = child;
      else {
        const created = children.length;
        children.push(new Map());
        rulesAt.push(new Set());
        children[state]?.set(cls, created);
        state = created;
      }
    }
    for (const r of rulesOfStem.get(stem) ?? []) rulesAt[state]?.add(r);
  }
  // Breadth-first: failure links, full transitions, inherited outputs.
  const count = children.length;
  const next = new Int32Array(count * classes);
  const fail = new Int32Array(count);
  const queue: number[] = [];
  for (let cls = 0; cls < classes; cls++) {
    const child = children[0]?.get(cls);
    if (child !== undefined) {
      next[cls] = child;
      queue.push(child);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q] as number;
    const f = fail[state] as number;
    for (const r of rulesAt[f] ?? []) rulesAt[state]?.add(r);
    for (let cls = 0; cls < classes; cls++) {
      const child = children[state]?.get(cls);
      if (child !== undefined) {
        fail[child] = next[f * classes + cls] as number;
        next[state * classes + cls] = child;
        queue.push(child);
      } else {
        next[state * classes + cls] = next[f * classes + cls] as number;
      }
    }
  }
  const outStart = new Int32Array(count + 1);
  const ruleList: number[] = [];
  for (let state = 0; state < count; state++) {
    outStart[state] = ruleList.length;
    ruleList.push(...[...(rulesAt[state] ?? [])].sort((a, b) => a - b));
  }
  outStart[count] = ruleList.length;
  return { asciiClass, otherClass, classes, next, outStart, ruleList: Int32Array.from(ruleList) };
})();

// Reused between calls: per rule, a list of sentence indices kept as a chain through `marks`.
const ruleHead = new Int32Array(COMPILED_RULES.length);
const ruleTail = new Int32Array(COMPILED_RULES.length);
const ruleLast = new Int32Array(COMPILED_RULES.length);
let markSentence = new Int32Array(256);
let markNext = new Int32Array(256);

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
  const automaton = AUTOMATON;
  if (automaton === null) return findHitsByBuckets(text, hits);
  const { asciiClass, otherClass, classes, next, outStart, ruleList } = automaton;
  const ruleCount = COMPILED_RULES.length;
  ruleHead.fill(-1);
  ruleLast.fill(-1);
  const ends: number[] = [];
  let marks = 0;
  let state = 0;
  let sentence = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? (asciiClass[c] as number) : (otherClass.get(c) ?? 0);
    state = next[state * classes + cls] as number;
    const o1 = outStart[state + 1] as number;
    for (let o = outStart[state] as number; o < o1; o++) {
      const r = ruleList[o] as number;
      if (ruleLast[r] === sentence) continue;
      ruleLast[r] = sentence;
      if (marks === markSentence.length) {
        const grownSentence = new Int32Array(marks * 2);
        grownSentence.set(markSentence);
        markSentence = grownSentence;
        const grownNext = new Int32Array(marks * 2);
        grownNext.set(markNext);
        markNext = grownNext;
      }
      markSentence[marks] = sentence;
      markNext[marks] = -1;
      if (ruleHead[r] === -1) ruleHead[r] = marks;
      else markNext[ruleTail[r] as number] = marks;
      ruleTail[r] = marks;
      marks++;
    }
    if (c === 46 || c === 33 || c === 63 || c === 10) {
      ends.push(i);
      sentence++;
    }
  }
  if (ends[ends.length - 1] !== n - 1) ends.push(n);
  for (let r = 0; r < ruleCount; r++) {
    let m = ruleHead[r] as number;
    if (m === -1) continue;
    const rule = COMPILED_RULES[r] as CompiledRule;
    while (m !== -1) {
      // A run of consecutive sentences is scanned as one window.
      const first = markSentence[m] as number;
      let last = first;
      let after = markNext[m] as number;
      while (after !== -1 && markSentence[after] === last + 1) {
        last++;
        after = markNext[after] as number;
      }
      const start = first === 0 ? 0 : (ends[first - 1] ?? 0) + 1;
      const end = Math.min(n, (ends[last] ?? n) + 1);
      scan(rule, start === 0 && end === n ? text : text.slice(start, end), start, hits);
      m = after;
    }
  }
  return hits;
}

/** findHits for stems that may straddle a sentence end: stems bucketed by their first two characters. */
function findHitsByBuckets(text: string, hits: RuleHit[]): RuleHit[] {
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
