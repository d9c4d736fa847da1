import { describe, expect, it } from 'vitest';
import { MODEL_ONLY_MIN_WORDS, combineRanks, wordCount } from './combine.js';
import type { CombineParams } from './model.js';

const params: CombineParams = {
  thresholds: { low: 0.5, elevated: 0.5, high: 0.5 },
  maxLift: 1,
  modelOnlyCap: 'high',
  suppressedCap: 'elevated',
  gate: 0.4,
};
const confidentHigh = [0.05, 0.05, 0.1, 0.6, 0.2];
const calm = [0.9, 0.05, 0.03, 0.01, 0.01];

describe('combineRanks', () => {
  it('strong rule evidence wins over a calm model', () => {
    expect(combineRanks(4, 0, null, calm, params).rank).toBe(4);
    expect(combineRanks(3, 0, null, calm, params)).toEqual({ rank: 3, lifted: false, weakConfirmed: false });
  });

  it('a confident model lifts rule evidence by at most maxLift', () => {
    expect(combineRanks(1, 0, null, confidentHigh, params)).toMatchObject({ rank: 2, lifted: true });
    expect(combineRanks(2, 0, null, confidentHigh, params)).toMatchObject({ rank: 3, lifted: true });
  });

  it('with no rule evidence the model decides up to modelOnlyCap', () => {
    expect(combineRanks(0, 0, null, confidentHigh, params).rank).toBe(3);
    expect(combineRanks(0, 0, null, confidentHigh, { ...params, modelOnlyCap: 'elevated' }).rank).toBe(2);
    // With no rule evidence, high needs the model-only bar; with a rule it needs only the general one.
    expect(combineRanks(0, 0, null, confidentHigh, { ...params, modelOnlyHigh: 0.999 }).rank).toBe(2);
    expect(combineRanks(2, 0, null, confidentHigh, { ...params, modelOnlyHigh: 0.999 }).rank).toBe(3);
    expect(combineRanks(0, 0, null, calm, params).rank).toBe(0);
  });

  it('hard modifiers (negation, figurative, helper, quote, lookalike) cap the model at low', () => {
    expect(combineRanks(0, 0, 'hard', confidentHigh, params).rank).toBe(1);
    // …but other rule evidence in the text still counts.
    expect(combineRanks(3, 0, 'hard', confidentHigh, params).rank).toBe(3);
  });

  it('soft modifiers (past, hypothetical, humour) cap at suppressedCap', () => {
    expect(combineRanks(0, 0, 'soft', confidentHigh, params).rank).toBe(2);
  });

  it('a very confident model overrules soft modifiers only (override), never hard ones', () => {
    const sure = [0.01, 0.01, 0.03, 0.45, 0.5];
    expect(combineRanks(0, 0, 'soft', sure, { ...params, override: 0.9 }).rank).toBe(3);
    expect(combineRanks(0, 0, 'soft', confidentHigh, { ...params, override: 0.9 }).rank).toBe(2);
    expect(combineRanks(0, 0, 'hard', sure, { ...params, override: 0.5 }).rank).toBe(1);
  });

  it('concern for someone else stays at elevated for the writer', () => {
    const sure = [0.01, 0.01, 0.03, 0.45, 0.5];
    expect(combineRanks(2, 0, 'other', sure, { ...params, maxLift: 2, override: 0.5 }).rank).toBe(2);
  });

  it('weak cues count only when the model agrees', () => {
    expect(combineRanks(0, 4, null, confidentHigh, params)).toMatchObject({ rank: 4, weakConfirmed: true });
    expect(combineRanks(0, 4, null, calm, params)).toMatchObject({ rank: 0, weakConfirmed: false });
  });

  it("the model's imminent reading raises a text already at high, never one a modifier capped", () => {
    const urgent = [0.02, 0.02, 0.06, 0.3, 0.6];
    const withBar = { ...params, imminent: 0.5 };
    // Rules at high ("I want to die") and a model sure of imminent: imminent.
    expect(combineRanks(3, 0, null, urgent, withBar)).toMatchObject({ rank: 4, lifted: true });
    // The model alone at high, and sure of imminent ("did it. feel weird. sorry").
    expect(combineRanks(0, 0, null, urgent, withBar).rank).toBe(4);
    // Without the bar (older weights) the model can never say imminent.
    expect(combineRanks(3, 0, null, urgent, params).rank).toBe(3);
    // A modifier capped the text: the bar does not apply.
    expect(combineRanks(0, 0, 'soft', urgent, withBar).rank).toBeLessThan(4);
    // Below high it does not apply either: the bar refines an alert, it does not make one.
    expect(combineRanks(0, 0, null, [0.5, 0.1, 0.1, 0.0, 0.3], withBar).rank).toBeLessThan(3);
  });

  it('with no rule evidence, the model alone does not alert on one or two words', () => {
    expect(MODEL_ONLY_MIN_WORDS).toBe(3);
    expect(combineRanks(0, 0, null, confidentHigh, params, wordCount('tonight')).rank).toBe(2);
    expect(combineRanks(0, 0, null, confidentHigh, params, wordCount('ok  tonight ')).rank).toBe(2);
    expect(combineRanks(0, 0, null, confidentHigh, params, wordCount('not ok tonight')).rank).toBe(3);
    // Rule evidence is not bound by it.
    expect(combineRanks(4, 0, null, calm, params, 1).rank).toBe(4);
  });
});
