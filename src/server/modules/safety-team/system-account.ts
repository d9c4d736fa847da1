import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { users } from '../../db/schema/index.js';

/** The handle the automatic first reply is written under; the web app names it "Hearth Safety". */
export const SAFETY_ACCOUNT_HANDLE = 'HearthSafety';

/**
 * The Hearth Safety account (`users.is_system`), created once at start like the
 * group catalogue. It never signs in: its password hash is not a hash at all
 * (argon2 refuses it, so no password matches) and sign-in refuses system
 * accounts outright. Its role is moderator, so members see it speaks for the
 * community; it holds no session and is never on safety duty.
 */
export async function ensureSafetyAccount(db: Database): Promise<string> {
  const existing = await findSafetyAccountId(db);
  if (existing) return existing;
  // A member who took the handle before this version keeps it: the system account takes a free one.
  for (const handle of [SAFETY_ACCOUNT_HANDLE, `${SAFETY_ACCOUNT_HANDLE}_${randomBytes(3).toString('hex')}`]) {
    const [row] = await db
      .insert(users)
      .values({ handle, passwordHash: `!system-account-no-sign-in:${randomBytes(32).toString('base64url')}`, role: 'moderator', isSystem: true })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (row) return row.id;
    // Another node created it at the same moment.
    const raced = await findSafetyAccountId(db);
    if (raced) return raced;
  }
  throw new Error('could not create the Hearth Safety account');
}

export async function findSafetyAccountId(db: Database): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.isSystem, true)).orderBy(sql`${users.createdAt}`).limit(1);
  return row?.id;
}
