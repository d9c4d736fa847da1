import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess } from '../assessor/index.js';
import { loadDreaddit, loadSdcnl, loadStressSet, themeOf } from './datasets.js';
import { checkFloors, setFloors } from './floors.js';
import { MEASURES, measureSet, setValues, type MeasuredValue } from './measures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A stand-in for corpus/risk-stress-2 (issue 12 part 2), which may not exist yet. */
const fixture = path.join(here, 'fixtures/risk-stress-2');
const missing = path.join(here, 'fixtures/no-such-folder');

describe('loadStressSet', () => {
  it('reads a stress folder and drops texts the training corpus has', () => {
    const trained = new Set(['this exam is killing me lol']);
    const set = loadStressSet(fixture, trained);
    expect(set.found).toBe(true);
    if (!set.found) return;
    expect(set.examples).toHaveLength(5);
    expect(set.dropped).toBe(1);
    expect(set.invalid).toEqual([]);
    expect([...new Set(set.examples.map((e) => themeOf(e.file)))].sort()).toEqual(['farewell', 'ideation']);
  });

  it('says "not found" for a missing folder', () => {
    expect(loadStressSet(missing, new Set())).toEqual({ found: false, missing });
  });
});

describe('public data', () => {
  it('says which file is missing', () => {
    expect(loadSdcnl(missing)).toEqual({ found: false, missing: path.join(missing, 'sdcnl-dev.jsonl') });
    expect(loadDreaddit(missing)).toEqual({ found: false, missing: path.join(missing, 'dreaddit-dev.jsonl') });
  });
});

describe('stress set 2 end to end (fixture)', () => {
  const others = (): MeasuredValue[] =>
    MEASURES.filter((m) => !m.id.startsWith('stress2.')).map((m) => ({ id: m.id, value: 0.5, detail: '' }));
  const set = loadStressSet(fixture, new Set());
  if (!set.found) throw new Error('fixture missing');
  const measured = setValues(
    'stress2',
    measureSet(set.examples.map((e) => ({ gold: e.level, predicted: assess(e.text).level }))),
  );
  const floors = setFloors({
    values: [...others(), ...measured],
    previous: undefined,
    reason: 'fixture',
    modelVersion: 'v',
    weightsSha256: 'b'.repeat(64),
    corpusHash: 'c',
    setOn: '2026-12-05',
  }).file;

  it('measures the fixture and passes floors set from it', () => {
    expect(measured.find((v) => v.id === 'stress2.recallHigh')?.detail).toBe('3/3');
    expect(checkFloors([...others(), ...measured], floors).failures).toEqual([]);
  });

  it('skips its floors with a loud line when the folder is missing', () => {
    const loaded = loadStressSet(missing, new Set());
    expect(loaded.found).toBe(false);
    const skipped = setValues('stress2', { skipped: 'corpus/risk-stress-2 not found' });
    const r = checkFloors([...others(), ...skipped], floors);
    expect(r.failures).toEqual([]);
    expect(r.rows.filter((row) => row.status === 'SKIP').map((row) => row.id)).toHaveLength(5);
    expect(r.skipped).toHaveLength(5);
    expect(r.skipped[0]).toMatch(/corpus\/risk-stress-2 not found.*NOT checked/);
  });
});
