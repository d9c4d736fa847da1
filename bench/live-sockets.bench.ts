// Idle authenticated sockets one node holds (issue 15): BENCH_SOCKETS (default 2,000) members each open `/api/live`,
// resume, and then stay idle for BENCH_SECONDS (default 30) while the node reports its event loop's delay and memory
// every second. Printed per target: time to open them all, resident and heap memory per socket (the growth from
// before the sockets to the end of the hold, divided by their number), and the event loop's delay (99th percentile)
// in the worst second while connecting and while holding. The same-run ceiling is a plain `ws` server holding as
// many sockets (bench/lib/serve-ws-ceiling.ts); the ratio is Hearth's heap per socket to the plain server's (heap,
// read after a full collection, is steady; resident size also moves with what the collector hands back).
// Targets: at least 2,000 sockets per node with the event loop's delay p99 under 50 ms.
// Hearth on PGlite always, and on PostgreSQL too when DATABASE_URL is set (in a fresh database there).
import { setTimeout as wait } from 'node:timers/promises';
import WebSocket from 'ws';
import { benchDrivers, libFile, spawnServer, type Spawned } from './lib/harness.js';

// Memory is read after a full collection in each server (report-loop.ts), or the heap's swings drown the sockets.
process.env.BENCH_NODE_ARGS = `${process.env.BENCH_NODE_ARGS ?? ''} --expose-gc`.trim();

const COUNT = Number(process.env.BENCH_SOCKETS ?? 2000);
const HOLD_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
/** Sockets opening at once: a crowd arriving, not all in one instant. */
const OPENING_AT_ONCE = 50;

interface Row {
  target: string;
  sockets: number;
  connectSeconds: number;
  rssPerSocketKb: number;
  heapPerSocketKb: number;
  connectLoopP99Ms: number;
  holdLoopP99Ms: number;
}

/** Opens one socket and waits until it is ready (for Hearth: resumed, so it is subscribed and caught up). */
function openSocket(url: string, cookie: string | undefined, hearth: boolean): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, cookie ? { headers: { cookie } } : {});
    const timer = setTimeout(() => reject(new Error('socket not ready in 30 s')), 30_000);
    socket.on('error', reject);
    socket.on('close', (code) => reject(new Error(`socket closed (${code}) before it was ready`)));
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString('utf8')) as { type: string; lastEventId?: number };
      if (message.type === 'ready' && hearth) socket.send(JSON.stringify({ type: 'resume', since: message.lastEventId ?? 0 }));
      else if (message.type === (hearth ? 'resumed' : 'ready')) {
        clearTimeout(timer);
        socket.removeAllListeners('close');
        resolve(socket);
      }
    });
  });
}

const worst = (values: number[]) => (values.length ? Math.max(...values) : 0);
const settle = async (node: Spawned) => {
  // Two reports after start-up's work: the baseline is the node at rest.
  const seen = node.reports.length;
  while (node.reports.length < seen + 2) await wait(200);
};

async function measure(target: string, node: Spawned, path: string, cookies: string[] | undefined): Promise<Row> {
  const hearth = cookies !== undefined;
  await settle(node);
  const before = await node.memory();
  // The collection behind that reading is a pause of its own: let it pass before the opening is measured.
  await settle(node);
  const url = `ws://127.0.0.1:${node.port}${path}`;
  const sockets: WebSocket[] = [];
  const connectFrom = node.reports.length;
  const started = performance.now();
  for (let n = 0; n < COUNT; n += OPENING_AT_ONCE) {
    const batch = Array.from({ length: Math.min(OPENING_AT_ONCE, COUNT - n) }, (_, k) => openSocket(url, cookies?.[n + k], hearth));
    sockets.push(...(await Promise.all(batch)));
  }
  const connectSeconds = (performance.now() - started) / 1000;
  const connectLoop = node.reports.slice(connectFrom).map((report) => report.loopP99Ms!);
  const holdFrom = node.reports.length;
  await wait(HOLD_SECONDS * 1000);
  const hold = node.reports.slice(holdFrom);
  const after = await node.memory();
  for (const socket of sockets) socket.terminate();
  return {
    target,
    sockets: sockets.length,
    connectSeconds,
    rssPerSocketKb: (after.rssBytes - before.rssBytes) / sockets.length / 1024,
    heapPerSocketKb: (after.heapUsedBytes - before.heapUsedBytes) / sockets.length / 1024,
    connectLoopP99Ms: worst(connectLoop),
    holdLoopP99Ms: worst(hold.map((report) => report.loopP99Ms!)),
  };
}

const rows: Row[] = [];
const ceiling = await spawnServer(libFile('serve-ws-ceiling.ts'), { SOCKET_MODE: 'hold', BENCH_REPORT_MS: '1000' });
try {
  rows.push(await measure('ceiling: plain ws', ceiling, '/', undefined));
} finally {
  await ceiling.stop();
}
for (const driver of benchDrivers()) {
  const node = await spawnServer(libFile('serve-hearth.ts'), { ...driver.env, BENCH_SESSIONS: String(COUNT), BENCH_REPORT_MS: '1000' });
  try {
    rows.push(await measure(`Hearth /api/live (${driver.label})`, node, '/api/live', node.info.cookies as string[]));
  } finally {
    await node.stop();
  }
}

const plain = rows[0]!;
console.log(`\nIdle authenticated sockets: ${COUNT} opened ${OPENING_AT_ONCE} at a time, then held ${HOLD_SECONDS} s`);
console.log('| target | sockets | opened in | RSS per socket | heap per socket | loop p99, worst second: opening | holding | heap ratio to plain ws |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const ratio = plain.heapPerSocketKb > 0 ? (row.heapPerSocketKb / plain.heapPerSocketKb).toFixed(1) : '—';
  console.log(
    `| ${row.target} | ${row.sockets} | ${row.connectSeconds.toFixed(1)} s | ${row.rssPerSocketKb.toFixed(1)} KB | ${row.heapPerSocketKb.toFixed(1)} KB | ${row.connectLoopP99Ms.toFixed(1)} ms | ${row.holdLoopP99Ms.toFixed(1)} ms | ${ratio} |`,
  );
}
const held = rows.slice(1);
const met = held.every((row) => row.sockets >= 2000 && row.holdLoopP99Ms < 50);
console.log(`\ntarget: ≥ 2,000 sockets per node with the event loop's delay p99 < 50 ms while holding: ${met ? 'met' : 'not met'}${COUNT < 2000 ? ` (only ${COUNT} opened: set BENCH_SOCKETS=2000)` : ''}`);
