import { asc, eq, sql } from 'drizzle-orm';
import type { CountryDirectory } from '../../../../shared/hotlines.js';
import type { Database } from '../../../db/index.js';
import { hotlineCountries } from '../../../db/schema/index.js';
import { hotlineDirectory, internationalDirectory } from './directory-data.js';

/**
 * The crisis line directory lives in the database so admins can correct it
 * without a release; it is seeded from the project's checked data (each entry
 * with its source and check date) the first time the table is empty.
 */
export async function seedHotlinesIfEmpty(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(hotlineCountries);
    if ((row?.count ?? 0) > 0) return;
    await tx.insert(hotlineCountries).values(hotlineDirectory.map((entry) => ({ countryCode: entry.countryCode, entry }))).onConflictDoNothing();
  });
}

export async function findCountry(db: Database, countryCode: string | null | undefined): Promise<CountryDirectory | null> {
  if (!countryCode) return null;
  const [row] = await db.select({ entry: hotlineCountries.entry }).from(hotlineCountries).where(eq(hotlineCountries.countryCode, countryCode.toUpperCase())).limit(1);
  return row?.entry ?? null;
}

export async function listCountries(db: Database): Promise<CountryDirectory[]> {
  const rows = await db.select({ entry: hotlineCountries.entry }).from(hotlineCountries).orderBy(asc(hotlineCountries.countryCode));
  return rows.map((row) => row.entry).sort((a, b) => a.countryName.localeCompare(b.countryName, 'en'));
}

export async function saveCountry(db: Database, entry: CountryDirectory, adminId: string): Promise<void> {
  await db
    .insert(hotlineCountries)
    .values({ countryCode: entry.countryCode, entry, updatedBy: adminId })
    .onConflictDoUpdate({ target: hotlineCountries.countryCode, set: { entry, updatedBy: adminId, updatedAt: new Date() } });
}

export async function deleteCountry(db: Database, countryCode: string): Promise<boolean> {
  const removed = await db.delete(hotlineCountries).where(eq(hotlineCountries.countryCode, countryCode)).returning({ code: hotlineCountries.countryCode });
  return removed.length > 0;
}

export function internationalFallback() {
  return internationalDirectory;
}

/** `en-GB,en;q=0.9` → `GB`: the first language tag that names a region. */
export function countryFromAcceptLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim();
    const region = tag?.match(/^[a-zA-Z]{2,3}-([a-zA-Z]{2})\b/)?.[1];
    if (region) return region.toUpperCase();
  }
  return undefined;
}
