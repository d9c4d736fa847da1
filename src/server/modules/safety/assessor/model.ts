/**
 * The linear text model: hashed TF-IDF features (features.ts) and a
 * multinomial logistic regression over the five risk levels, trained by
 * scripts/risk/train.ts on the project's own corpus (corpus/risk) and
 * committed as weights.json. Runtime cost is one pass over the text plus one
 * multiply-add per present feature and level.
 */
import { z } from 'zod';
import { RISK_LEVELS } from '../../../../shared/risk.js';
import { FeatureCounter } from './features.js';

export const LEVEL_COUNT = RISK_LEVELS.length;

/** How the model's probabilities turn into a level, tuned by train.ts on the training split only. */
export const combineSchema = z.object({
  /** P(level ≥ low/elevated/high) needed for the model to propose that level. */
  thresholds: z.object({ low: z.number(), elevated: z.number(), high: z.number() }),
  /** Most levels the model may add above the rules' level. */
  maxLift: z.number().int().min(0).max(4),
  /** Highest level the model alone (no rule evidence) may give. */
  modelOnlyCap: z.enum(RISK_LEVELS),
  /** Highest level when a modifier cancelled a rule hit and no other rule says more. */
  suppressedCap: z.enum(RISK_LEVELS),
  /** P(level ≥ elevated) at which context-needing rule hits count. */
  gate: z.number(),
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

export class LinearModel {
  readonly version: string;
  readonly combine: CombineParams;
  readonly empty: boolean;
  private readonly counter: FeatureCounter;
  /** rowOf[featureId] = row in idf/weights, or -1 when the feature is not in the model. */
  private readonly rowOf: Int32Array;
  private readonly idf: Float32Array;
  private readonly w: Float32Array;
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
    this.counter = new FeatureCounter(parsed.bits);
    this.rowOf = new Int32Array(1 << parsed.bits).fill(-1);
    this.idf = new Float32Array(parsed.ids.length);
    this.w = new Float32Array(parsed.weights.length);
    this.bias = Float64Array.from(parsed.bias, (b) => b / parsed.scale);
    let id = 0;
    for (let r = 0; r < parsed.ids.length; r++) {
      id += parsed.ids[r] ?? 0;
      this.rowOf[id] = r;
      this.idf[r] = (parsed.idf[r] ?? 0) / parsed.scale;
    }
    for (let i = 0; i < parsed.weights.length; i++) this.w[i] = (parsed.weights[i] ?? 0) / parsed.scale;
    if (parsed.ruleWeights.length !== parsed.ruleFeatures.length * LEVEL_COUNT) throw new Error('weights.json: rule weights length');
    parsed.ruleFeatures.forEach((token, r) => this.ruleRow.set(token, r));
    this.ruleW = Float64Array.from(parsed.ruleWeights, (x) => x / parsed.scale);
  }

  /** Probability of each level (none … imminent) for a NORMALISED text and its rule tokens. */
  predict(normText: string, ruleTokens: readonly string[] = []): Float64Array {
    const out = new Float64Array(LEVEL_COUNT);
    const logits = this.logits;
    logits.set(this.bias);
    for (const token of ruleTokens) {
      const r = this.ruleRow.get(token);
      if (r === undefined) continue;
      for (let k = 0; k < LEVEL_COUNT; k++) logits[k] = (logits[k] as number) + (this.ruleW[r * LEVEL_COUNT + k] as number);
    }
    if (!this.empty) {
      const counter = this.counter;
      counter.extract(normText);
      const { ids, counts } = counter;
      const rowOf = this.rowOf;
      const idf = this.idf;
      const w = this.w;
      // One pass: accumulate un-normalised dot products and the squared norm,
      // then scale once (the L2 norm only rescales the sum).
      let norm = 0;
      let l0 = 0;
      let l1 = 0;
      let l2 = 0;
      let l3 = 0;
      let l4 = 0;
      for (let i = 0; i < counter.size; i++) {
        const id = ids[i] as number;
        const row = rowOf[id] as number;
        if (row < 0) continue;
        const c = counts[i] as number;
        const v = (c === 1 ? 1 : 1 + Math.log(c)) * (idf[row] as number);
        norm += v * v;
        const base = row * 5;
        l0 += v * (w[base] as number);
        l1 += v * (w[base + 1] as number);
        l2 += v * (w[base + 2] as number);
        l3 += v * (w[base + 3] as number);
        l4 += v * (w[base + 4] as number);
      }
      if (norm > 0) {
        const inv = 1 / Math.sqrt(norm);
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
