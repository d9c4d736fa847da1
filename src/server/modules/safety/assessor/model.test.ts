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
