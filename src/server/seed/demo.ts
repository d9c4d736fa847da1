import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { users } from '../db/schema/index.js';
import { recordAudit } from '../modules/audit/record.js';
import { hashPassword, verifyPassword } from '../modules/accounts/passwords.js';
import * as accountQueries from '../modules/accounts/queries.js';
import type { AuthContext } from '../modules/accounts/session-service.js';
import { endOtherSessions } from '../modules/accounts/session-service.js';
import { issueRecoveryCodes, signUp } from '../modules/accounts/service.js';
import { seedDemoConversations } from './demo-conversations.js';

export interface DemoMemberProfile {
  handle: string;
  role: 'member' | 'moderator';
  about: string;
}

export interface DemoMember extends DemoMemberProfile {
  /** Random, made when the account is made, printed once and kept nowhere but its hash. */
  password: string;
}

/** Demo members for a first look. */
export const DEMO_MEMBERS: DemoMemberProfile[] = [
  { handle: 'river', role: 'member', about: 'a member' },
  { handle: 'juniper', role: 'member', about: 'a member' },
  { handle: 'wren', role: 'moderator', about: 'a moderator' },
];

/**
 * The passwords earlier versions of Hearth gave the demo members, published in
 * their source. Kept only to find accounts that still have them and retire them.
 */
export const RETIRED_SOURCE_PASSWORDS: Readonly<Record<string, string>> = {
  river: 'demo-river-lantern',
  juniper: 'demo-juniper-harbour',
  wren: 'demo-wren-meadow',
};

// Letters and digits that are hard to confuse, so a printed password is easy to copy by hand.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters from 55: about 115 bits. */
export function newDemoPassword(): string {
  return Array.from({ length: 20 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
}

export async function databaseIsEmpty(deps: Pick<Deps, 'db'>): Promise<boolean> {
  // The Hearth Safety system account is made at every start: it is not a member.
  const [row] = await deps.db.select({ count: sql<number>`count(*)::int` }).from(users).where(eq(users.isSystem, false));
  return (row?.count ?? 0) === 0;
}

/**
 * Seeds the demo community (members with new random passwords, and a few
 * conversations when all of them are new); members that already exist are left
 * alone. Returns those created, with their passwords, to print once.
 */
export async function seedDemoCommunity(deps: Pick<Deps, 'db' | 'config' | 'live' | 'clock'>): Promise<DemoMember[]> {
  const created: DemoMember[] = [];
  const contexts: Record<string, AuthContext> = {};
  for (const profile of DEMO_MEMBERS) {
    const password = newDemoPassword();
    try {
      const result = await signUp(deps, { handle: profile.handle, password, role: profile.role, country: 'GB', timeZone: 'Europe/London' }, { ip: '127.0.0.1', userAgent: 'hearth seed' });
      const user = await accountQueries.updateUser(deps.db, result.user.id, { isDemo: true });
      contexts[profile.handle] = { user, session: result.session };
      created.push({ ...profile, password });
    } catch (error) {
      if ((error as { code?: string }).code !== 'handle_taken') throw error;
    }
  }
  if (created.length === DEMO_MEMBERS.length) await seedDemoConversations(deps, contexts);
  return created;
}

/**
 * An install seeded by an older version still has demo accounts whose password
 * is in the source (one of them a moderator who can reveal anonymous authors).
 * Each one found gets a new random password (printed once, as at first seed),
 * fresh recovery codes that nobody is shown (whoever used the known password may
 * have made codes), and every session ended. A new password rather than a
 * disabled account: the operator keeps a working demo and no one else does.
 */
export async function retireSourceDemoPasswords(deps: Pick<Deps, 'db' | 'config' | 'live' | 'clock'>): Promise<DemoMember[]> {
  const rotated: DemoMember[] = [];
  for (const profile of DEMO_MEMBERS) {
    const user = await accountQueries.findUserByHandle(deps.db, profile.handle);
    const retired = RETIRED_SOURCE_PASSWORDS[profile.handle];
    if (!user || !retired || !(await verifyPassword(user.passwordHash, retired))) continue;
    const password = newDemoPassword();
    if (!(await accountQueries.replacePasswordHashIfUnchanged(deps.db, user.id, user.passwordHash, await hashPassword(password)))) continue;
    await issueRecoveryCodes(deps, user.id);
    await endOtherSessions(deps, user.id);
    await recordAudit(deps.db, { actorId: null, action: 'password.reset', targetType: 'user', targetId: user.id, details: { via: 'retired_demo_password' } });
    rotated.push({ handle: user.handle, role: profile.role, about: profile.about, password });
  }
  return rotated;
}

/**
 * What `hearth serve` does about the demo at start: retire known passwords
 * always, seed the demo only when DEMO_SEED is on and the database is empty.
 * Returns the text to print once (empty when there is nothing to say).
 */
export async function prepareDemoOnStart(deps: Pick<Deps, 'db' | 'config' | 'live' | 'clock'>): Promise<string> {
  const parts: string[] = [];
  const rotated = await retireSourceDemoPasswords(deps);
  if (rotated.length > 0) {
    parts.push(describeDemoMembers(rotated, 'These demo accounts still had the password published in an older version of Hearth. They now have new passwords, and their sessions and recovery codes were replaced:'));
  }
  if (deps.config.demoSeed && (await databaseIsEmpty(deps))) {
    const created = await seedDemoCommunity(deps);
    if (created.length > 0) parts.push(describeDemoMembers(created));
  }
  return parts.join('\n\n');
}

export function describeDemoMembers(members: DemoMember[], heading = 'Demo community ready. Sign in as:'): string {
  const lines = members.map((member) => `  ${member.handle.padEnd(10)} password: ${member.password}  (${member.about})`);
  return [
    heading,
    ...lines,
    'These passwords are shown only once. These are demo accounts: do not run a real community with them',
    '(start with DEMO_SEED=false and an empty DATA_DIR for a community without them).',
  ].join('\n');
}
