import { messages } from '../db/schema/index.js';

/** The columns `openMessageBody` reads, for a select on `messages` (or an alias of it). */
export function storedBodyColumns(table: typeof messages = messages) {
  return { id: table.id, bodySealed: table.bodySealed, keyId: table.keyId, legacyBody: table.body };
}
