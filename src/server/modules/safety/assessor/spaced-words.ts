/** Splitting letter-spaced phrases into words for the normaliser's spacing pass (normalise.ts). */

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
export function segmentWords(codes: readonly number[], from: number, to: number): number[] {
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
