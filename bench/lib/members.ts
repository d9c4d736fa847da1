// Who benchmarks sign in as: shared by the load side and the node it loads.

/** Every benchmark member's password. */
export const BENCH_PASSWORD = 'benchmark-quiet-harbour';

/** The scale benchmark's reader, made by serve-hearth.ts before the scale seed, so it joins every seeded group. */
export const BENCH_READER = 'bench_reader';
