import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { badRequest } from '../../http/errors.js';

/**
 * Keyset cursors: stable while new posts arrive (no offsets that shift).
 *
 * `t` is the sort key exactly as the database stores it: UTC, with up to six
 * fractional digits (PostgreSQL keeps microseconds; a JS Date would keep only
 * milliseconds and the next page would repeat or skip posts). Only the form this
 * server gives out is accepted: any other timestamp (year 0, an offset such as
 * +16:00, 30 February) is a 400 naming `cursor`, never a database error.
 */
const SORT_KEY = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?Z$/;
const FIRST_YEAR = 1970;
const LAST_YEAR = 9999;

/** True for a timestamp in the one form this server gives out (a real UTC date from 1970 to 9999). */
export function isSortKey(value: string): boolean {
  const match = SORT_KEY.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  // Date.UTC rolls 30 February over into March: a real date comes back unchanged.
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** A timestamp column as the cursor's `t`: UTC text with all six fractional digits PostgreSQL keeps. */
export function sortKeyText(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const cursorSchema = z.object({ t: z.string().refine(isSortKey), id: z.uuid() });
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('"cursor" is not a cursor this server gave out.', 'cursor', 'invalid_field');
  }
}
