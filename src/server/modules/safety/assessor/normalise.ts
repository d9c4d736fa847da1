/**
 * Text normalisation for the risk assessor.
 *
 * People hide risk words from filters ("su1c1de", "k i l l  m y s e l f",
 * "s*icide", "🪦", "diiiie"), so rules and the model read a normalised copy.
 * Every normalised character remembers the span of the original text it came
 * from, so that evidence shown to moderators points into what the member wrote.
 */
import { CENSORED_WORDS, EMOJI_TOKENS } from './lexicon.js';

export interface Normalised {
  /** Lower-cased, de-obfuscated text. Sentence punctuation and newlines are kept. */
  readonly text: string;
  /** originStart[i]: index in the original of the first code unit behind text[i]. */
  readonly originStart: Int32Array;
  /** originEnd[i]: index in the original just past the last code unit behind text[i]. */
  readonly originEnd: Int32Array;
}

/** A working buffer: char codes plus the original span of each. */
class Buf {
  codes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  reset(capacity: number): void {
    if (this.codes.length < capacity) {
      const size = Math.max(capacity, this.codes.length * 2);
      this.codes = new Int32Array(size);
      this.starts = new Int32Array(size);
      this.ends = new Int32Array(size);
    }
    this.length = 0;
  }
  push(code: number, start: number, end: number): void {
    const i = this.length++;
    this.codes[i] = code;
    this.starts[i] = start;
    this.ends[i] = end;
  }
  at(i: number): number {
    return i >= 0 && i < this.length ? (this.codes[i] ?? 0) : 0;
  }
}

// Reused between calls: the write path normalises every post, so avoid garbage.
let bufA = new Buf(4096);
let bufB = new Buf(4096);

const SPACE = 32;
const NEWLINE = 10;
const APOS = 39;
const QUOTE = 34;
const STAR = 42;

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Leetspeak substitutions, applied only inside words that also contain letters. */
const LEET = new Map<number, number>([
  [48, 111], // 0 → o
  [49, 105], // 1 → i
  [51, 101], // 3 → e
  [52, 97], // 4 → a
  [53, 115], // 5 → s
  [55, 116], // 7 → t
  [36, 115], // $ → s
  [64, 97], // @ → a
  [33, 105], // ! → i (only mid-word: "k!ll")
]);

function isWordish(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 36 || c === 64 || c === 33 || c === STAR;
}

const ZERO_WIDTH = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x2060 && cp <= 0x2064) ||
  cp === 0xfeff ||
  cp === 0x00ad ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0x0300 && cp <= 0x036f) || // combining marks: "s̶u̶i̶c̶i̶d̶e̶", zalgo
  (cp >= 0x1f3fb && cp <= 0x1f3ff); // skin-tone modifiers

/** Non-ASCII letters folded to ASCII where Unicode allows ("é" → "e", "𝓴" → "k"). */
const foldCache = new Map<number, string>();
function fold(cp: number): string {
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    folded = String.fromCodePoint(cp)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (folded.length === 0) folded = ' ';
    if (foldCache.size < 4096) foldCache.set(cp, folded);
  }
  return folded;
}

/** Pass 1: strip invisible characters, lower-case, fold Unicode, map emoji to words. */
function basicPass(src: string, out: Buf): void {
  for (let i = 0; i < src.length;) {
    const cp = src.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const end = i + width;
    if (cp < 128) {
      if (cp >= 65 && cp <= 90) out.push(cp + 32, i, end);
      else if (cp === 9 || cp === 13) out.push(SPACE, i, end);
      else out.push(cp, i, end);
    } else if (ZERO_WIDTH(cp)) {
      // dropped
    } else if (cp === 0x2019 || cp === 0x2018 || cp === 0x02bc) {
      out.push(APOS, i, end);
    } else if (cp === 0x201c || cp === 0x201d) {
      out.push(QUOTE, i, end);
    } else if (cp === 0xa0 || cp === 0x2028 || cp === 0x2029 || (cp >= 0x2000 && cp <= 0x200a)) {
      out.push(cp === 0x2028 || cp === 0x2029 ? NEWLINE : SPACE, i, end);
    } else {
      const token = EMOJI_TOKENS.get(cp);
      if (token !== undefined) {
        // Surround with spaces so "💊💊tonight" reads "pills pills tonight".
        out.push(SPACE, i, end);
        for (let k = 0; k < token.length; k++) out.push(token.charCodeAt(k), i, end);
        out.push(SPACE, i, end);
      } else {
        const folded = fold(cp);
        for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), i, end);
      }
    }
    i = end;
  }
}

const NUMBER_WITH_UNIT = /^\d+(?:st|nd|rd|th|am|pm|mg|ml|yo|y|yr|yrs|k|x|s|h|hr|hrs|min|mins|g|kg|lb|lbs|ish|m|d|w)?$/;

/** Pass 2: leetspeak and censored words ("k1ll", "$uicide", "s*icide"), per word. */
function leetPass(inp: Buf, out: Buf): void {
  const n = inp.length;
  let i = 0;
  while (i < n) {
    const c = inp.at(i);
    if (!isWordish(c)) {
      out.push(c, inp.starts[i] ?? 0, inp.ends[i] ?? 0);
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    let leet = 0;
    let stars = 0;
    while (j < n && isWordish(inp.at(j))) {
      const cj = inp.at(j);
      if (isLetter(cj)) letters++;
      else if (cj === STAR) stars++;
      else leet++;
      j++;
    }
    // "@name" is a mention and "die!" an exclamation: only mid-word @ and ! are leet.
    let wordStart = i;
    let wordEnd = j;
    while (wordStart < wordEnd && (inp.at(wordStart) === 64 || inp.at(wordStart) === 33 || inp.at(wordStart) === STAR))
      wordStart++;
    while (wordEnd > wordStart && (inp.at(wordEnd - 1) === 33 || inp.at(wordEnd - 1) === STAR)) wordEnd--;
    for (let k = i; k < wordStart; k++) out.push(inp.at(k), inp.starts[k] ?? 0, inp.ends[k] ?? 0);
    if (leet === 0 && stars === 0) {
      // Plain word (the common case): copy through without building a string.
      for (let k = wordStart; k < j; k++) out.push(inp.at(k), inp.starts[k] ?? 0, inp.ends[k] ?? 0);
      i = j;
      continue;
    }
    let word = '';
    for (let k = wordStart; k < wordEnd; k++) word += String.fromCharCode(inp.at(k));
    let replacement: string | null = null;
    if (letters > 0 && stars > 0 && word.includes('*')) replacement = uncensor(word);
    if (replacement === null && letters > 0 && leet > 0 && !NUMBER_WITH_UNIT.test(word)) {
      let mapped = '';
      for (let k = 0; k < word.length; k++) {
        const code = word.charCodeAt(k);
        mapped += String.fromCharCode(LEET.get(code) ?? code);
      }
      replacement = mapped;
    }
    const text = replacement ?? word;
    for (let k = 0; k < text.length; k++) {
      const src = wordStart + k;
      out.push(text.charCodeAt(k), inp.starts[src] ?? 0, inp.ends[src] ?? 0);
    }
    for (let k = wordEnd; k < j; k++) out.push(inp.at(k), inp.starts[k] ?? 0, inp.ends[k] ?? 0);
    i = j;
  }
}

/** "s*icide" → "suicide" when exactly one censorable word fits (same length, * = one letter). */
function uncensor(word: string): string | null {
  const candidates = CENSORED_WORDS.get(word.length);
  if (candidates === undefined) return null;
  for (const candidate of candidates) {
    let ok = true;
    for (let k = 0; k < word.length && ok; k++) {
      const w = word.charCodeAt(k);
      if (w !== STAR && w !== candidate.charCodeAt(k)) ok = false;
    }
    if (ok) return candidate;
  }
  return null;
}

const isSpacer = (c: number): boolean => c === SPACE || c === 46 || c === 45 || c === 95; // space . - _
const isSpacedChar = (c: number): boolean => isLetter(c) || LEET.has(c);

/**
 * Pass 3: join letters written apart ("k i l l  m y s e l f" → "kill myself",
 * "d.i.e" → "die"). A run needs at least three single characters separated by
 * one spacer each; a double space inside the run is kept as a word break.
 */
function spacingPass(inp: Buf, out: Buf): void {
  const n = inp.length;
  let i = 0;
  while (i < n) {
    const c = inp.at(i);
    const singleStart = isSpacedChar(c) && !isWordish(inp.at(i - 1)) && !isWordish(inp.at(i + 1));
    if (singleStart && isSpacer(inp.at(i + 1))) {
      // Collect the run: char (spacer{1,2} char)*
      const idx: number[] = [i];
      const breaks: number[] = [];
      let j = i + 1;
      let letters = isLetter(c) ? 1 : 0;
      for (;;) {
        let k = j;
        let gap = 0;
        while (k < n && isSpacer(inp.at(k)) && gap < 3) {
          k++;
          gap++;
        }
        if (gap === 0 || gap > 2) break;
        const ck = inp.at(k);
        if (!isSpacedChar(ck) || isWordish(inp.at(k + 1))) break;
        if (gap === 2) breaks.push(idx.length);
        idx.push(k);
        if (isLetter(ck)) letters++;
        j = k + 1;
      }
      if (idx.length >= 3 && letters >= 2) {
        const codes = idx.map((p) => LEET.get(inp.at(p)) ?? inp.at(p));
        // Word breaks: the writer's double spaces, else where a dictionary split finds words.
        const cuts = new Set(breaks);
        for (let from = 0; from < idx.length; ) {
          let to = from + 1;
          while (to < idx.length && !cuts.has(to)) to++;
          for (const cut of segmentWords(codes, from, to)) cuts.add(cut);
          from = to;
        }
        for (let m = 0; m < idx.length; m++) {
          if (m > 0 && cuts.has(m)) {
            const prev = idx[m - 1] ?? 0;
            out.push(SPACE, inp.ends[prev] ?? 0, inp.starts[idx[m] ?? 0] ?? 0);
          }
          const p = idx[m] ?? 0;
          out.push(codes[m] ?? 0, inp.starts[p] ?? 0, inp.ends[p] ?? 0);
        }
        i = (idx[idx.length - 1] ?? i) + 1;
        continue;
      }
    }
    out.push(c, inp.starts[i] ?? 0, inp.ends[i] ?? 0);
    i++;
  }
}

/**
 * Words a letter-spaced phrase is split into ("i w a n t t o d i e" → "i want
 * to die"): the everyday words such phrases are made of, and the risk words.
 */
const SPACED_WORDS: ReadonlySet<string> = new Set(
  (
    'i im me my myself self want wanna to die dead death kill end it all going gonna do did done doing hurt cut ' +
    'cutting so bad rn now tonight today tomorrow life suicide suicidal just dont cant need wish jump hang take took ' +
    'pills the a an am and not no live alive anymore more feel like was go sleep wake up never again help please ' +
    'hate everything over bye goodbye sorry tired of be here is this its get out leave alone nobody everyone ' +
    'why how unalive kms ctb sh selfharm harm overdose od plan note'
  ).split(' '),
);
const LONGEST_SPACED_WORD = 9;

/**
 * Cut points (indices into codes) that split codes[from, to) into dictionary
 * words with the fewest words, or none when no split covers the whole run
 * (the letters then stay one word, as written).
 */
function segmentWords(codes: readonly number[], from: number, to: number): number[] {
  const n = to - from;
  if (n < 4) return [];
  const best = new Int32Array(n + 1).fill(-1); // fewest words covering [0, k)
  const back = new Int32Array(n + 1);
  best[0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let len = 1; len <= Math.min(LONGEST_SPACED_WORD, k); len++) {
      const prev = best[k - len] ?? -1;
      if (prev < 0) continue;
      if (!SPACED_WORDS.has(String.fromCharCode(...codes.slice(from + k - len, from + k)))) continue;
      if ((best[k] ?? -1) < 0 || prev + 1 < (best[k] ?? 0)) {
        best[k] = prev + 1;
        back[k] = k - len;
      }
    }
  }
  if ((best[n] ?? -1) < 0) return [];
  const cuts: number[] = [];
  for (let k = back[n] ?? 0; k > 0; k = back[k] ?? 0) cuts.push(from + k);
  return cuts;
}

const isVowelLike = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;

/**
 * Pass 4: squeeze stretched words ("diiiie" → "die", "killllll" → "kill",
 * "sooooo" → "so") and runs of spaces. A kept character spans the whole run.
 */
function squeezePass(inp: Buf, out: Buf): void {
  const n = inp.length;
  let i = 0;
  while (i < n) {
    const c = inp.at(i);
    let j = i + 1;
    while (j < n && inp.at(j) === c) j++;
    const run = j - i;
    const start = inp.starts[i] ?? 0;
    const end = inp.ends[j - 1] ?? 0;
    if (c === SPACE) {
      out.push(SPACE, start, end);
    } else if (run >= 3 && isLetter(c)) {
      out.push(c, start, end);
      if (!isVowelLike(c)) out.push(c, start, end);
    } else {
      for (let k = i; k < j; k++) out.push(c, inp.starts[k] ?? 0, inp.ends[k] ?? 0);
    }
    i = j;
  }
}

const MAY_NEED_LEET = /[0-9$@!*]/;
// Three single characters in a row separated by spacers ("k i l l", "d.i.e"); emoji expand with spaces too.
const MAY_NEED_SPACING =
  /(?:^|[^\p{L}\p{N}])[\p{L}\p{N}$@!][ .\-_]{1,2}[\p{L}\p{N}$@!][ .\-_]{1,2}[\p{L}\p{N}$@!](?:[^\p{L}\p{N}]|$)/u;
// Three identical characters, two spaces, or anything non-ASCII (emoji tokens add spaces).
const MAY_NEED_SQUEEZE = /(.)\1\1|\s\s|[^\u0020-\u007e\n\t\r]/s;

const decoder = new TextDecoder('utf-16le');

function toText(buf: Buf): string {
  const u16 = new Uint16Array(buf.length);
  for (let i = 0; i < buf.length; i++) u16[i] = buf.codes[i] ?? 0;
  return decoder.decode(u16);
}

/**
 * Normalise a text for the rules and the model, keeping a map back to the
 * original. `everyPass` skips the cheap checks that let most texts bypass the
 * leetspeak, spacing and squeeze passes (tests compare both).
 */
export function normalise(original: string, everyPass = false): Normalised {
  const capacity = original.length * 3 + 16;
  bufA.reset(capacity);
  bufB.reset(capacity);
  basicPass(original, bufA);
  // Each later pass runs only when the text can need it (most posts need none).
  if (everyPass || MAY_NEED_LEET.test(original)) {
    bufB.reset(bufA.length * 2 + 16);
    leetPass(bufA, bufB);
    [bufA, bufB] = [bufB, bufA];
  }
  if (everyPass || MAY_NEED_SPACING.test(original)) {
    bufB.reset(bufA.length + 16);
    spacingPass(bufA, bufB);
    [bufA, bufB] = [bufB, bufA];
  }
  if (everyPass || MAY_NEED_SQUEEZE.test(original)) {
    bufB.reset(bufA.length + 16);
    squeezePass(bufA, bufB);
    [bufA, bufB] = [bufB, bufA];
  }
  const result = bufA;
  return {
    text: toText(result),
    originStart: result.starts.slice(0, result.length),
    originEnd: result.ends.slice(0, result.length),
  };
}

/** Map a [start, end) span of the normalised text back to the original text. */
export function toOriginalSpan(norm: Normalised, start: number, end: number): { start: number; end: number } {
  const last = norm.text.length - 1;
  if (last < 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, last));
  const e = Math.max(s, Math.min(end - 1, last));
  return { start: norm.originStart[s] ?? 0, end: norm.originEnd[e] ?? 0 };
}
