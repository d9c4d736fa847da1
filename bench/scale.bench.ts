// Issue 14: reads and a write on a small and on a 1-million-row database, on
// PostgreSQL and on PGlite, each against a same-run ceiling of the same body size.
//   BENCH_DRIVERS=postgres,pglite   which databases (default both; PostgreSQL at DATABASE_URL,
//                                   default postgres://postgres@127.0.0.1:5432/postgres, in a fresh database)
//   BENCH_SIZES=small,1m            small: the demo community + the bench thread;
//                                   1m: the scale seed (BENCH_SCALE_ROWS, default 1,000,000) + the bench thread
//   BENCH_CASES=thread,feed         only the cases whose name contains one of these
//   BENCH_SECONDS=10                per measurement (Hearth and ceiling each)
import { performance } from 'node:perf_hooks';
import { load, measureCeiling, spawnServer } from './lib/harness.js';
import { SCALE_CASES } from './lib/scale-cases.js';
import { buildScaleFixture } from './lib/scale-fixture.js';
import { printCell, printSummary, type CellResult } from './lib/scale-report.js';

const DRIVERS = { postgres: 'PostgreSQL', pglite: 'PGlite' } as const;
const SIZES = ['small', '1m'] as const;

function listEnv<T extends string>(variable: string, allowed: readonly T[]): T[] {
  const given = process.env[variable]?.split(',').map((each) => each.trim()).filter(Boolean);
  if (!given) return [...allowed];
  for (const each of given) if (!allowed.includes(each as T)) throw new Error(`${variable}: "${each}" is not one of ${allowed.join(', ')}`);
  return given as T[];
}

const drivers = listEnv('BENCH_DRIVERS', Object.keys(DRIVERS) as (keyof typeof DRIVERS)[]);
const sizes = listEnv('BENCH_SIZES', SIZES);
const scaleRows = Number(process.env.BENCH_SCALE_ROWS ?? 1_000_000);
const wantedCases = process.env.BENCH_CASES?.split(',').filter(Boolean);
const cases = SCALE_CASES.filter((each) => !wantedCases || wantedCases.some((wanted) => each.name.includes(wanted)));
const postgresUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const hearthScript = new URL('./lib/serve-hearth.ts', import.meta.url).pathname;

async function measureCell(driver: keyof typeof DRIVERS, size: (typeof SIZES)[number]): Promise<CellResult> {
  const node = await spawnServer(hearthScript, {
    DATABASE_URL: driver === 'postgres' ? postgresUrl : '',
    BENCH_DEMO: size === 'small' ? '1' : '0',
    BENCH_SCALE_ROWS: size === '1m' ? String(scaleRows) : '0',
  });
  try {
    const base = `http://127.0.0.1:${node.port}`;
    const started = performance.now();
    const fixture = await buildScaleFixture(base);
    const cell: CellResult = {
      driver: DRIVERS[driver],
      size,
      scaleRows: size === '1m' ? scaleRows : undefined,
      seedSeconds: node.info.seedSeconds as number | undefined,
      fixtureSeconds: (performance.now() - started) / 1000,
      cases: [],
      skipped: [],
    };
    for (const each of cases) {
      try {
        // Preparing waits for an answer from the node, queued behind whatever the last load left
        // running; only then is the ceiling measured, so it does not share the CPU with that backlog.
        const prepared = await each.prepare(base, fixture);
        const ceiling = await measureCeiling({ bodyBytes: prepared.bytes, method: prepared.load.method, body: prepared.load.body });
        const hearth = await load({ name: each.name, ...prepared.load });
        cell.cases.push({ name: each.name, kind: each.kind, bytes: prepared.bytes, hearth, ceiling });
      } catch (error) {
        cell.skipped.push({ name: each.name, reason: (error as Error).message });
      }
    }
    printCell(cell);
    return cell;
  } finally {
    await node.stop();
  }
}

const runStarted = performance.now();
const cells: CellResult[] = [];
for (const driver of drivers) for (const size of sizes) cells.push(await measureCell(driver, size));
printSummary(cells);
console.log(`\nWhole run: ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);
