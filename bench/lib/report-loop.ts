// Every `ms`, one stdout line {report: {...}}: the event loop's delay over that interval (99th percentile and max);
// on SIGUSR2, one line {memory: {...}}. spawnServer collects them into `reports` and `memory`.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function reportEvery(ms: number): void {
  if (!(ms > 0)) return;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    const report = { loopP99Ms: delay.percentile(99) / 1e6, loopMaxMs: delay.max / 1e6 };
    delay.reset();
    console.log(JSON.stringify({ report }));
  }, ms).unref();
  // Memory when asked (SIGUSR2), after a full collection when started with --expose-gc: the heap's own swings (tens
  // of MB) would drown a few KB per socket, and a collection every second would show up as event-loop delay.
  const collect = (globalThis as { gc?: () => void }).gc;
  process.on('SIGUSR2', () => {
    collect?.();
    const memory = process.memoryUsage();
    console.log(JSON.stringify({ memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed } }));
  });
}
