// The 1-million-row database of the scale benchmark, by the scale seed of issue 14
// (also `npx hearth seed --scale N`), with the bench reader in every seeded group.
import type { Deps } from '../../src/server/deps.js';
import { seedAtScale } from '../../src/server/seed/scale.js';

export async function seedScale(db: Deps['db'], rows: number, readerId: string): Promise<void> {
  await seedAtScale(db, { rows, readers: [readerId] });
}
