/** What `npm run eval:risk` prints (eval.ts computes, this file only formats). */
import { RISK_LEVELS } from '../../src/shared/risk.js';
import type { CheckResult, CheckRow, FloorsFile } from '../../src/server/modules/safety/evaluation/floors.js';
import type { Ratio, SetResult } from '../../src/server/modules/safety/evaluation/measures.js';

const pad = (s: string | number, n: number): string => String(s).padStart(n);
const share = (r: Ratio): string => `${r.hits}/${r.of} = ${r.value === null ? '—' : r.value.toFixed(3)}`;

/** The held-out confusion matrix, per-level precision and recall, and exact-level accuracy. */
export function printConfusion(confusion: SetResult['confusion']): void {
  console.log(`confusion matrix (rows gold, columns predicted)`);
  console.log(`${pad('', 10)}${RISK_LEVELS.map((l) => pad(l, 10)).join('')}`);
  confusion.forEach((row, g) => console.log(`${pad(RISK_LEVELS[g] ?? '', 10)}${row.map((n) => pad(n, 10)).join('')}`));
  console.log(`\n${pad('level', 10)}${pad('precision', 11)}${pad('recall', 9)}${pad('support', 9)}`);
  let correct = 0;
  let total = 0;
  RISK_LEVELS.forEach((level, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    correct += tp;
    const predicted = confusion.reduce((sum, row) => sum + (row[k] ?? 0), 0);
    const support = (confusion[k] ?? []).reduce((sum, n) => sum + n, 0);
    total += support;
    const precision = predicted ? (tp / predicted).toFixed(3) : '—';
    const recall = support ? (tp / support).toFixed(3) : '—';
    console.log(`${pad(level, 10)}${pad(precision, 11)}${pad(recall, 9)}${pad(support, 9)}`);
  });
  console.log(`\naccuracy (exact level): ${total ? (correct / total).toFixed(3) : '—'}`);
}

/** One line of a set's or theme's measures. */
export function measuresLine(result: SetResult): string {
  const m = result.measures;
  return (
    `≥high ${share(m.recallHigh)}, false ${share(m.falseAlarms)}, imminent ${share(m.imminentRecall)}, ` +
    `review ${share(m.reviewRecall)} (none/low ${share(m.reviewNoise)})`
  );
}

/** A line nobody can scroll past. */
export const loud = (text: string): string => `!!! ${text}`;

const num = (x: number | null): string => (x === null ? '—' : x.toFixed(4));
const sign = (row: Pick<CheckRow, 'direction'>): string => (row.direction === 'ceiling' ? '≤' : '≥');

/** The one table: measure, value, bound, PASS/FAIL, aspirational target and whether it is met. */
export function printTable(check: CheckResult, floors: FloorsFile): void {
  const header = ['measure', 'value', 'counts', 'bound', 'check', 'target', 'met'];
  const lines = check.rows.map((r) => [
    r.label,
    num(r.value),
    r.detail,
    r.bound === null ? '—' : `${sign(r)} ${r.bound.toFixed(4)}`,
    r.status,
    r.target ? `${r.target.direction === 'ceiling' ? '≤' : '≥'} ${r.target.target.toFixed(2)}` : '',
    r.target ? (r.target.met === null ? '?' : r.target.met ? 'met' : 'not yet') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(
    `\nfloors: ${floors.modelVersion}, set ${floors.setOn} (tolerance ${floors.tolerance}): "${floors.reason}"`,
  );
  console.log(fmt(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  check.rows.forEach((r, i) => console.log(`${fmt(lines[i] ?? [])}${r.note ? `  (${r.note})` : ''}`.trimEnd()));
  console.log('targets are aspirational: printed, never enforced; the bounds are.');
}
