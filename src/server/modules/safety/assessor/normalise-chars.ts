/** Character tables of the normaliser (normalise.ts): letters, leetspeak, invisible characters, Unicode folding. */

/** '*', which censors a letter ("s*icide"). */
export const STAR = 42;

export function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Leetspeak substitutions, applied only inside words that also contain letters. */
export const LEET = new Map<number, number>([
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

export function isWordish(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 36 || c === 64 || c === 33 || c === STAR;
}

export const ZERO_WIDTH = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x2060 && cp <= 0x2064) ||
  cp === 0xfeff ||
  cp === 0x00ad ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0x0300 && cp <= 0x036f) || // combining marks: "s̶u̶i̶c̶i̶d̶e̶", zalgo
  (cp >= 0x1f3fb && cp <= 0x1f3ff); // skin-tone modifiers

/** Non-ASCII letters folded to ASCII where Unicode allows ("é" → "e", "𝓴" → "k"). */
const foldCache = new Map<number, string>();
export function fold(cp: number): string {
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

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const letterOrNumberCache = new Map<number, boolean>();
export function isLetterOrNumber(cp: number): boolean {
  let known = letterOrNumberCache.get(cp);
  if (known === undefined) {
    known = LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
    if (letterOrNumberCache.size < 65536) letterOrNumberCache.set(cp, known);
  }
  return known;
}
