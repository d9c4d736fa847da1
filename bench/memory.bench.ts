// Memory of the embedded default (issue 14): the resident size of a Hearth node on a fresh PGlite folder right
// after start, then every 30 s under a steady mixed load (readers of a thread and of the home feed, members
// replying) for BENCH_MINUTES (default 10), and the slope of a line through those samples (the first minute left
// out: caches and the heap fill then). A flat server stays within a few MB per minute; a leak climbs.
// RSS from /proc (Linux). The load is light on purpose (12 connections): this measures growth, not speed.
import { readFileSync } from 'node:fs';
import { load, measureCeiling, printTable, signUpMember, spawnServer, type LoadResult } from './lib/harness.js';
import { api } from './lib/api.js';

const MINUTES = Number(process.env.BENCH_MINUTES ?? 10);
const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 30) * 1000;
const mb = (bytes: number) => bytes / 1024 / 1024;

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** Least squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const num = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const ceiling = await measureCeiling();
const node = await spawnServer(new URL('./lib/serve-hearth.ts', import.meta.url).pathname, { DATABASE_URL: '' });
try {
  const startRss = Number(node.info.startRssBytes ?? rssOf(node.pid));
  console.log(`PGlite: resident size after start (fresh data folder, migrated, catalogue seeded): ${mb(startRss).toFixed(0)} MB`);
  const base = `http://127.0.0.1:${node.port}`;
  const stamp = Date.now().toString(36);
  const reader = await signUpMember(base, `mem_reader_${stamp}`);
  const writer = await signUpMember(base, `mem_writer_${stamp}`);
  for (const cookie of [reader, writer]) await api(base, cookie, 'POST', '/api/groups/anxiety/join', { acceptRules: true });
  const thread = (await api(base, writer, 'POST', '/api/groups/anxiety/posts', { title: 'Sleep', body: 'Awake at 3am again. What helps you get back to sleep?' })) as { post: { id: string } };
  for (let i = 0; i < 20; i++) await api(base, writer, 'POST', `/api/posts/${thread.post.id}/replies`, { body: `Reply ${i}: a boring audiobook and the phone in another room.` });

  // Replies land in another thread, so the thread being read keeps its size.
  const target = (await api(base, writer, 'POST', '/api/groups/anxiety/posts', { title: 'Small wins', body: 'One small thing that went right today.' })) as { post: { id: string } };
  const seconds = MINUTES * 60;
  const started = Date.now();
  const samples: { minute: number; rssMb: number }[] = [{ minute: 0, rssMb: mb(rssOf(node.pid)) }];
  console.log(`  0.0 min  ${samples[0]!.rssMb.toFixed(0)} MB (before the load)`);
  const sampler = setInterval(() => {
    const sample = { minute: (Date.now() - started) / 60_000, rssMb: mb(rssOf(node.pid)) };
    samples.push(sample);
    console.log(`${sample.minute.toFixed(1).padStart(5)} min  ${sample.rssMb.toFixed(0)} MB`);
  }, SAMPLE_MS);
  let n = 0;
  const results: LoadResult[] = await Promise.all([
    load({ name: 'GET thread, 20 replies (PGlite)', url: `${base}/api/posts/${thread.post.id}`, headers: { cookie: reader }, connections: 6, seconds }),
    load({ name: 'GET home feed (PGlite)', url: `${base}/api/feed`, headers: { cookie: reader }, connections: 4, seconds }),
    load({
      name: 'POST reply (PGlite)',
      url: `${base}/api/posts/${target.post.id}/replies`,
      method: 'POST',
      headers: { cookie: writer, 'content-type': 'application/json' },
      body: () => JSON.stringify({ body: `Still here, reply ${++n}. Counting breaths helps me.` }),
      connections: 2,
      seconds,
    }),
  ]);
  clearInterval(sampler);
  const steady = samples.filter((sample) => sample.minute >= 1).map((sample) => ({ x: sample.minute, y: sample.rssMb }));
  const perMinute = slope(steady);
  const last = samples[samples.length - 1]!;
  console.log(`\nPGlite start-up RSS ${mb(startRss).toFixed(0)} MB; after ${last.minute.toFixed(1)} min of mixed load ${last.rssMb.toFixed(0)} MB; slope after the first minute ${perMinute.toFixed(2)} MB/min (${steady.length} samples), ${n} replies written`);
  printTable(`Mixed load for ${MINUTES} min, 12 connections (ratio: each stream's req/s to the 50-connection ceiling)`, ceiling, results);
} finally {
  await node.stop();
}
