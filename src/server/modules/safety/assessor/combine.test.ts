import { describe, expect, it } from 'vitest';
import { combineRanks } from './combine.js';
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
});
