/**
 * The spelling pass: after normalise.ts has undone deliberate disguises, restore
 * risk words that distress or a phone keyboard mangled ("i rly wnat to die",
 * "cnt stop thnking bout endin it", "kill myslef"), so that the rules and the
 * model read the words they were written for.
 *
 * - SHORTHAND (spelling-words.ts): whole words read as another ("tmrw").
 * - LONG_RISK_WORDS: a word one keyboard slip (a letter missed, added, changed,
 *   or two swapped: Damerau 1964) from exactly one long risk word takes that
 *   word, unless it is an English word itself (spelling-guard.ts: "thinning"
 *   stays "thinning", "overdone" stays "overdone").
 *
 * Most texts need nothing: candidates are found by hashing each word's
 * one-letter deletions (the symmetric-delete method of SymSpell, Garbe 2012)
 * with integer arithmetic, so a text without a slip allocates nothing.
 * The corrected word keeps the span of the word it replaces, so evidence still
 * points into what the member wrote.
 */
import type { Normalised } from './normalise.js';
import { SPELLING_GUARD } from './spelling-guard.js';
import { LONG_RISK_WORDS, SHORTHAND } from './spelling-words.js';

const BASE = 0x01000193;
const MIN_LENGTH = 5;
const MAX_LENGTH = 13;

const isLetter = (c: number): boolean => c >= 97 && c <= 122;

/** Polynomial hash of a string, keyed by its length (32-bit). */
function keyOf(hash: number, length: number): number {
  return (hash ^ Math.imul(length, 0x9e3779b1)) >>> 0;
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * A 2^16-bit filter of every key below: nearly every word of a text misses it
 * on one array read, so the maps are consulted only for likely hits.
 */
const FILTER = new Uint8Array(1 << 13);
const mark = (key: number): void => {
  FILTER[(key & 0xffff) >>> 3] = (FILTER[(key & 0xffff) >>> 3] ?? 0) | (1 << (key & 7));
};
const maybe = (key: number): boolean => ((FILTER[(key & 0xffff) >>> 3] ?? 0) & (1 << (key & 7))) !== 0;

/** Every long risk word, and every one-letter deletion of one, by key → the words it may come from. */
const DELETIONS = new Map<number, string[]>();
/** Keys of the long risk words themselves. */
const TARGETS = new Set<number>();
/** Shorthand by key → [written, meant] pairs. */
const SHORTHAND_BY_KEY = new Map<number, (readonly [string, string])[]>();

function addDeletion(variant: string, word: string): void {
  const key = keyOf(hashString(variant), variant.length);
  mark(key);
  const list = DELETIONS.get(key);
  if (list === undefined) DELETIONS.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}

for (const word of LONG_RISK_WORDS) {
  const key = keyOf(hashString(word), word.length);
  TARGETS.add(key);
  mark(key);
  addDeletion(word, word);
  for (let i = 0; i < word.length; i++) addDeletion(word.slice(0, i) + word.slice(i + 1), word);
}
for (const [written, meant] of SHORTHAND) {
  const key = keyOf(hashString(written), written.length);
  mark(key);
  const list = SHORTHAND_BY_KEY.get(key);
  if (list === undefined) SHORTHAND_BY_KEY.set(key, [[written, meant]]);
  else list.push([written, meant]);
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped: returns 2 for "2 or more". */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= 2) return 2;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(2, prev[m] ?? 2);
}

/** Prefix hashes of the word being read, and powers of BASE (words are at most MAX_LENGTH letters). */
const prefix = new Int32Array(MAX_LENGTH + 1);
const powers = new Int32Array(MAX_LENGTH + 1);
powers[0] = 1;
for (let i = 1; i < powers.length; i++) powers[i] = Math.imul(powers[i - 1] ?? 0, BASE);

/** Risk words the current word's hashes point at (reused; verified on the strings before use). */
const candidates: string[] = [];

function collect(key: number): void {
  if (!maybe(key)) return;
  const words = DELETIONS.get(key);
  if (words === undefined) return;
  for (const w of words) if (!candidates.includes(w)) candidates.push(w);
}

/**
 * The long risk word that text[start, start + n) is one slip away from, or
 * null; prefix[] holds the word's prefix hashes. Risk words themselves,
 * English words and words one slip from two risk words are left alone.
 */
function nearRiskWord(text: string, start: number, n: number): string | null {
  if (n < MIN_LENGTH) return null;
  const whole = prefix[n] ?? 0;
  const key = keyOf(whole, n);
  if (maybe(key) && TARGETS.has(key)) return null;
  candidates.length = 0;
  // The word is a risk word with a letter missing ("myslf" is one of "myself"'s deletions).
  collect(key);
  // A letter added, changed or swapped: one of the word's deletions meets one of the risk word's.
  for (let i = 0; i < n; i++) {
    const left = Math.imul(prefix[i] ?? 0, powers[n - 1 - i] ?? 0);
    const right = (whole - Math.imul(prefix[i + 1] ?? 0, powers[n - 1 - i] ?? 0)) | 0;
    collect(keyOf((left + right) | 0, n - 1));
  }
  if (candidates.length === 0) return null;
  const token = text.slice(start, start + n);
  // English words are never "corrected".
  if (SPELLING_GUARD.has(token)) return null;
  // Hash hits are verified on the strings: a false hit must not hide the true one.
  let found: string | null = null;
  for (const w of candidates) {
    if (editDistance(token, w) !== 1) continue;
    if (found !== null) return null;
    found = w;
  }
  return found;
}

/** What text[start, start + n) should read as, or null; prefix[] holds its prefix hashes. */
function replacementFor(text: string, start: number, n: number): string | null {
  const key = keyOf(prefix[n] ?? 0, n);
  if (maybe(key)) {
    for (const [written, meant] of SHORTHAND_BY_KEY.get(key) ?? [])
      if (written.length === n && text.startsWith(written, start)) return meant;
  }
  return nearRiskWord(text, start, n);
}

const decoder = new TextDecoder('utf-16le');

/** ASCII letters and digits, and anything outside ASCII (a letter of another script). */
const joinsWord = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c > 127;

/**
 * A word written with a capital after the start of a sentence is a name
 * ("Kipling", "Dr Kil", "Mrs Noone", "Hanqing"): the pass leaves it as written.
 */
function isName(original: string, norm: Normalised, i: number): boolean {
  const at = norm.originStart[i] ?? 0;
  const c = original.charCodeAt(at);
  if (!(c >= 65 && c <= 90)) return false;
  let k = at - 1;
  while (k >= 0 && (original.charCodeAt(k) === 32 || original.charCodeAt(k) === 34 || original.charCodeAt(k) === 40)) k--;
  if (k < 0) return false;
  const p = original.charCodeAt(k);
  return !(p === 46 || p === 33 || p === 63 || p === 10 || p === 13);
}

/**
 * The text with misspelt risk words restored (the same object when nothing
 * changed). `original` is the text normalise() read, for the writer's capitals.
 */
export function correctSpelling(norm: Normalised, original: string): Normalised {
  const text = norm.text;
  let out: { codes: number[]; starts: number[]; ends: number[] } | null = null;
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // Read the word, keeping the prefix hashes of its first MAX_LENGTH letters.
    let j = i;
    let h = 0;
    prefix[0] = 0;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (!isLetter(c)) break;
      h = (Math.imul(h, BASE) + c) | 0;
      if (j - i < MAX_LENGTH) prefix[j - i + 1] = h;
    }
    // Words only: "tmrw2", "abt's" or a word run into another script are left as written.
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = j < text.length ? text.charCodeAt(j) : 32;
    // An apostrophe ends a word ("cuttin'") unless a letter follows it ("abt's").
    const contracted = after === 39 && j + 1 < text.length && isLetter(text.charCodeAt(j + 1));
    const bounded = !joinsWord(before) && !joinsWord(after) && !contracted;
    const found = bounded && j - i <= MAX_LENGTH ? replacementFor(text, i, j - i) : null;
    const word = found !== null && !isName(original, norm, i) ? found : null;
    if (word !== null) {
      out ??= { codes: [], starts: [], ends: [] };
      for (let k = copied; k < i; k++) {
        out.codes.push(text.charCodeAt(k));
        out.starts.push(norm.originStart[k] ?? 0);
        out.ends.push(norm.originEnd[k] ?? 0);
      }
      const from = norm.originStart[i] ?? 0;
      const to = norm.originEnd[j - 1] ?? 0;
      for (let k = 0; k < word.length; k++) {
        out.codes.push(word.charCodeAt(k));
        out.starts.push(from);
        out.ends.push(to);
      }
      copied = j;
    }
    i = j;
  }
  if (out === null) return norm;
  for (let k = copied; k < text.length; k++) {
    out.codes.push(text.charCodeAt(k));
    out.starts.push(norm.originStart[k] ?? 0);
    out.ends.push(norm.originEnd[k] ?? 0);
  }
  return {
    text: decoder.decode(Uint16Array.from(out.codes)),
    originStart: Int32Array.from(out.starts),
    originEnd: Int32Array.from(out.ends),
  };
}
