import { describe, expect, it } from 'vitest';
import type { RiskLevel } from '../../../../shared/risk.js';
import { MEASURES, measureExternal, measureSet, rocAuc, setValues } from './measures.js';

const pairs = (...rows: [RiskLevel, RiskLevel][]) => rows.map(([gold, predicted]) => ({ gold, predicted }));

describe('measureSet', () => {
  const result = measureSet(
    pairs(
      ['imminent', 'imminent'],
      ['imminent', 'high'],
      ['imminent', 'elevated'],
      ['high', 'high'],
      ['high', 'low'],
      ['elevated', 'imminent'],
      ['none', 'none'],
      ['none', 'elevated'],
      ['low', 'high'],
      ['low', 'low'],
    ),
  );

  it('counts recall of high+imminent at ≥ high and false alarms among none/low only', () => {
    expect(result.measures.recallHigh).toEqual({ hits: 3, of: 5, value: 0.6 });
    // The gold elevated text predicted imminent is neither a catch nor a false alarm.
    expect(result.measures.falseAlarms).toEqual({ hits: 1, of: 4, value: 0.25 });
  });

  it('counts imminent rated imminent, not merely ≥ high', () => {
    expect(result.measures.imminentRecall).toEqual({ hits: 1, of: 3, value: 1 / 3 });
  });

  it('counts human-review coverage at ≥ elevated, and what it costs on none/low', () => {
    expect(result.measures.reviewRecall).toEqual({ hits: 4, of: 5, value: 0.8 });
    expect(result.measures.reviewNoise).toEqual({ hits: 2, of: 4, value: 0.5 });
  });

  it('fills the confusion matrix by gold row and predicted column', () => {
    expect(result.confusion[4]).toEqual([0, 0, 1, 1, 1]);
    expect(result.confusion[2]).toEqual([0, 0, 0, 0, 1]);
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('gives no value, not 0 or 1, when there is nothing to count', () => {
    const empty = measureSet(pairs(['none', 'none']));
    expect(empty.measures.recallHigh.value).toBeNull();
    expect(empty.measures.imminentRecall.value).toBeNull();
    expect(setValues('stress1', empty).find((v) => v.id === 'stress1.recallHigh')?.skipped).toMatch(/0 of 0/);
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 for all ties', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
  });

  it('counts ties half', () => {
    // pos {0.5, 0.9} vs neg {0.5, 0.1}: pairs won 1 + 1 + 1 + 0.5 of 4.
    expect(rocAuc([0.5, 0.9, 0.5, 0.1], [true, true, false, false])).toBe(0.875);
  });
});

describe('measureExternal', () => {
  it('gives the AUC and each class’s share at ≥ high', () => {
    const r = measureExternal([
      { positive: true, score: 0.9, predicted: 'high' },
      { positive: true, score: 0.4, predicted: 'elevated' },
      { positive: false, score: 0.5, predicted: 'imminent' },
      { positive: false, score: 0.1, predicted: 'none' },
    ]);
    expect(r.auc).toBe(0.75);
    expect(r.positiveAtHigh.value).toBe(0.5);
    expect(r.negativeAtHigh).toEqual({ hits: 1, of: 2, value: 0.5 });
  });

  it('has no AUC with one class only', () => {
    expect(measureExternal([{ positive: true, score: 0.9, predicted: 'high' }]).auc).toBeNull();
  });
});

describe('MEASURES', () => {
  it('has five measures per labelled set and three on public data, with unique ids', () => {
    expect(MEASURES).toHaveLength(18);
    expect(new Set(MEASURES.map((m) => m.id)).size).toBe(18);
    expect(MEASURES.filter((m) => m.direction === 'ceiling').map((m) => m.id)).toEqual([
      'heldOut.falseAlarms',
      'heldOut.reviewNoise',
      'stress1.falseAlarms',
      'stress1.reviewNoise',
      'stress2.falseAlarms',
      'stress2.reviewNoise',
      'dreaddit.calmAtHigh',
    ]);
  });
});
