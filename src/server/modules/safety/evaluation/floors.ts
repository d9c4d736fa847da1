/**
 * The assessor's floors (issue 12): src/server/modules/safety/assessor/floors.json,
 * committed beside weights.json. Each measure (measures.ts) has a bound set at
 * its measured value minus a small tolerance (plus, for a ceiling), so CI fails
 * on a regression, never on the aspirational targets, which the file also holds
 * but which are only printed. Lowering a bound takes `--set-floors --reason`,
 * in the same commit as the weights that need it (corpus/risk/GUIDE.md "Floors").
 * Pure: reading and writing the file is scripts/risk/eval.ts's job.
 */
import { z } from 'zod';
import { MEASURES, measureDefinition, type Direction, type MeasureId, type MeasuredValue } from './measures.js';

/** Absolute slack for rates and AUCs: the assessor is deterministic, so this only allows tiny trade-offs. */
export const TOLERANCE = 0.01;

const directionSchema = z.enum(['floor', 'ceiling']);
const share = z.number().min(0).max(1);

const boundSchema = z.object({
  direction: directionSchema,
  /** The enforced bound: value ≥ bound for a floor, ≤ bound for a ceiling. */
  bound: share,
  /** The value measured when the bound was set. */
  measured: share,
});

const targetSchema = z.object({ direction: directionSchema, target: share });

export const floorsFileSchema = z.object({
  format: z.literal(1),
  modelVersion: z.string().min(1),
  /** sha256 of weights.json as committed when the bounds were set. */
  weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The corpus the held-out split came from (corpus.ts `hash`). */
  corpusHash: z.string().min(1),
  tolerance: z.number().min(0).max(0.1),
  /** YYYY-MM-DD. */
  setOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Why the bounds last changed: required, never empty. */
  reason: z.string().trim().min(1),
  bounds: z.record(z.string(), boundSchema),
  /** Printed as met / not yet; never enforced. */
  targets: z.record(z.string(), targetSchema),
});
export type FloorsFile = z.infer<typeof floorsFileSchema>;

/** The goals of issue 12 (held-out) and part 2 (stress set 2), written into a new floors.json. */
export const ASPIRATIONAL_TARGETS: FloorsFile['targets'] = {
  'heldOut.recallHigh': { direction: 'floor', target: 0.95 },
  'heldOut.falseAlarms': { direction: 'ceiling', target: 0.03 },
  'stress2.recallHigh': { direction: 'floor', target: 0.85 },
  'stress2.falseAlarms': { direction: 'ceiling', target: 0.05 },
  'stress2.imminentRecall': { direction: 'floor', target: 0.8 },
};

export const meets = (direction: Direction, value: number, bound: number): boolean =>
  direction === 'floor' ? value >= bound : value <= bound;

export type CheckStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface CheckRow {
  readonly id: string;
  readonly label: string;
  readonly value: number | null;
  readonly detail: string;
  readonly direction: Direction | null;
  readonly bound: number | null;
  readonly status: CheckStatus;
  readonly target: { readonly direction: Direction; readonly target: number; readonly met: boolean | null } | null;
  /** Why a row was skipped or failed other than by its value. */
  readonly note: string;
}

export interface CheckResult {
  readonly rows: readonly CheckRow[];
  /** One line per enforced bound missed, naming it. */
  readonly failures: readonly string[];
  /** One loud line per measure whose bound was not checked, with the reason. */
  readonly skipped: readonly string[];
}

const fmt = (x: number): string => x.toFixed(4);

/**
 * Compares this run's measures with the file. A measured value below its
 * floor (above its ceiling) fails; so does a measured value with no bound (a
 * new measure must get one) and a bound for a measure this code does not know
 * (a rename would otherwise drop a floor silently). A measure that could not
 * be measured (data not found) is skipped, loudly.
 */
export function checkFloors(values: readonly MeasuredValue[], floors: FloorsFile): CheckResult {
  const rows: CheckRow[] = [];
  const failures: string[] = [];
  const skipped: string[] = [];
  const byId = new Map<string, MeasuredValue>(values.map((v) => [v.id, v]));
  for (const def of MEASURES) {
    const v = byId.get(def.id);
    const b = floors.bounds[def.id];
    const t = floors.targets[def.id];
    const target = t
      ? {
          direction: t.direction,
          target: t.target,
          met: v?.value == null ? null : meets(t.direction, v.value, t.target),
        }
      : null;
    const base = {
      id: def.id,
      label: def.label,
      value: v?.value ?? null,
      detail: v?.detail ?? '',
      direction: b?.direction ?? def.direction,
      bound: b?.bound ?? null,
      target,
    };
    if (v === undefined || v.value === null) {
      const why = v?.skipped ?? 'not measured';
      rows.push({ ...base, status: 'SKIP', note: why });
      if (b) skipped.push(`${def.label}: ${why}; its ${b.direction} ${fmt(b.bound)} is NOT checked`);
      continue;
    }
    if (!b) {
      rows.push({ ...base, status: 'FAIL', note: 'no bound in floors.json' });
      failures.push(`${def.label}: ${fmt(v.value)} has no bound in floors.json (run --set-floors with a reason)`);
      continue;
    }
    if (b.direction !== def.direction) {
      rows.push({
        ...base,
        status: 'FAIL',
        note: `floors.json says ${b.direction}, the measure is a ${def.direction}`,
      });
      failures.push(`${def.label}: floors.json says ${b.direction}, the measure is a ${def.direction}`);
      continue;
    }
    const ok = meets(b.direction, v.value, b.bound);
    rows.push({ ...base, status: ok ? 'PASS' : 'FAIL', note: '' });
    if (!ok)
      failures.push(
        `${def.label}: ${fmt(v.value)} ${b.direction === 'floor' ? '<' : '>'} ${b.direction} ${fmt(b.bound)} (was ${fmt(b.measured)})`,
      );
  }
  for (const id of Object.keys(floors.bounds))
    if (!measureDefinition(id)) failures.push(`floors.json has a bound for "${id}", which is not a measure`);
  return { rows, failures, skipped };
}

/** value − tolerance for a floor, + tolerance for a ceiling; rounded outwards to 4 decimals, kept in [0, 1]. */
export function boundFor(direction: Direction, value: number, tolerance: number): number {
  // toFixed(6) first, so that 0.7 − 0.01 (0.68999…) rounds to 0.69, not 0.6899.
  const scaled = (x: number): number => Number((x * 1e4).toFixed(6));
  const b =
    direction === 'floor' ? Math.floor(scaled(value - tolerance)) / 1e4 : Math.ceil(scaled(value + tolerance)) / 1e4;
  return Math.min(1, Math.max(0, b));
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export interface SetFloorsInput {
  readonly values: readonly MeasuredValue[];
  /** The file as it was, if any: bounds of measures not measured now are kept, and so are its targets. */
  readonly previous: FloorsFile | undefined;
  readonly reason: string | undefined;
  readonly modelVersion: string;
  readonly weightsSha256: string;
  readonly corpusHash: string;
  readonly setOn: string;
  readonly tolerance?: number;
}

export class MissingReasonError extends Error {
  constructor() {
    super('--set-floors needs --reason "…": say why the floors change (it is committed with them)');
  }
}

/** A new floors file from this run's measures; refuses without a reason. */
export function setFloors(input: SetFloorsInput): { file: FloorsFile; kept: string[] } {
  const reason = input.reason?.trim() ?? '';
  if (reason === '') throw new MissingReasonError();
  const tolerance = input.tolerance ?? TOLERANCE;
  const bounds: FloorsFile['bounds'] = {};
  const kept: string[] = [];
  const byId = new Map<MeasureId, MeasuredValue>(input.values.map((v) => [v.id, v]));
  for (const def of MEASURES) {
    const v = byId.get(def.id);
    const old = input.previous?.bounds[def.id];
    if (v?.value != null) {
      bounds[def.id] = {
        direction: def.direction,
        bound: boundFor(def.direction, v.value, tolerance),
        measured: round4(v.value),
      };
    } else if (old) {
      bounds[def.id] = old;
      kept.push(`${def.label}: not measured (${v?.skipped ?? 'no value'}), its old bound is kept`);
    }
  }
  const file: FloorsFile = {
    format: 1,
    modelVersion: input.modelVersion,
    weightsSha256: input.weightsSha256,
    corpusHash: input.corpusHash,
    tolerance,
    setOn: input.setOn,
    reason,
    bounds,
    targets: input.previous?.targets ?? ASPIRATIONAL_TARGETS,
  };
  return { file: floorsFileSchema.parse(file), kept };
}

export type EvalArgs = { readonly setFloors: false } | { readonly setFloors: true; readonly reason: string };

/** `[--set-floors --reason "…"]`; throws on anything else, and on --set-floors without a non-empty reason. */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let set = false;
  let reason: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--set-floors') set = true;
    else if (arg === '--reason') reason = argv[++i];
    else if (arg.startsWith('--reason=')) reason = arg.slice('--reason='.length);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}: usage: eval:risk [--set-floors --reason "…"]`);
  }
  if (!set) {
    if (reason !== undefined) throw new Error('--reason only goes with --set-floors');
    return { setFloors: false };
  }
  if (reason === undefined || reason.trim() === '') throw new MissingReasonError();
  return { setFloors: true, reason: reason.trim() };
}
