import { z } from 'zod';
import { badRequest } from '../../http/errors.js';

/** Keyset cursors: stable while new posts arrive (no offsets that shift). */
const cursorSchema = z.object({ t: z.iso.datetime({ offset: true }), id: z.uuid() });
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
