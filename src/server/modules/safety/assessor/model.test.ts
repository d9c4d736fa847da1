import { describe, expect, it } from 'vitest';
import { FeatureCounter } from './features.js';
import { LinearModel, modelRank, probAtLeast, type WeightsFile } from './model.js';

function weightsFor(text: string, weight: number[]): WeightsFile {
  const counter = new FeatureCounter(12);
  counter.extract(text);
  const ids = Array.from(counter.ids.slice(0, counter.size)).sort((a, b) => a - b);
  const deltas = ids.map((id, i) => id - (i === 0 ? 0 : (ids[i - 1] ?? 0)));
  return {
    format: 1,
    version: 'lr-test',
    trainedAt: '2026-01-01',
    corpusHash: 'test',
    corpus: {},
    hyperparameters: {},
    bits: 12,
    classes: ['none', 'low', 'elevated', 'high', 'imminent'],
    scale: 1000,
    bias: [0, 0, 0, 0, 0],
    ids: deltas,
    idf: ids.map(() => 1000),
    weights: ids.flatMap(() => weight.map((w) => w * 1000)),
    ruleFeatures: ['rule:plan'],
    ruleWeights: [0, 0, 0, 0, 5000],
    combine: {
      thresholds: { low: 0.5, elevated: 0.5, high: 0.5 },
      maxLift: 1,
      modelOnlyCap: 'high',
      suppressedCap: 'low',
      gate: 0.5,
    },
  };
}

describe('LinearModel', () => {
  it('is uniform with zero weights and no features', () => {
    const model = new LinearModel(weightsFor('x', [0, 0, 0, 0, 0]));
    const p = model.predict('');
    for (const x of p) expect(x).toBeCloseTo(0.2, 6);
  });

  it('moves probability towards the weighted level for known features', () => {
    const model = new LinearModel(weightsFor('tonight is the night', [0, 0, 0, 3, 0]));
    const p = model.predict('tonight is the night');
    expect(p[3]).toBeGreaterThan(0.5);
    expect(probAtLeast(p, 3)).toBeGreaterThan(0.5);
    // An unrelated text shares no features and stays uniform.
    const q = model.predict('zzzz qqqq');
    expect(q[3]).toBeCloseTo(0.2, 2);
  });

  it('counts repeated features once with sublinear tf, exactly as the trainer counts them', () => {
    const file = weightsFor('pills pills tonight', [0, 0, 1, 2, 3]);
    const model = new LinearModel(file);
    const text = 'pills pills pills tonight maybe not';
    // Reference: the trainer's counter, restricted to the model's features.
    const known = new Set<number>();
    let id = 0;
    for (const d of file.ids) known.add((id += d));
    const counter = new FeatureCounter(12);
    counter.extract(text);
    let norm = 0;
    for (let i = 0; i < counter.size; i++) {
      if (!known.has(counter.ids[i] ?? -1)) continue;
      const c = counter.counts[i] ?? 0;
      norm += (1 + Math.log(c)) ** 2;
    }
    let dot = 0;
    for (let i = 0; i < counter.size; i++) if (known.has(counter.ids[i] ?? -1)) dot += 1 + Math.log(counter.counts[i] ?? 1);
    const x = dot / Math.sqrt(norm);
    const logits = [0, 0, x, 2 * x, 3 * x];
    const z = logits.reduce((sum, l) => sum + Math.exp(l), 0);
    const p = model.predict(text);
    logits.forEach((l, k) => expect(p[k]).toBeCloseTo(Math.exp(l) / z, 3));
    // The same model gives the same answer twice (the per-text counts are reset).
    expect(Array.from(model.predict(text))).toEqual(Array.from(p));
  });

  it('scores a tail the same whether or not the whole text was read just before (features reused)', () => {
    const whole = 'long day at work. the pills are on my desk. tonight is the night, pills pills';
    const file = weightsFor(whole, [0, 0.5, 1, 2, 3]);
    const tail = whole.slice(whole.indexOf(' the pills') + 1);
    const warm = new LinearModel(file);
    warm.predict(whole);
    const reused = Array.from(warm.predict(tail));
    const fresh = Array.from(new LinearModel(file).predict(tail));
    expect(reused).toEqual(fresh);
    // A different text after the tail is counted afresh, not as a suffix.
    expect(Array.from(warm.predict('pills'))).toEqual(Array.from(new LinearModel(file).predict('pills')));
  });

  it('adds rule-token weights outside the text block', () => {
    const model = new LinearModel(weightsFor('x', [0, 0, 0, 0, 0]));
    expect(model.predict('', ['rule:plan'])[4]).toBeGreaterThan(0.9);
    expect(model.predict('', ['rule:unknown'])[4]).toBeCloseTo(0.2, 6);
  });

  it('turns cumulative probabilities into a level with the tuned thresholds', () => {
    const params = {
      thresholds: { low: 0.5, elevated: 0.5, high: 0.5 },
      maxLift: 1,
      modelOnlyCap: 'high' as const,
      suppressedCap: 'low' as const,
      gate: 0.5,
    };
    expect(modelRank([0.1, 0.1, 0.1, 0.6, 0.1], params)).toBe(3);
    expect(modelRank([0.2, 0.2, 0.5, 0.05, 0.05], params)).toBe(2);
    expect(modelRank([0.9, 0.05, 0.05, 0, 0], params)).toBe(0);
  });

  it('rejects inconsistent weight files', () => {
    const bad = { ...weightsFor('x', [0, 0, 0, 0, 0]), idf: [] };
    expect(() => new LinearModel(bad)).toThrow();
  });
});
