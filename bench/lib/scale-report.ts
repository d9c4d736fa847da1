// The scale benchmark's tables, summary and target checks (issue 14 "Targets").
import type { LoadResult } from './harness.js';

export interface CaseResult {
  name: string;
  kind: 'read' | 'write';
  bytes: number;
  hearth: LoadResult;
  ceiling: LoadResult;
}

export interface CellResult {
  driver: string;
  size: string;
  /** The scale seed's rows (1m cells). */
  scaleRows?: number;
  seedSeconds?: number;
  fixtureSeconds: number;
  cases: CaseResult[];
  /** Cases that could not be measured in this cell, with the reason. */
  skipped: { name: string; reason: string }[];
}

const ratio = (row: CaseResult) => row.hearth.requestsPerSecond / row.ceiling.requestsPerSecond;

export function printCell(cell: CellResult): void {
  const seeded = cell.seedSeconds === undefined ? '' : `, scale seed of ${cell.scaleRows} rows in ${cell.seedSeconds.toFixed(0)} s`;
  console.log(`\n${cell.driver}, ${cell.size} database (50 connections${seeded}, bench thread ${cell.fixtureSeconds.toFixed(0)} s)`);
  console.log(['benchmark'.padEnd(26), 'bytes'.padStart(7), 'req/s'.padStart(8), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'ceiling'.padStart(8), 'vs ceil'.padStart(8), 'errors'.padStart(7)].join(' '));
  for (const row of cell.cases) {
    console.log(
      [
        row.name.padEnd(26),
        String(row.bytes).padStart(7),
        row.hearth.requestsPerSecond.toFixed(0).padStart(8),
        row.hearth.p50Ms.toFixed(1).padStart(7),
        row.hearth.p99Ms.toFixed(1).padStart(7),
        row.ceiling.requestsPerSecond.toFixed(0).padStart(8),
        ratio(row).toFixed(3).padStart(8),
        String(row.hearth.errors + row.hearth.non2xx).padStart(7),
      ].join(' '),
    );
  }
  for (const row of cell.cases.filter((each) => each.hearth.answered === 0)) console.log(`${row.name.padEnd(26)} answered nothing within the window (BENCH_SECONDS): every request took longer`);
  for (const skipped of cell.skipped) console.log(`${skipped.name.padEnd(26)} not measured: ${skipped.reason}`);
}

const verdict = (ok: boolean) => (ok ? 'MET ' : 'MISS');

/** Every read's 1M-row throughput against its small-database throughput, and the PostgreSQL targets. */
export function printSummary(cells: CellResult[]): void {
  console.log('\nSummary: reads at 1M rows as a share of the small database (target ≥ 0.67, i.e. within 1.5×)');
  for (const driver of new Set(cells.map((cell) => cell.driver))) {
    const small = cells.find((cell) => cell.driver === driver && cell.size === 'small');
    const large = cells.find((cell) => cell.driver === driver && cell.size === '1m');
    if (!small || !large) continue;
    for (const row of large.cases.filter((each) => each.kind === 'read')) {
      const before = small.cases.find((each) => each.name === row.name);
      if (!before) continue;
      if (before.hearth.answered === 0) {
        console.log(`MISS ${driver.padEnd(10)} ${row.name.padEnd(26)} nothing answered on the small database: no ratio`);
        continue;
      }
      const share = row.hearth.requestsPerSecond / before.hearth.requestsPerSecond;
      console.log(`${verdict(share >= 1 / 1.5)} ${driver.padEnd(10)} ${row.name.padEnd(26)} ${before.hearth.requestsPerSecond.toFixed(0).padStart(7)} → ${row.hearth.requestsPerSecond.toFixed(0).padStart(7)} req/s  ${share.toFixed(2)}`);
    }
  }
  console.log('\nChecks on PostgreSQL (vs the size-matched ceiling, 50 connections)');
  const targets = [
    { name: 'thread, first page', share: 0.1, p99: 50 },
    { name: 'home feed', share: 0.1, p99: 50 },
    { name: 'reply create', share: 0.02, p99: 100 },
  ];
  for (const cell of cells.filter((each) => each.driver === 'PostgreSQL')) {
    for (const target of targets) {
      const row = cell.cases.find((each) => each.name === target.name);
      if (!row || row.hearth.answered === 0) {
        console.log(`MISS ${cell.size.padEnd(6)} ${target.name}: ${row ? 'nothing answered within the window' : 'not measured'}`);
        continue;
      }
      const ok = ratio(row) >= target.share && row.hearth.p99Ms < target.p99 && row.hearth.errors + row.hearth.non2xx === 0;
      console.log(`${verdict(ok)} ${cell.size.padEnd(6)} ${target.name.padEnd(20)} ${ratio(row).toFixed(3)} of ceiling (≥ ${target.share}), p99 ${row.hearth.p99Ms.toFixed(0)} ms (< ${target.p99}), ${row.hearth.errors + row.hearth.non2xx} errors`);
    }
  }
}
