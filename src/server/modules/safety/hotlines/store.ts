import { and, asc, eq, sql } from 'drizzle-orm';
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
  return (await listCountryVersions(db)).map((row) => row.entry);
}

/**
 * An entry's version is its last change time to the millisecond (what a
 * JavaScript Date keeps of PostgreSQL's microseconds), as an ISO string.
 */
const versionOf = sql<string>`to_char(${hotlineCountries.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function listCountryVersions(db: Database): Promise<{ entry: CountryDirectory; version: string }[]> {
  const rows = await db.select({ entry: hotlineCountries.entry, version: versionOf }).from(hotlineCountries).orderBy(asc(hotlineCountries.countryCode));
  return rows.sort((a, b) => a.entry.countryName.localeCompare(b.entry.countryName, 'en'));
}

/**
 * What a save expects to find: `'new'` (the country must not be in the
 * directory yet), a version (the entry must be unchanged since that version:
 * two admins editing at once must not silently overwrite each other), or
 * undefined (add or replace).
 */
export type SaveExpectation = 'new' | string | undefined;
export type SaveResult = { saved: true; version: string } | { saved: false; reason: 'exists' | 'changed' | 'gone' };

export async function saveCountry(db: Database, entry: CountryDirectory, adminId: string, expect?: SaveExpectation): Promise<SaveResult> {
  // Milliseconds only, so that the version read back is exactly the one stored;
  // and always later than the version replaced, even within one millisecond.
  const now = new Date();
  const later = sql`greatest(${now.toISOString()}::timestamptz, date_trunc('milliseconds', ${hotlineCountries.updatedAt}) + interval '1 millisecond')`;
  const set = { entry, updatedBy: adminId, updatedAt: later };
  const insert = db.insert(hotlineCountries).values({ countryCode: entry.countryCode, entry, updatedBy: adminId, updatedAt: now });
  let rows: { version: string }[];
  if (expect === undefined) {
    rows = await insert.onConflictDoUpdate({ target: hotlineCountries.countryCode, set }).returning({ version: versionOf });
  } else if (expect === 'new') {
    rows = await insert.onConflictDoNothing().returning({ version: versionOf });
    if (rows.length === 0) return { saved: false, reason: 'exists' };
  } else {
    rows = await db
      .update(hotlineCountries)
      .set(set)
      .where(and(eq(hotlineCountries.countryCode, entry.countryCode), sql`${versionOf} = ${expect}`))
      .returning({ version: versionOf });
    if (rows.length === 0) return { saved: false, reason: (await findCountry(db, entry.countryCode)) === null ? 'gone' : 'changed' };
  }
  return { saved: true, version: rows[0]?.version ?? now.toISOString() };
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
