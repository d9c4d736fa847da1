import type { Database } from '../db/index.js';
import { installation } from '../db/schema/index.js';

/**
 * This installation's id, created on first start and shared by every node on
 * the database (concurrent first starts agree: the row is inserted at most once).
 */
export async function ensureInstallationId(db: Database): Promise<string> {
  await db.insert(installation).values({}).onConflictDoNothing();
  const [row] = await db.select({ id: installation.id }).from(installation).limit(1);
  if (!row) throw new Error('the installation row could not be created');
  return row.id;
}

/** The prefix of every Redis channel and key this installation uses (its id, or REDIS_PREFIX when set). */
export const redisPrefix = (installationIdOrOverride: string) => `hearth:${installationIdOrOverride}:`;
