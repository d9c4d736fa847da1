/**
 * Text normalisation for the risk assessor.
 *
 * People hide risk words from filters ("su1c1de", "k i l l  m y s e l f",
 * "s*icide", "🪦", "diiiie"), so rules and the model read a normalised copy.
 * Every normalised character remembers the span of the original text it came
 * from, so that evidence shown to moderators points into what the member wrote.
 */
import { CENSORED_WORDS, EMOJI_TOKENS } from './lexicon.js';
import { Buf } from './normalise-buffer.js';
import { LEET, STAR, ZERO_WIDTH, fold, isLetter, isLetterOrNumber, isWordish } from './normalise-chars.js';
import { segmentWords } from './spaced-words.js';

export interface Normalised {
  /** Lower-cased, de-obfuscated text. Sentence punctuation and newlines are kept. */
  readonly text: string;
  /** originStart[i]: index in the original of the first code unit behind text[i]. */
  readonly originStart: Int32Array;
  /** originEnd[i]: index in the original just past the last code unit behind text[i]. */
  readonly originEnd: Int32Array;
}

let bufA = new Buf(4096);
let bufB = new Buf(4096);

const SPACE = 32;
const NEWLINE = 10;
const APOS = 39;
const QUOTE = 34;

/**
 * Classes of the original's code points for the spacing check, filled by pass 1:
 * \p{L} or \p{N}, a character that may be spaced out ([\p{L}\p{N}$@!]), a gap ([ .\-_]).
 */
const SPACED_LN = 1 | 2;
const SPACED_CHAR = 2;
const SPACED_GAP = 4;
const ASCII_SPACING_CLASS = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    ? SPACED_LN
    : c === 36 || c === 64 || c === 33
      ? SPACED_CHAR
      : c === 32 || c === 46 || c === 45 || c === 95
        ? SPACED_GAP
        : 0,
);
let spacingClasses = new Uint8Array(4096);
let spacingLength = 0;

/** What pass 1 learnt of the original text, for the later passes' cheap checks: a character leetspeak or censoring may use. */
const SEEN_LEET = 1;
/** Something the squeeze pass may change. */
const SEEN_SQUEEZE = 2;

/** ASCII whitespace that \s matches: tab, newline, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === SPACE;
}

/**
 * Pass 1: strip invisible characters, lower-case, fold Unicode, map emoji to
 * words. Returns Seen flags about the original (code units, as the checks
 * read it).
 */
function basicPass(src: string, out: Buf): number {
  if (spacingClasses.length < src.length) spacingClasses = new Uint8Array(src.length * 2);
  const classes = spacingClasses;
  let q = 0;
  let codes = out.codes;
  let starts = out.starts;
  let ends = out.ends;
  const n = src.length;
  let o = out.length;
  let seen = 0;
  // The two previous code units, for "three identical" and "two spaces".
  let p1 = -1;
  let p2 = -1;
  for (let i = 0; i < n;) {
    const c = src.charCodeAt(i);
    if (c < 128) {
      // Printable ASCII, tab, newline and carriage return are what the squeeze check lets through one by one.
      if (
        (c < 32 && c !== 9 && c !== 10 && c !== 13) ||
        c === 127 ||
        (c === p1 && c === p2) ||
        (isAsciiSpace(c) && isAsciiSpace(p1))
      )
        seen |= SEEN_SQUEEZE;
      if ((c >= 48 && c <= 57) || c === 36 || c === 64 || c === 33 || c === STAR) seen |= SEEN_LEET;
      p2 = p1;
      p1 = c;
      classes[q++] = ASCII_SPACING_CLASS[c] as number;
      if (o === codes.length) {
        out.length = o;
        out.grow();
        codes = out.codes;
        starts = out.starts;
        ends = out.ends;
      }
      codes[o] = c >= 65 && c <= 90 ? c + 32 : c === 9 || c === 13 ? SPACE : c;
      starts[o] = i;
      ends[o] = i + 1;
      o++;
      i++;
      continue;
    }
    seen |= SEEN_SQUEEZE;
    const cp = src.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const end = i + width;
    classes[q++] = isLetterOrNumber(cp) ? SPACED_LN : 0;
    out.length = o;
    if (ZERO_WIDTH(cp)) {
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
    o = out.length;
    // push may have grown the buffer.
    codes = out.codes;
    starts = out.starts;
    ends = out.ends;
    i = end;
  }
  out.length = o;
  spacingLength = q;
  return seen;
}

const NUMBER_WITH_UNIT = /^\d+(?:st|nd|rd|th|am|pm|mg|ml|yo|y|yr|yrs|k|x|s|h|hr|hrs|min|mins|g|kg|lb|lbs|ish|m|d|w)?$/;

/**
 * Pass 2: leetspeak and censored words ("k1ll", "$uicide", "s*icide"), per
 * word, in place: a word is replaced by one of the same length, so every
 * character keeps its place and its span.
 */
function leetPass(buf: Buf): void {
  const n = buf.length;
  const codes = buf.codes;
  const at = (k: number): number => codes[k] ?? 0;
  let k = 0;
  while (k < n) {
    // Only words with a digit, $ @ ! or * can change: find one, then its word.
    const ck = at(k);
    if (!((ck >= 48 && ck <= 57) || ck === 36 || ck === 64 || ck === 33 || ck === STAR)) {
      k++;
      continue;
    }
    let i = k;
    while (i > 0 && isWordish(at(i - 1))) i--;
    let j = i;
    let letters = 0;
    let leet = 0;
    let stars = 0;
    while (j < n && isWordish(at(j))) {
      const cj = at(j);
      if (isLetter(cj)) letters++;
      else if (cj === STAR) stars++;
      else leet++;
      j++;
    }
    k = j;
    // "@name" is a mention and "die!" an exclamation: only mid-word @ and ! are leet.
    let wordStart = i;
    let wordEnd = j;
    while (wordStart < wordEnd && (at(wordStart) === 64 || at(wordStart) === 33 || at(wordStart) === STAR)) wordStart++;
    while (wordEnd > wordStart && (at(wordEnd - 1) === 33 || at(wordEnd - 1) === STAR)) wordEnd--;
    let word = '';
    for (let m = wordStart; m < wordEnd; m++) word += String.fromCharCode(at(m));
    let replacement: string | null = null;
    if (letters > 0 && stars > 0 && word.includes('*')) replacement = uncensor(word);
    if (replacement === null && letters > 0 && leet > 0 && !NUMBER_WITH_UNIT.test(word)) {
      let mapped = '';
      for (let m = 0; m < word.length; m++) {
        const code = word.charCodeAt(m);
        mapped += String.fromCharCode(LEET.get(code) ?? code);
      }
      replacement = mapped;
    }
    if (replacement !== null)
      for (let m = 0; m < replacement.length; m++) codes[wordStart + m] = replacement.charCodeAt(m);
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
        for (let from = 0; from < idx.length;) {
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

const isVowelLike = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;

/**
 * Pass 4: squeeze stretched words ("diiiie" → "die", "killllll" → "kill",
 * "sooooo" → "so") and runs of spaces. A kept character spans the whole run.
 * In place: the text only shrinks, so writes never overtake reads.
 */
function squeezePass(buf: Buf): void {
  const n = buf.length;
  const codes = buf.codes;
  const starts = buf.starts;
  const ends = buf.ends;
  let w = 0;
  let i = 0;
  while (i < n) {
    const c = codes[i] ?? 0;
    let j = i + 1;
    while (j < n && (codes[j] ?? 0) === c) j++;
    if (c === SPACE || (j - i >= 3 && isLetter(c))) {
      const start = starts[i] ?? 0;
      const end = ends[j - 1] ?? 0;
      codes[w] = c;
      starts[w] = start;
      ends[w] = end;
      w++;
      if (c !== SPACE && !isVowelLike(c)) {
        codes[w] = c;
        starts[w] = start;
        ends[w] = end;
        w++;
      }
    } else if (w === i) {
      w = j;
    } else {
      for (let k = i; k < j; k++) {
        codes[w] = c;
        starts[w] = starts[k] ?? 0;
        ends[w] = ends[k] ?? 0;
        w++;
      }
    }
    i = j;
  }
  buf.length = w;
}

// The cheap checks that let most texts skip a pass, as regular expressions on the original text
// (pass 1 answers them on the way, see basicPass and mayNeedSpacing):
// leet      /[0-9$@!*]/
// spacing   /(?:^|[^\p{L}\p{N}])[\p{L}\p{N}$@!][ .\-_]{1,2}[\p{L}\p{N}$@!][ .\-_]{1,2}[\p{L}\p{N}$@!](?:[^\p{L}\p{N}]|$)/u
//           (three single characters in a row separated by spacers: "k i l l", "d.i.e")
// squeeze   /(.)\1\1|\s\s|[^\u0020-\u007e\n\t\r]/s
//           (three identical characters, two spaces, or anything non-ASCII: emoji tokens add spaces)

/** The spacing check on the original, read off the code point classes pass 1 left in spacingClasses. */
function mayNeedSpacing(): boolean {
  const cls = spacingClasses;
  const n = spacingLength;
  // A spaced character starting the run: at the start or after no letter or digit.
  const startsRun = (a: number): boolean =>
    a >= 0 && ((cls[a] as number) & SPACED_CHAR) !== 0 && (a === 0 || ((cls[a - 1] as number) & 1) === 0);
  // A spaced character ending the run: followed by the end or by no letter or digit.
  const endsRun = (c: number): boolean =>
    c < n && ((cls[c] as number) & SPACED_CHAR) !== 0 && (c + 1 === n || ((cls[c + 1] as number) & 1) === 0);
  // Look for the middle character of the three: one spaced character between gaps.
  for (let b = 1; b + 1 < n; b++) {
    if (((cls[b + 1] as number) & SPACED_GAP) === 0) continue;
    if (((cls[b] as number) & SPACED_CHAR) === 0 || ((cls[b - 1] as number) & SPACED_GAP) === 0) continue;
    const left = startsRun(b - 2) || (b >= 3 && ((cls[b - 2] as number) & SPACED_GAP) !== 0 && startsRun(b - 3));
    if (!left) continue;
    if (endsRun(b + 2) || (b + 3 < n && ((cls[b + 2] as number) & SPACED_GAP) !== 0 && endsRun(b + 3))) return true;
  }
  return false;
}

const decoder = new TextDecoder('utf-16le');

function toText(buf: Buf): string {
  if (buf.length <= buf.codes.length) return decoder.decode(buf.codes.subarray(0, buf.length));
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
  // Pass 1 also answers the leet and squeeze checks, and leaves what the spacing check reads.
  const seen = basicPass(original, bufA);
  // Each later pass runs only when the text can need it (most posts need none).
  if (everyPass || (seen & SEEN_LEET) !== 0) leetPass(bufA);
  if (everyPass || mayNeedSpacing()) {
    bufB.reset(bufA.length + 16);
    spacingPass(bufA, bufB);
    [bufA, bufB] = [bufB, bufA];
  }
  if (everyPass || (seen & SEEN_SQUEEZE) !== 0) squeezePass(bufA);
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
