// Every `ms`, one stdout line {report: {...}}: the event loop's delay over that interval (99th percentile and max)
// and the process's memory. spawnServer collects these lines into `reports`.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function reportEvery(ms: number): void {
  if (!(ms > 0)) return;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    const memory = process.memoryUsage();
    const report = { loopP99Ms: delay.percentile(99) / 1e6, loopMaxMs: delay.max / 1e6, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
    delay.reset();
    console.log(JSON.stringify({ report }));
  }, ms).unref();
}
