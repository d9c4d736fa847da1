/**
 * Multinomial logistic regression on hashed TF-IDF features, written out so
 * that training is dependency-free and bit-for-bit deterministic: a seeded
 * mini-batch order, Adam, L2 on the weights, class weights against imbalance.
 */
import { type FeatureCounter, smoothIdf, sublinearTf } from '../assessor/features.js';
import { LEVEL_COUNT, softmaxInto } from '../assessor/model.js';

export interface Hyper {
  readonly bits: number;
  readonly minDf: number;
  readonly l2: number;
  readonly epochs: number;
  readonly batch: number;
  readonly learningRate: number;
  /** Class weight = (n / (K · n_class)) ^ power; 0 = unweighted, 1 = balanced. */
  readonly classWeightPower: number;
  /** Value of a present rule / word-class token (the text block has unit L2 norm). */
  readonly extraScale: number;
  /** Vocabulary size: the features with the highest document frequency (df ≥ minDf). */
  readonly maxFeatures: number;
  readonly seed: number;
}

/** A document as hashed feature counts (ids ascending). */
export interface Doc {
  readonly ids: Int32Array;
  readonly counts: Float32Array;
  /** Binary rule-layer features (analyse.ts ruleTokens). */
  readonly extra: readonly string[];
  readonly label: number;
}

export interface Fitted {
  /** Feature ids (ascending), their idf, and LEVEL_COUNT weights per id, then per rule token. */
  readonly ids: Int32Array;
  readonly idf: Float64Array;
  readonly extra: readonly string[];
  readonly w: Float64Array;
  readonly bias: Float64Array;
}

export function toDoc(counter: FeatureCounter, norm: string, extra: readonly string[], label: number): Doc {
  counter.extract(norm);
  const order = Array.from({ length: counter.size }, (_, i) => i).sort(
    (a, b) => (counter.ids[a] ?? 0) - (counter.ids[b] ?? 0),
  );
  const ids = Int32Array.from(order, (i) => counter.ids[i] ?? 0);
  const counts = Float32Array.from(order, (i) => counter.counts[i] ?? 0);
  return { ids, counts, extra, label };
}

/** mulberry32: a tiny seeded PRNG, so batch order is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vec {
  readonly rows: Int32Array;
  readonly vals: Float64Array;
}

/** TF-IDF rows restricted to the vocabulary, L2-normalised (as model.ts does at run time). */
function vectorise(
  doc: Doc,
  rowOf: Map<number, number>,
  idf: Float64Array,
  extraRow: Map<string, number>,
  extraScale: number,
): Vec {
  const rows: number[] = [];
  const vals: number[] = [];
  let norm = 0;
  for (let i = 0; i < doc.ids.length; i++) {
    const r = rowOf.get(doc.ids[i] ?? -1);
    if (r === undefined) continue;
    const v = sublinearTf(doc.counts[i] ?? 0) * (idf[r] ?? 0);
    rows.push(r);
    vals.push(v);
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < vals.length; i++) vals[i] = (vals[i] ?? 0) * inv;
  // Rule features are binary and sit outside the L2-normalised text block.
  for (const token of doc.extra) {
    const r = extraRow.get(token);
    if (r === undefined) continue;
    rows.push(r);
    vals.push(extraScale);
  }
  return { rows: Int32Array.from(rows), vals: Float64Array.from(vals) };
}

export function fitOn(
  docs: readonly Doc[],
  vocab: Int32Array,
  idf: Float64Array,
  extra: readonly string[],
  h: Hyper,
): Fitted {
  const rowOf = new Map<number, number>();
  vocab.forEach((id, r) => rowOf.set(id, r));
  const extraRow = new Map<string, number>();
  extra.forEach((t, r) => extraRow.set(t, vocab.length + r));
  const vecs = docs.map((d) => vectorise(d, rowOf, idf, extraRow, h.extraScale));
  const K = LEVEL_COUNT;
  const V = vocab.length + extra.length;
  const classCount = new Float64Array(K);
  for (const d of docs) classCount[d.label] = (classCount[d.label] ?? 0) + 1;
  const cw = Float64Array.from(classCount, (c) => (c > 0 ? Math.pow(docs.length / (K * c), h.classWeightPower) : 0));

  const w = new Float64Array(V * K);
  const bias = new Float64Array(K);
  const mW = new Float64Array(V * K);
  const vW = new Float64Array(V * K);
  const mB = new Float64Array(K);
  const vB = new Float64Array(K);
  const gW = new Float64Array(V * K);
  const gB = new Float64Array(K);
  const logits = new Float64Array(K);
  const probs = new Float64Array(K);
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const random = rng(h.seed);
  const order = docs.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < h.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (let start = 0; start < order.length; start += h.batch) {
      const end = Math.min(order.length, start + h.batch);
      gW.fill(0);
      gB.fill(0);
      let weightSum = 0;
      for (let b = start; b < end; b++) weightSum += cw[docs[order[b] ?? 0]?.label ?? 0] ?? 0;
      for (let b = start; b < end; b++) {
        const idx = order[b] ?? 0;
        const vec = vecs[idx];
        const doc = docs[idx];
        if (vec === undefined || doc === undefined) continue;
        logits.set(bias);
        for (let f = 0; f < vec.rows.length; f++) {
          const base = (vec.rows[f] ?? 0) * K;
          const x = vec.vals[f] ?? 0;
          for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + x * (w[base + k] ?? 0);
        }
        softmaxInto(logits, probs);
        const scale = (cw[doc.label] ?? 0) / weightSum;
        for (let k = 0; k < K; k++) {
          const g = ((probs[k] ?? 0) - (k === doc.label ? 1 : 0)) * scale;
          gB[k] = (gB[k] ?? 0) + g;
          for (let f = 0; f < vec.rows.length; f++) {
            const at = (vec.rows[f] ?? 0) * K + k;
            gW[at] = (gW[at] ?? 0) + g * (vec.vals[f] ?? 0);
          }
        }
      }
      step++;
      const c1 = 1 - Math.pow(b1, step);
      const c2 = 1 - Math.pow(b2, step);
      for (let i = 0; i < w.length; i++) {
        const g = (gW[i] ?? 0) + h.l2 * (w[i] ?? 0);
        const m = (mW[i] = b1 * (mW[i] ?? 0) + (1 - b1) * g);
        const v = (vW[i] = b2 * (vW[i] ?? 0) + (1 - b2) * g * g);
        w[i] = (w[i] ?? 0) - (h.learningRate * (m / c1)) / (Math.sqrt(v / c2) + eps);
      }
      for (let k = 0; k < K; k++) {
        const g = gB[k] ?? 0;
        const m = (mB[k] = b1 * (mB[k] ?? 0) + (1 - b1) * g);
        const v = (vB[k] = b2 * (vB[k] ?? 0) + (1 - b2) * g * g);
        bias[k] = (bias[k] ?? 0) - (h.learningRate * (m / c1)) / (Math.sqrt(v / c2) + eps);
      }
    }
  }
  return { ids: vocab, idf, extra, w, bias };
}

/**
 * Vocabulary and smoothed idf from document frequencies: features in at least
 * minDf documents, the maxFeatures most frequent of them (ties by id, so the
 * choice is deterministic). Label-free, so it may be computed once on the whole
 * training split and shared by the cross-validation folds.
 */
export function vocabulary(
  docs: readonly Doc[],
  h: Pick<Hyper, 'minDf' | 'maxFeatures'>,
): { vocab: Int32Array; idf: Float64Array; extra: string[] } {
  const df = new Map<number, number>();
  for (const d of docs) for (const id of d.ids) df.set(id, (df.get(id) ?? 0) + 1);
  const kept = [...df.entries()]
    .filter(([, n]) => n >= h.minDf)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, h.maxFeatures)
    .map(([id]) => id);
  const vocab = Int32Array.from(kept).sort();
  const idf = Float64Array.from(vocab, (id) => smoothIdf(docs.length, df.get(id) ?? 0));
  const tokenDf = new Map<string, number>();
  for (const d of docs) for (const t of d.extra) tokenDf.set(t, (tokenDf.get(t) ?? 0) + 1);
  const extra = [...tokenDf.entries()]
    .filter(([, n]) => n >= h.minDf)
    .map(([t]) => t)
    .sort();
  return { vocab, idf, extra };
}

/** The mean of models that share one vocabulary: a bagged model whose logits are the mean logits. */
export function average(models: readonly Fitted[]): Fitted {
  const first = models[0];
  if (first === undefined) throw new Error('nothing to average');
  const w = new Float64Array(first.w.length);
  const bias = new Float64Array(first.bias.length);
  for (const m of models) {
    for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) + (m.w[i] ?? 0) / models.length;
    for (let k = 0; k < bias.length; k++) bias[k] = (bias[k] ?? 0) + (m.bias[k] ?? 0) / models.length;
  }
  return { ids: first.ids, idf: first.idf, extra: first.extra, w, bias };
}

/** A predictor for documents under a fitted (unquantised) model. */
export function predictor(model: Fitted, extraScale: number): (doc: Doc) => Float64Array {
  const K = LEVEL_COUNT;
  const rowOf = new Map<number, number>();
  model.ids.forEach((id, r) => rowOf.set(id, r));
  const extraRow = new Map<string, number>();
  model.extra.forEach((t, r) => extraRow.set(t, model.ids.length + r));
  return (doc) => {
    const vec = vectorise(doc, rowOf, model.idf, extraRow, extraScale);
    const logits = Float64Array.from(model.bias);
    for (let f = 0; f < vec.rows.length; f++) {
      const base = (vec.rows[f] ?? 0) * K;
      for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + (vec.vals[f] ?? 0) * (model.w[base + k] ?? 0);
    }
    const out = new Float64Array(K);
    softmaxInto(logits, out);
    return out;
  };
}
