// The 1-million-row database of the scale benchmark, by the scale seed of issue 14
// (`seedAtScale(db, { rows })` in src/server/seed/scale.ts, also `npx hearth seed --scale N`).
import type { Deps } from '../../src/server/deps.js';

type SeedAtScale = (db: Deps['db'], options: { rows: number }) => Promise<unknown>;

export async function seedScale(db: Deps['db'], rows: number): Promise<void> {
  // Imported by a computed path until the seed lands on this branch; then a plain import.
  const path = '../../src/server/seed/scale.js';
  const { seedAtScale } = (await import(path)) as { seedAtScale: SeedAtScale };
  await seedAtScale(db, { rows });
}
