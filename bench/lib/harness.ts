import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { BENCH_PASSWORD } from './members.js';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Requests autocannon gave up on (10 s by default); also counted in `errors`. */
  timeouts: number;
  non2xx: number;
  /** Responses received in the window (0: the server answered nothing in time). */
  answered: number;
}

export interface Spawned {
  port: number;
  /** The server's process id (memory.bench.ts reads its resident size from /proc). */
  pid: number;
  info: Record<string, unknown>;
  /** Lines the server printed after its port line with a `report` object (serve-hearth.ts with BENCH_REPORT_MS). */
  reports: Record<string, number>[];
  /** Its memory, read after a full collection (report-loop.ts; needs BENCH_REPORT_MS and, for the collection, --expose-gc). */
  memory(): Promise<{ rssBytes: number; heapUsedBytes: number }>;
  stop(): Promise<void>;
}

/** Starts `tsx <script>` and waits for the JSON line with its port. */
export async function spawnServer(script: string, env: NodeJS.ProcessEnv = {}): Promise<Spawned> {
  // BENCH_NODE_ARGS passes node flags to the servers only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const reports: Record<string, number>[] = [];
  const memoryWaiters: ((memory: { rssBytes: number; heapUsedBytes: number }) => void)[] = [];
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (typeof parsed.port === 'number') resolve(parsed);
        else if (parsed.report && typeof parsed.report === 'object') reports.push(parsed.report as Record<string, number>);
        else if (parsed.memory && typeof parsed.memory === 'object') memoryWaiters.shift()?.(parsed.memory as { rssBytes: number; heapUsedBytes: number });
      } catch {
        // other output
      }
    });
  });
  return {
    port: info.port as number,
    pid: child.pid!,
    info,
    reports,
    memory: () =>
      new Promise((resolve) => {
        memoryWaiters.push(resolve);
        child.kill('SIGUSR2');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadOptions {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A body per request, for writes that must differ. */
  body?: string | (() => string);
  connections?: number;
  seconds?: number;
}

/** autocannon at 50 connections (by default) for a fixed time; bounded, loopback only. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { body } = options;
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    connections: options.connections ?? 50,
    duration: options.seconds ?? Number(process.env.BENCH_SECONDS ?? 10),
    ...(typeof body === 'string' ? { body } : {}),
    ...(typeof body === 'function'
      ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }) }] }
      : {}),
  });
  return {
    name: options.name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    answered: result.requests.total,
  };
}

export function printTable(title: string, ceiling: LoadResult, rows: LoadResult[]): void {
  console.log(`\n${title}`);
  console.log('benchmark'.padEnd(34), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'vs ceiling'.padStart(11), 'errors'.padStart(7));
  for (const row of [ceiling, ...rows]) {
    const ratio = row === ceiling ? '1.00' : (row.requestsPerSecond / ceiling.requestsPerSecond).toFixed(2);
    console.log(
      row.name.padEnd(34),
      row.requestsPerSecond.toFixed(0).padStart(9),
      row.p50Ms.toFixed(1).padStart(8),
      row.p99Ms.toFixed(1).padStart(8),
      ratio.padStart(11),
      String(row.errors + row.non2xx).padStart(7),
    );
  }
}

/** Signs up a member on a running node and returns their session cookie. */
export async function signUpMember(base: string, handle: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, password: BENCH_PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux): what it really ran, unlike a profile's wall-clock samples. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const libFile = (name: string) => new URL(`./${name}`, import.meta.url).pathname;

/** Signs in a member made beforehand (with BENCH_PASSWORD) and returns their cookies, as a browser would send them. */
export async function signInMember(base: string, handle: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!).join('; ');
}

/**
 * The same-run ceiling: a plain node:http JSON server under the same load. With
 * `bodyBytes` its body has that size (size-matched to the Hearth response measured);
 * with `method` and `body` it is sent the same requests.
 */
export async function measureCeiling(match: { bodyBytes?: number; method?: 'GET' | 'POST'; body?: LoadOptions['body'] } = {}): Promise<LoadResult> {
  const server = await spawnServer(libFile('serve-ceiling.ts'), match.bodyBytes ? { BODY_BYTES: String(match.bodyBytes) } : {});
  try {
    const name = match.bodyBytes ? `ceiling: node:http, ${match.bodyBytes} B` : 'ceiling: node:http JSON';
    return await load({ name, url: `http://127.0.0.1:${server.port}/`, method: match.method, body: match.body });
  } finally {
    await server.stop();
  }
}

/** PGlite always; PostgreSQL too when DATABASE_URL is given (in a fresh database there). */
export function benchDrivers(): { label: string; env: NodeJS.ProcessEnv }[] {
  const drivers: { label: string; env: NodeJS.ProcessEnv }[] = [{ label: 'PGlite', env: { DATABASE_URL: '' } }];
  if (process.env.DATABASE_URL) drivers.push({ label: 'PostgreSQL', env: { DATABASE_URL: process.env.DATABASE_URL } });
  return drivers;
}

/** Runs `measure` against a fresh Hearth node per driver. */
export async function onEachDriver(measure: (base: string, driver: string) => Promise<LoadResult[]>): Promise<LoadResult[]> {
  const rows: LoadResult[] = [];
  for (const driver of benchDrivers()) {
    const node = await spawnServer(libFile('serve-hearth.ts'), driver.env);
    try {
      rows.push(...(await measure(`http://127.0.0.1:${node.port}`, driver.label)));
    } finally {
      await node.stop();
    }
  }
  return rows;
}
