/**
 * The linear text model: hashed TF-IDF features (features.ts) and a
 * multinomial logistic regression over the five risk levels, trained by
 * scripts/risk/train.ts on the project's own corpus (corpus/risk) and
 * committed as weights.json. Runtime cost is one pass over the text plus one
 * multiply-add per present feature and level.
 */
import { z } from 'zod';
import { RISK_LEVELS } from '../../../../shared/risk.js';
import { FeatureSequence } from './features.js';

export const LEVEL_COUNT = RISK_LEVELS.length;
/** Packed row: idf + LEVEL_COUNT weights as Int16, then an Int32 count (16 bytes: one cache line). */
const ROW = 8;

/** How the model's probabilities turn into a level, tuned by train.ts on the training split only. */
export const combineSchema = z.object({
  /** P(level ≥ low/elevated/high) needed for the model to propose that level. */
  thresholds: z.object({ low: z.number(), elevated: z.number(), high: z.number() }),
  /** Most levels the model may add above the rules' level. */
  maxLift: z.number().int().min(0).max(4),
  /** Highest level the model alone (no rule evidence) may give. */
  modelOnlyCap: z.enum(RISK_LEVELS),
  /**
   * P(level ≥ high) the model alone (no rule evidence at all) needs to
   * propose high (absent: thresholds.high). A short everyday post ("early
   * night tonight") shares words with farewells; with no rule evidence the
   * model must be surer before the safety team is alerted.
   */
  modelOnlyHigh: z.number().optional(),
  /**
   * P(level = imminent) at which a text already at high (by the rules or the
   * model) becomes imminent, when no modifier capped it (absent: never).
   */
  imminent: z.number().optional(),
  /** Highest level when a modifier cancelled a rule hit and no other rule says more. */
  suppressedCap: z.enum(RISK_LEVELS),
  /** P(level ≥ elevated) at which context-needing rule hits count. */
  gate: z.number(),
  /**
   * P(level ≥ high) at which the model overrules a modifier's cap (absent:
   * never). Modifiers misread some crises ("not going travelling", "lol"
   * after a dated plan); a missed crisis costs far more than a false alarm.
   */
  override: z.number().optional(),
});
export type CombineParams = z.infer<typeof combineSchema>;

export const weightsSchema = z.object({
  format: z.literal(1),
  version: z.string(),
  trainedAt: z.string(),
  corpusHash: z.string(),
  corpus: z.record(z.string(), z.number()),
  hyperparameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  bits: z.number().int().min(8).max(24),
  classes: z.array(z.enum(RISK_LEVELS)).length(LEVEL_COUNT),
  /** Integers: real value = stored / scale. */
  scale: z.number().positive(),
  bias: z.array(z.number()).length(LEVEL_COUNT),
  /** Feature ids, delta-encoded (first id, then differences), ascending. */
  ids: z.array(z.number().int()),
  /** idf per id, × scale. */
  idf: z.array(z.number().int()),
  /** LEVEL_COUNT weights per id, × scale, row-major. */
  weights: z.array(z.number().int()),
  /** Binary features from the rule layer (analyse.ts ruleTokens), added after the text block. */
  ruleFeatures: z.array(z.string()),
  /** LEVEL_COUNT weights per rule feature, × scale. */
  ruleWeights: z.array(z.number().int()),
  combine: combineSchema,
});
export type WeightsFile = z.infer<typeof weightsSchema>;

/** Float32 counts (as the trainer keeps them) stop growing at 2^24. */
const MAX_COUNT = 16777216;
/** TF[c] = 1 + Math.log(c), the sublinear term frequency of small counts. */
const TF_TABLE_SIZE = 256;
const TF = Float64Array.from({ length: TF_TABLE_SIZE }, (_, c) => 1 + Math.log(c));

/**
 * The runtime's feature counter: it counts straight into the model's rows and
 * drops features the model does not know, so duplicates are found by a count
 * kept next to each row's weights (reset after each text) instead of a hash
 * table (same counts, same features, in the same first-seen order, as
 * FeatureCounter gives the trainer for the features in the model).
 */
class RowCounter {
  /** Rows (1-based, as in rowOf) seen in the last text, in first-seen order (one spare slot). */
  readonly seen: Int32Array;
  seenSize = 0;
  readonly sequence: FeatureSequence;
  /** rowSeq[i]: the row (1-based, 0 = unknown) of sequence.ids[i]. */
  private rowSeq = new Int32Array(4096);

  constructor(
    bits: number,
    private readonly rowOf: Uint16Array | Uint32Array,
    rowCount: number,
    /**
     * Per row, Int32 slot 3 of its 16-byte record: occurrences in the current
     * text. Record 0 stands for features the model does not know.
     */
    private readonly counts: Int32Array,
  ) {
    this.sequence = new FeatureSequence(bits);
    this.seen = new Int32Array(rowCount + 1);
  }

  /** Count rows rowSeq[from, to). Branch-free: row 0 is counted in record 0 but never listed as seen. */
  private count(from: number, to: number): void {
    const rowSeq = this.rowSeq;
    const counts = this.counts;
    const seen = this.seen;
    let size = this.seenSize;
    for (let i = from; i < to; i++) {
      const row = rowSeq[i] as number;
      const slot = (row << 2) | 3;
      const c = counts[slot] as number;
      counts[slot] = c + 1;
      seen[size] = row;
      // Listed when first seen (c = 0) and known (row > 0).
      size += ((c - 1) >>> 31) & (-row >>> 31);
    }
    this.seenSize = size;
  }

  /** Count the model's features in a normalised text (reusing the last text's features for its tail). */
  extract(text: string): void {
    const seq = this.sequence;
    const suffix = seq.text.length > 0 ? seq.suffix(text) : null;
    this.seenSize = 0;
    if (suffix !== null) {
      this.count(suffix.a0, suffix.a1);
      this.count(suffix.b0, seq.wordCount);
      this.count(suffix.c0, seq.length);
      return;
    }
    seq.read(text);
    if (this.rowSeq.length < seq.length) this.rowSeq = new Int32Array(seq.ids.length);
    const ids = seq.ids;
    const rowSeq = this.rowSeq;
    const rowOf = this.rowOf;
    for (let i = 0; i < seq.length; i++) rowSeq[i] = rowOf[ids[i] as number] as number;
    this.count(0, seq.length);
  }

  /** Forget the last text's counts. */
  clear(): void {
    const counts = this.counts;
    const seen = this.seen;
    for (let i = 0; i < this.seenSize; i++) counts[((seen[i] as number) << 2) | 3] = 0;
    counts[3] = 0;
    this.seenSize = 0;
  }
}

export class LinearModel {
  readonly version: string;
  readonly combine: CombineParams;
  readonly empty: boolean;
  private readonly counter: RowCounter;
  /** rowOf[featureId] = row + 1 in `rows`, or 0 when the feature is not in the model. */
  private readonly rowOf: Uint16Array | Uint32Array;
  /**
   * Per row: idf then one weight per level as 16-bit integers, then the
   * row's count in the current text as a 32-bit integer, packed in 16 bytes so
   * that one lookup touches one cache line; the table then fits the CPU cache
   * far better than floats would. idfScale / wScale turn them back into reals.
   */
  private readonly rows: Int16Array;
  /** The same records as 32-bit words: slot 3 of each is the row's count in the current text. */
  private readonly counts: Int32Array;
  private readonly idfScale: number;
  private readonly wScale: number;
  private readonly bias: Float64Array;
  private readonly ruleRow = new Map<string, number>();
  private readonly ruleW: Float64Array;
  private readonly logits = new Float64Array(LEVEL_COUNT);

  constructor(file: unknown) {
    const parsed = weightsSchema.parse(file);
    if (parsed.idf.length !== parsed.ids.length || parsed.weights.length !== parsed.ids.length * LEVEL_COUNT) {
      throw new Error('weights.json: ids, idf and weights lengths disagree');
    }
    this.version = parsed.version;
    this.combine = parsed.combine;
    this.empty = parsed.ids.length === 0;
    this.rowOf = parsed.ids.length < 65535 ? new Uint16Array(1 << parsed.bits) : new Uint32Array(1 << parsed.bits);
    // Record r (1-based, as rowOf gives it) per row; record 0 counts the features the model does not know.
    const buffer = new ArrayBuffer((parsed.ids.length + 1) * ROW * 2);
    this.rows = new Int16Array(buffer);
    let maxIdf = 1e-9;
    let maxW = 1e-9;
    for (const x of parsed.idf) maxIdf = Math.max(maxIdf, Math.abs(x));
    for (const x of parsed.weights) maxW = Math.max(maxW, Math.abs(x));
    const idfToInt = 32000 / maxIdf;
    const wToInt = 32000 / maxW;
    this.idfScale = 1 / (idfToInt * parsed.scale);
    this.wScale = 1 / (wToInt * parsed.scale);
    this.bias = Float64Array.from(parsed.bias, (b) => b / parsed.scale);
    let id = 0;
    for (let r = 0; r < parsed.ids.length; r++) {
      id += parsed.ids[r] ?? 0;
      this.rowOf[id] = r + 1;
      this.rows[(r + 1) * ROW] = Math.round((parsed.idf[r] ?? 0) * idfToInt);
      for (let k = 0; k < LEVEL_COUNT; k++)
        this.rows[(r + 1) * ROW + 1 + k] = Math.round((parsed.weights[r * LEVEL_COUNT + k] ?? 0) * wToInt);
    }
    this.counts = new Int32Array(buffer);
    this.counter = new RowCounter(parsed.bits, this.rowOf, Math.max(1, parsed.ids.length), this.counts);
    if (parsed.ruleWeights.length !== parsed.ruleFeatures.length * LEVEL_COUNT)
      throw new Error('weights.json: rule weights length');
    parsed.ruleFeatures.forEach((token, r) => this.ruleRow.set(token, r));
    this.ruleW = Float64Array.from(parsed.ruleWeights, (x) => x / parsed.scale);
  }

  /** The rule / word-class tokens' contribution to the logits (compute once, reuse for the tail). */
  tokenLogits(tokens: readonly string[]): Float64Array {
    const sum = new Float64Array(LEVEL_COUNT);
    for (const token of tokens) {
      const r = this.ruleRow.get(token);
      if (r === undefined) continue;
      for (let k = 0; k < LEVEL_COUNT; k++) sum[k] = (sum[k] as number) + (this.ruleW[r * LEVEL_COUNT + k] as number);
    }
    return sum;
  }

  /** Probability of each level (none … imminent) for a NORMALISED text and its tokens (or their tokenLogits). */
  predict(normText: string, ruleTokens: readonly string[] | Float64Array = []): Float64Array {
    const out = new Float64Array(LEVEL_COUNT);
    const logits = this.logits;
    logits.set(this.bias);
    const tokenLogits = ruleTokens instanceof Float64Array ? ruleTokens : this.tokenLogits(ruleTokens);
    for (let k = 0; k < LEVEL_COUNT; k++) logits[k] = (logits[k] as number) + (tokenLogits[k] as number);
    if (!this.empty) {
      const counter = this.counter;
      counter.extract(normText);
      const seen = counter.seen;
      const rows = this.rows;
      const counts = this.counts;
      const idfScale = this.idfScale;
      // One pass: accumulate un-normalised dot products and the squared norm,
      // then scale once (the L2 norm only rescales the sum).
      let norm = 0;
      let l0 = 0;
      let l1 = 0;
      let l2 = 0;
      let l3 = 0;
      let l4 = 0;
      for (let i = 0; i < counter.seenSize; i++) {
        const row = seen[i] as number;
        const base = row * ROW;
        const c = counts[(row << 2) | 3] as number;
        // TF[1] = 1 exactly; a Float32 count (as the trainer keeps them) stops at 2^24.
        const v =
          (c < TF_TABLE_SIZE ? (TF[c] as number) : 1 + Math.log(c < MAX_COUNT ? c : MAX_COUNT)) *
          (rows[base] as number) *
          idfScale;
        norm += v * v;
        l0 += v * (rows[base + 1] as number);
        l1 += v * (rows[base + 2] as number);
        l2 += v * (rows[base + 3] as number);
        l3 += v * (rows[base + 4] as number);
        l4 += v * (rows[base + 5] as number);
      }
      counter.clear();
      if (norm > 0) {
        const inv = this.wScale / Math.sqrt(norm);
        logits[0] = (logits[0] as number) + l0 * inv;
        logits[1] = (logits[1] as number) + l1 * inv;
        logits[2] = (logits[2] as number) + l2 * inv;
        logits[3] = (logits[3] as number) + l3 * inv;
        logits[4] = (logits[4] as number) + l4 * inv;
      }
    }
    softmaxInto(logits, out);
    return out;
  }
}

/** Numerically stable softmax. */
export function softmaxInto(logits: ArrayLike<number>, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < out.length; k++) max = Math.max(max, logits[k] ?? 0);
  let sum = 0;
  for (let k = 0; k < out.length; k++) {
    const e = Math.exp((logits[k] ?? 0) - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < out.length; k++) out[k] = (out[k] ?? 0) / sum;
}

/** P(level ≥ rank) from a distribution over levels. */
export function probAtLeast(probs: ArrayLike<number>, rank: number): number {
  let p = 0;
  for (let k = rank; k < probs.length; k++) p += probs[k] ?? 0;
  return Math.min(1, Math.max(0, p));
}

/** The level rank the model proposes, from cumulative probabilities and tuned thresholds. */
export function modelRank(probs: ArrayLike<number>, params: CombineParams): number {
  if (probAtLeast(probs, 3) >= params.thresholds.high) return 3;
  if (probAtLeast(probs, 2) >= params.thresholds.elevated) return 2;
  if (probAtLeast(probs, 1) >= params.thresholds.low) return 1;
  return 0;
}

/**
 * The last two sentences of a long text, or null. A long ordinary post whose
 * last line turns dark ("late turn", GUIDE.md) dilutes that line in the
 * whole-text features; the assessor also scores the tail and keeps the more
 * urgent reading (see pickUrgent).
 */
export function tailOf(normText: string): string | null {
  if (normText.length < 300) return null;
  let ends = 0;
  for (let i = normText.length - 2; i >= 0; i--) {
    const c = normText.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) {
      ends++;
      if (ends === 2) return i > 150 ? normText.slice(i + 1) : null;
    }
  }
  return null;
}

/** Of two distributions, the one with the higher P(level ≥ high). */
export function pickUrgent(whole: Float64Array, tail: Float64Array | null): Float64Array {
  return tail !== null && probAtLeast(tail, 3) > probAtLeast(whole, 3) ? tail : whole;
}
