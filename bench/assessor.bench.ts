/**
 * Risk assessor throughput (npx tsx bench/assessor.bench.ts).
 *
 * The write path runs `assess` synchronously for every post, reply, message
 * and check-in note, so it must stay far below a request's cost: target
 * ≥ 5,000 typical posts/s on one core (≤ 200 µs each). Texts: the public
 * evaluation data in ../shared/data (real posts, read only, never copied),
 * else the project's corpus. Same-run reference: a plain node:http server
 * answering a small JSON body, measured with autocannon (50 connections, 5 s).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { assess } from '../src/server/modules/safety/assessor/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readTexts(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text?: unknown }).text)
    .filter((t): t is string => typeof t === 'string');
}

function loadTexts(): { texts: string[]; source: string } {
  const dataDir = path.resolve(repoRoot, '../shared/data');
  const files = ['sdcnl-dev.jsonl', 'dreaddit-dev.jsonl']
    .map((f) => path.join(dataDir, f))
    .filter((f) => existsSync(f));
  if (files.length > 0)
    return {
      texts: files.flatMap(readTexts),
      source: `../shared/data (${files.map((f) => path.basename(f)).join(', ')})`,
    };
  const corpusDir = path.join(repoRoot, 'corpus/risk');
  const corpusFiles = existsSync(corpusDir) ? readdir(corpusDir) : [];
  console.log('../shared/data not found: falling back to the project corpus texts');
  return { texts: corpusFiles.flatMap(readTexts), source: 'corpus/risk (fallback)' };
}

function readdir(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

function percentile(sorted: Float64Array, p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function measureAssessor(texts: string[]): {
  postsPerSecond: number;
  p50: number;
  p99: number;
  meanChars: number;
  calls: number;
} {
  // Warm up: let V8 optimise the normaliser, the regexes and the model.
  for (let round = 0; round < 2; round++) for (const t of texts) assess(t);
  const rounds = 3;
  const times = new Float64Array(texts.length * rounds);
  let n = 0;
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    for (const t of texts) {
      const t0 = process.hrtime.bigint();
      assess(t);
      times[n++] = Number(process.hrtime.bigint() - t0) / 1000;
    }
  }
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort();
  const meanChars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  return { postsPerSecond: n / elapsedS, p50: percentile(times, 50), p99: percentile(times, 99), meanChars, calls: n };
}

const SERVER_SOURCE = `
const http = require('node:http');
const body = JSON.stringify({ ok: true, level: 'none' });
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
`;

async function measureHttpCeiling(): Promise<number> {
  const child = spawn(process.execPath, ['-e', SERVER_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
      child.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
    });
    const result = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 50, duration: 5 });
    return result.requests.average;
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const { texts, source } = loadTexts();
  if (texts.length === 0) throw new Error('no texts to assess');
  const a = measureAssessor(texts);
  const httpRps = await measureHttpCeiling();
  const rows: [string, string][] = [
    ['texts', `${texts.length} from ${source}`],
    ['mean text length', `${a.meanChars.toFixed(0)} chars`],
    ['assess() calls timed', `${a.calls} (one core, after 2 warm-up rounds)`],
    ['assessor posts/s', a.postsPerSecond.toFixed(0)],
    ['p50 per post', `${a.p50.toFixed(1)} µs`],
    ['p99 per post', `${a.p99.toFixed(1)} µs`],
    ['target', '≥ 5,000 posts/s (≤ 200 µs)'],
    ['plain node:http req/s', `${httpRps.toFixed(0)} (autocannon, 50 connections, 5 s)`],
    ['assessor posts/s ÷ http req/s', (a.postsPerSecond / httpRps).toFixed(2)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\nrisk assessor benchmark');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

await main();
