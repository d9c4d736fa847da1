/**
 * Hashed text features for the linear model: word unigrams, word bigrams and
 * character 3–5-grams of the normalised text, hashed into 2^bits buckets.
 * Hashing keeps the committed weights free of vocabulary strings and makes
 * extraction allocation-free (no substrings are built). Shared by the runtime
 * model and scripts/risk/train.ts so both see exactly the same features.
 */

const FNV_PRIME = 16777619;
const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x2f6b9d1;
const SEED_CHAR = 0x5bd1e995;
const SPACE = 32;

/** Final avalanche (MurmurHash3 fmix32) so that low bits are well mixed before masking. */
export function fmix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Model alphabet: letters and digits; apostrophes vanish ("don't" = "dont"); the rest is a space. */
function modelChar(c: number): number {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return c;
  if (c === 39) return -1;
  return SPACE;
}

/**
 * Counts of hashed features for one text; reused between calls. Distinct ids
 * are deduplicated in a small open-addressing table sized to the text (it
 * stays in cache, unlike a dense 2^bits array).
 */
export class FeatureCounter {
  readonly bits: number;
  readonly mask: number;
  /** Distinct feature ids seen in the last text, in first-seen order. */
  ids: Int32Array;
  /** counts[i]: occurrences of ids[i]. */
  counts: Float32Array;
  size = 0;
  private chars: Int32Array;
  /** Open-addressing table: slot → index into ids + 1 (0 = empty). */
  private table: Int32Array;
  private tableMask: number;

  constructor(bits: number) {
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.ids = new Int32Array(4096);
    this.counts = new Float32Array(4096);
    this.chars = new Int32Array(4096);
    this.table = new Int32Array(8192);
    this.tableMask = 8191;
  }

  /** Count one hashed feature (subclasses may count something else, see model.ts RowCounter). */
  protected add(hash: number): void {
    const id = fmix(hash) & this.mask;
    const table = this.table;
    let slot = Math.imul(id, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.tableMask;
      const at = table[slot] as number;
      if (at === 0) break;
      if (this.ids[at - 1] === id) {
        this.counts[at - 1] = (this.counts[at - 1] as number) + 1;
        return;
      }
      slot++;
    }
    const index = this.size++;
    this.ids[index] = id;
    this.counts[index] = 1;
    table[slot] = index + 1;
  }

  /** Prepare the table for a text that yields at most `features` features. */
  protected reset(features: number): void {
    if (this.ids.length < features) {
      this.ids = new Int32Array(features);
      this.counts = new Float32Array(features);
    }
    let size = 8192;
    while (size < features * 2) size *= 2;
    if (this.table.length !== size) {
      this.table = new Int32Array(size);
      this.tableMask = size - 1;
    } else {
      this.table.fill(0);
    }
    this.size = 0;
  }

  /** Extract the features of a normalised text (see normalise.ts). */
  extract(text: string): void {
    // At most: one word and one bigram per character, three n-grams per position.
    this.reset(text.length * 5 + 16);
    // Clean sequence: " word word word " with single spaces.
    if (this.chars.length < text.length + 2) this.chars = new Int32Array(text.length * 2 + 2);
    const chars = this.chars;
    let n = 0;
    chars[n++] = SPACE;
    for (let i = 0; i < text.length; i++) {
      const c = modelChar(text.charCodeAt(i));
      if (c < 0) continue;
      if (c === SPACE && chars[n - 1] === SPACE) continue;
      chars[n++] = c;
    }
    if (chars[n - 1] !== SPACE) chars[n++] = SPACE;

    // Words and bigrams.
    let prev = 0;
    let havePrev = false;
    let h = SEED_WORD;
    let inWord = false;
    for (let i = 1; i < n; i++) {
      const c = chars[i] ?? SPACE;
      if (c !== SPACE) {
        h = Math.imul(h ^ c, FNV_PRIME);
        inWord = true;
      } else if (inWord) {
        this.add(h);
        if (havePrev) this.add(Math.imul(prev ^ SEED_BIGRAM, FNV_PRIME) ^ Math.imul(h, 0x27d4eb2d));
        prev = h;
        havePrev = true;
        h = SEED_WORD;
        inWord = false;
      }
    }

    // Character 3–5-grams over the spaced sequence (spaces mark word edges).
    for (let i = 0; i + 3 <= n; i++) {
      let g = SEED_CHAR;
      const stop = Math.min(5, n - i);
      for (let k = 0; k < stop; k++) {
        g = Math.imul(g ^ (chars[i + k] ?? 0), FNV_PRIME);
        if (k >= 2) this.add(g + k);
      }
    }
  }
}

/** Sublinear term frequency, as in scikit-learn's TfidfVectorizer(sublinear_tf=True). */
export function sublinearTf(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

/** Smoothed inverse document frequency (scikit-learn's smooth_idf). */
export function smoothIdf(docCount: number, docFreq: number): number {
  return Math.log((1 + docCount) / (1 + docFreq)) + 1;
}
