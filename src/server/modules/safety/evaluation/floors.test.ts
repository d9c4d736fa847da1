import { describe, expect, it } from 'vitest';
import {
  ASPIRATIONAL_TARGETS,
  MissingReasonError,
  boundFor,
  checkFloors,
  floorsFileSchema,
  parseEvalArgs,
  setFloors,
  type FloorsFile,
} from './floors.js';
import { MEASURES, type MeasureId, type MeasuredValue } from './measures.js';

const HASH = 'a'.repeat(64);

/** Every measure at `value`, except the ones overridden. */
function values(overrides: Partial<Record<MeasureId, number | null>> = {}): MeasuredValue[] {
  return MEASURES.map((m) => {
    const v = m.id in overrides ? (overrides[m.id] ?? null) : 0.5;
    return v === null
      ? { id: m.id, value: null, detail: '', skipped: 'data/x not found' }
      : { id: m.id, value: v, detail: '' };
  });
}

const floorsFrom = (measured: MeasuredValue[], previous?: FloorsFile): FloorsFile =>
  setFloors({
    values: measured,
    previous,
    reason: 'test',
    modelVersion: 'rules-5+lr-test',
    weightsSha256: HASH,
    corpusHash: 'c',
    setOn: '2026-12-05',
  }).file;

describe('checkFloors', () => {
  const floors = floorsFrom(values());

  it('passes when every measure is where the floors were set', () => {
    const r = checkFloors(values(), floors);
    expect(r.failures).toEqual([]);
    expect(r.rows.every((row) => row.status === 'PASS')).toBe(true);
  });

  it('passes a drop within the tolerance', () => {
    expect(checkFloors(values({ 'heldOut.recallHigh': 0.4951 }), floors).failures).toEqual([]);
  });

  it('fails a floor missed, naming it', () => {
    const r = checkFloors(values({ 'heldOut.recallHigh': 0.48 }), floors);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/held-out: high\+imminent at ≥ high.*0\.4800 < floor 0\.4900/);
    expect(r.rows.find((row) => row.id === 'heldOut.recallHigh')?.status).toBe('FAIL');
  });

  it('works the other way for a ceiling: a lower value passes, a higher one fails', () => {
    expect(checkFloors(values({ 'heldOut.falseAlarms': 0.1 }), floors).failures).toEqual([]);
    const r = checkFloors(values({ 'heldOut.falseAlarms': 0.52 }), floors);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/false alarms.*0\.5200 > ceiling 0\.5100/);
  });

  it('skips, loudly, a measure whose data set is missing, and fails nothing for it', () => {
    const r = checkFloors(values({ 'stress2.recallHigh': null, 'sdcnl.auc': null }), floors);
    expect(r.failures).toEqual([]);
    expect(r.rows.find((row) => row.id === 'stress2.recallHigh')).toMatchObject({
      status: 'SKIP',
      note: 'data/x not found',
    });
    expect(r.skipped).toEqual([
      expect.stringMatching(/^stress 2: .*data\/x not found; its floor 0\.4900 is NOT checked/),
      expect.stringMatching(/^sdcnl: .*NOT checked/),
    ]);
  });

  it('fails a measured value with no bound, and a bound for an unknown measure', () => {
    const partial: FloorsFile = { ...floors, bounds: { ...floors.bounds } };
    delete partial.bounds['stress2.imminentRecall'];
    partial.bounds['heldOut.renamed'] = { direction: 'floor', bound: 0.5, measured: 0.5 };
    const r = checkFloors(values(), partial);
    expect(r.failures).toEqual([
      expect.stringMatching(/^stress 2: imminent rated imminent: 0\.5000 has no bound/),
      expect.stringMatching(/"heldOut\.renamed", which is not a measure/),
    ]);
  });

  it('fails a bound whose direction disagrees with the measure', () => {
    const flipped: FloorsFile = {
      ...floors,
      bounds: { ...floors.bounds, 'heldOut.falseAlarms': { direction: 'floor', bound: 0.1, measured: 0.1 } },
    };
    expect(checkFloors(values(), flipped).failures).toEqual([
      expect.stringMatching(/says floor, the measure is a ceiling/),
    ]);
  });

  it('reports the aspirational targets as met or not, never as failures', () => {
    const r = checkFloors(
      values({ 'heldOut.recallHigh': 0.96, 'heldOut.falseAlarms': 0.5 }),
      floorsFrom(values({ 'heldOut.recallHigh': 0.96 })),
    );
    expect(r.failures).toEqual([]);
    expect(r.rows.find((row) => row.id === 'heldOut.recallHigh')?.target).toEqual({
      direction: 'floor',
      target: 0.95,
      met: true,
    });
    expect(r.rows.find((row) => row.id === 'heldOut.falseAlarms')?.target).toEqual({
      direction: 'ceiling',
      target: 0.03,
      met: false,
    });
  });
});

describe('setFloors', () => {
  it('sets a floor at value − tolerance and a ceiling at value + tolerance, with the value measured', () => {
    const f = floorsFrom(values({ 'heldOut.recallHigh': 0.8294, 'heldOut.falseAlarms': 0.0709 }));
    expect(f.bounds['heldOut.recallHigh']).toEqual({ direction: 'floor', bound: 0.8194, measured: 0.8294 });
    expect(f.bounds['heldOut.falseAlarms']).toEqual({ direction: 'ceiling', bound: 0.0809, measured: 0.0709 });
    expect(f.tolerance).toBe(0.01);
    expect(f.targets).toEqual(ASPIRATIONAL_TARGETS);
    expect(floorsFileSchema.parse(JSON.parse(JSON.stringify(f)))).toEqual(f);
  });

  it('rounds outwards and stays within [0, 1]', () => {
    expect(boundFor('floor', 0.123456, 0.01)).toBe(0.1134);
    expect(boundFor('ceiling', 0.123456, 0.01)).toBe(0.1335);
    expect(boundFor('floor', 0.005, 0.01)).toBe(0);
    expect(boundFor('ceiling', 0.995, 0.01)).toBe(1);
  });

  it('keeps the old bound of a measure not measured this run, and says so', () => {
    const first = floorsFrom(values());
    const { file, kept } = setFloors({
      values: values({ 'sdcnl.auc': null, 'heldOut.recallHigh': 0.7 }),
      previous: first,
      reason: 'retrained',
      modelVersion: 'v2',
      weightsSha256: HASH,
      corpusHash: 'c',
      setOn: '2026-12-06',
    });
    expect(file.bounds['sdcnl.auc']).toEqual(first.bounds['sdcnl.auc']);
    expect(file.bounds['heldOut.recallHigh']?.bound).toBe(0.69);
    expect(kept).toEqual([expect.stringMatching(/^sdcnl: .*old bound is kept/)]);
  });

  it('refuses without a reason', () => {
    for (const reason of [undefined, '', '   '])
      expect(() =>
        setFloors({
          values: values(),
          previous: undefined,
          reason,
          modelVersion: 'v',
          weightsSha256: HASH,
          corpusHash: 'c',
          setOn: '2026-12-05',
        }),
      ).toThrow(MissingReasonError);
  });

  it('makes a file the schema refuses without a reason', () => {
    const f = floorsFrom(values());
    expect(floorsFileSchema.safeParse({ ...f, reason: ' ' }).success).toBe(false);
  });
});

describe('parseEvalArgs', () => {
  it('checks by default', () => {
    expect(parseEvalArgs([])).toEqual({ setFloors: false });
  });

  it('takes --set-floors with a reason', () => {
    expect(parseEvalArgs(['--set-floors', '--reason', 'retrained on w4'])).toEqual({
      setFloors: true,
      reason: 'retrained on w4',
    });
    expect(parseEvalArgs(['--reason=why', '--set-floors'])).toEqual({ setFloors: true, reason: 'why' });
  });

  it('refuses --set-floors without a reason, or with an empty one', () => {
    expect(() => parseEvalArgs(['--set-floors'])).toThrow(MissingReasonError);
    expect(() => parseEvalArgs(['--set-floors', '--reason'])).toThrow(MissingReasonError);
    expect(() => parseEvalArgs(['--set-floors', '--reason', ' '])).toThrow(MissingReasonError);
  });

  it('refuses unknown arguments and a reason without --set-floors', () => {
    expect(() => parseEvalArgs(['--set-floor'])).toThrow(/unknown argument/);
    expect(() => parseEvalArgs(['--reason', 'x'])).toThrow(/only goes with --set-floors/);
  });
});
