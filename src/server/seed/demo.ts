import { sql } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { users } from '../db/schema/index.js';
import type { AuthContext } from '../modules/accounts/session-service.js';
import { signUp } from '../modules/accounts/service.js';
import { seedDemoConversations } from './demo-conversations.js';

export interface DemoMember {
  handle: string;
  password: string;
  role: 'member' | 'moderator';
  about: string;
}

/** Demo members for a first look. Their passwords are printed at start: never use them on a real instance. */
export const DEMO_MEMBERS: DemoMember[] = [
  { handle: 'river', password: 'demo-river-lantern', role: 'member', about: 'a member' },
  { handle: 'juniper', password: 'demo-juniper-harbour', role: 'member', about: 'a member' },
  { handle: 'wren', password: 'demo-wren-meadow', role: 'moderator', about: 'a moderator' },
];

export async function databaseIsEmpty(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const [row] = await deps.db.select({ count: sql<number>`count(*)::int` }).from(users);
  return (row?.count ?? 0) === 0;
}

/**
 * Seeds the demo community (members, and a few conversations when all of them are
 * new); members that already exist are left alone. Returns those created.
 */
export async function seedDemoCommunity(deps: Pick<Deps, 'db' | 'config' | 'live'>): Promise<DemoMember[]> {
  const created: DemoMember[] = [];
  const contexts: Record<string, AuthContext> = {};
  for (const member of DEMO_MEMBERS) {
    try {
      const result = await signUp(deps, { handle: member.handle, password: member.password, role: member.role, country: 'GB', timeZone: 'Europe/London' }, { ip: '127.0.0.1', userAgent: 'hearth seed' });
      contexts[member.handle] = { user: result.user, session: result.session };
      created.push(member);
    } catch (error) {
      if ((error as { code?: string }).code !== 'handle_taken') throw error;
    }
  }
  if (created.length === DEMO_MEMBERS.length) await seedDemoConversations(deps, contexts);
  return created;
}

export function describeDemoMembers(members: DemoMember[]): string {
  const lines = members.map((member) => `  ${member.handle.padEnd(10)} password: ${member.password}  (${member.about})`);
  return ['Demo community ready. Sign in as:', ...lines, 'These are demo accounts: do not run a real community with them.'].join('\n');
}
