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

/**
 * The hashed feature ids of one text, in the order they are met: word
 * unigrams and bigrams first, then character 3–5-grams. Reused between calls.
 * Besides the ids it keeps enough of the text's shape that the ids of a suffix
 * starting after a sentence end (model.ts tailOf) can be read off the same
 * sequence instead of being hashed again (see suffix()).
 */
export class FeatureSequence {
  readonly mask: number;
  /** fmix(hash) & mask per feature, in emission order. */
  ids: Int32Array;
  length = 0;
  /** ids[0, wordCount) are words and bigrams; ids[wordCount, length) are character n-grams. */
  wordCount = 0;
  /** The last text read. */
  text = '';
  /** Clean sequence: " word word word " with single spaces (model alphabet). */
  private chars: Int32Array;
  private n = 0;
  /** cleanAt[i]: length of the clean sequence before text[i] was read. */
  private cleanAt: Int32Array;
  /** wordAt[k]: word and bigram ids emitted before clean position k was read. */
  private wordAt: Int32Array;

  constructor(bits: number) {
    this.mask = (1 << bits) - 1;
    this.ids = new Int32Array(4096);
    this.chars = new Int32Array(4096);
    this.cleanAt = new Int32Array(4096);
    this.wordAt = new Int32Array(4096);
  }

  /** Hash the features of a normalised text (see normalise.ts). */
  read(text: string): void {
    this.text = text;
    const len = text.length;
    // At most: one word and one bigram per character, three n-grams per position.
    const features = len * 5 + 16;
    if (this.ids.length < features) this.ids = new Int32Array(features);
    if (this.chars.length < len + 2) {
      this.chars = new Int32Array(len * 2 + 2);
      this.wordAt = new Int32Array(len * 2 + 3);
    }
    if (this.cleanAt.length < len + 1) this.cleanAt = new Int32Array(len * 2 + 1);
    const chars = this.chars;
    const cleanAt = this.cleanAt;
    let n = 0;
    chars[n++] = SPACE;
    let last = SPACE;
    for (let i = 0; i < len; i++) {
      cleanAt[i] = n;
      const c = text.charCodeAt(i);
      // Model alphabet: letters and digits; apostrophes vanish ("don't" = "dont"); the rest is a space.
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        chars[n++] = c;
        last = c;
      } else if (c !== 39 && last !== SPACE) {
        chars[n++] = SPACE;
        last = SPACE;
      }
    }
    cleanAt[len] = n;
    if (last !== SPACE) chars[n++] = SPACE;
    this.n = n;

    const ids = this.ids;
    const mask = this.mask;
    const wordAt = this.wordAt;
    let m = 0;
    // Words and bigrams.
    let prev = 0;
    let havePrev = false;
    let h = SEED_WORD;
    let inWord = false;
    wordAt[0] = 0;
    for (let i = 1; i < n; i++) {
      wordAt[i] = m;
      const c = chars[i] as number;
      if (c !== SPACE) {
        h = Math.imul(h ^ c, FNV_PRIME);
        inWord = true;
      } else if (inWord) {
        ids[m++] = fmix(h) & mask;
        if (havePrev) ids[m++] = fmix(Math.imul(prev ^ SEED_BIGRAM, FNV_PRIME) ^ Math.imul(h, 0x27d4eb2d)) & mask;
        prev = h;
        havePrev = true;
        h = SEED_WORD;
        inWord = false;
      }
    }
    wordAt[n] = m;
    this.wordCount = m;

    // Character 3–5-grams over the spaced sequence (spaces mark word edges).
    let i = 0;
    for (; i + 5 <= n; i++) {
      let g = Math.imul(SEED_CHAR ^ (chars[i] as number), FNV_PRIME);
      g = Math.imul(g ^ (chars[i + 1] as number), FNV_PRIME);
      g = Math.imul(g ^ (chars[i + 2] as number), FNV_PRIME);
      ids[m++] = fmix(g + 2) & mask;
      g = Math.imul(g ^ (chars[i + 3] as number), FNV_PRIME);
      ids[m++] = fmix(g + 3) & mask;
      g = Math.imul(g ^ (chars[i + 4] as number), FNV_PRIME);
      ids[m++] = fmix(g + 4) & mask;
    }
    for (; i + 3 <= n; i++) {
      let g = SEED_CHAR;
      const stop = n - i;
      for (let k = 0; k < stop; k++) {
        g = Math.imul(g ^ (chars[i + k] as number), FNV_PRIME);
        if (k >= 2) ids[m++] = fmix(g + k) & mask;
      }
    }
    this.length = m;
  }

  /**
   * For a suffix of the last text read, the ids it would have on its own,
   * as three ranges of `ids`: [a0, a1) and [b0, b1) words and bigrams (the
   * bigram joining the suffix to the text before it left out), [c0, length)
   * character n-grams. Null when the suffix does not start at a word edge of
   * the clean sequence (then it must be read itself).
   */
  suffix(tail: string): { a0: number; a1: number; b0: number; c0: number } | null {
    const text = this.text;
    const offset = text.length - tail.length;
    if (offset <= 0 || !text.endsWith(tail)) return null;
    const k = this.cleanAt[offset] as number;
    // The suffix reads " …" from a space: the text before it must have left the clean sequence at a space.
    if (k < 1 || this.chars[k - 1] !== SPACE) return null;
    const b = k - 1;
    const n = this.n;
    const w = this.wordAt[b + 1] as number;
    // The first word of the suffix was followed by its bigram with the word before it, if any.
    const skip = w > 0 && w < this.wordCount ? 1 : 0;
    const a1 = w < this.wordCount ? w + 1 : w;
    // Character n-grams of positions before b: three each, fewer in the last four positions.
    let c0 = this.wordCount;
    const full = Math.min(b, Math.max(0, n - 4));
    c0 += 3 * full;
    for (let i = full; i < b; i++) if (i + 3 <= n) c0 += Math.min(5, n - i) - 2;
    return { a0: w, a1, b0: a1 + skip, c0 };
  }
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
  private readonly sequence: FeatureSequence;
  /** Open-addressing table: slot → index into ids + 1 (0 = empty). */
  private table: Int32Array;
  private tableMask: number;

  constructor(bits: number) {
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.ids = new Int32Array(4096);
    this.counts = new Float32Array(4096);
    this.sequence = new FeatureSequence(bits);
    this.table = new Int32Array(8192);
    this.tableMask = 8191;
  }

  /** Count one feature id. */
  private add(id: number): void {
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
  private reset(features: number): void {
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
    this.reset(text.length * 5 + 16);
    const seq = this.sequence;
    seq.read(text);
    for (let i = 0; i < seq.length; i++) this.add(seq.ids[i] as number);
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
