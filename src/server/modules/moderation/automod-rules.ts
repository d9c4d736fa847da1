import { asc, eq, isNull } from 'drizzle-orm';
import type { AutomodRuleView } from '../../../shared/api/moderation-automod.js';
import type { AutomodAction, AutomodRuleKind } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { automodRules, siteSettings } from '../../db/schema/index.js';

export type AutomodRuleRow = typeof automodRules.$inferSelect;

/** The site's rules (groupId null) or one group's, oldest first. */
export async function listRules(db: Database, groupId: string | null): Promise<AutomodRuleRow[]> {
  return db
    .select()
    .from(automodRules)
    .where(groupId ? eq(automodRules.groupId, groupId) : isNull(automodRules.groupId))
    .orderBy(asc(automodRules.createdAt), asc(automodRules.id));
}

export async function findRule(db: Database, id: string): Promise<AutomodRuleRow | undefined> {
  const [row] = await db.select().from(automodRules).where(eq(automodRules.id, id)).limit(1);
  return row;
}

export function presentRule(row: AutomodRuleRow): AutomodRuleView {
  return {
    id: row.id,
    groupId: row.groupId,
    kind: row.kind,
    action: row.action,
    name: row.name,
    config: row.config,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

interface DefaultRule {
  kind: AutomodRuleKind;
  action: AutomodAction;
  name: string;
  config: Record<string, unknown>;
}

export const DEFAULT_RULES: readonly DefaultRule[] = [
  { kind: 'slurs', action: 'hold', name: 'No slurs', config: { extraTerms: [], allowedTerms: [] } },
  { kind: 'self_harm_encouragement', action: 'hold', name: 'No encouraging anyone to harm themselves', config: {} },
  { kind: 'link_limit', action: 'hold', name: 'Links from new accounts', config: { maxLinks: 2 } },
  // Flood level, not conversation: a member answering back and forth in a hard hour can write ten replies in ten minutes.
  { kind: 'rate_limit', action: 'hold', name: 'Posting very fast', config: { maxPosts: 20, minutes: 10 } },
  { kind: 'duplicate', action: 'flag', name: 'The same words twice', config: { minutes: 30 } },
];

/**
 * The default site rules, created once ever: a marker row in site_settings is
 * inserted in the same transaction, and its primary key makes a second node
 * starting at the same moment wait and then find it (nothing created twice).
 * An admin who deletes a default rule does not see it come back.
 */
export async function ensureDefaultRules(db: Database, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const marked = await tx
      .insert(siteSettings)
      .values({ key: 'automod_defaults', value: { version: 1 }, updatedAt: now })
      .onConflictDoNothing({ target: siteSettings.key })
      .returning({ key: siteSettings.key });
    if (marked.length === 0) return;
    await tx.insert(automodRules).values(DEFAULT_RULES.map((rule) => ({ ...rule, groupId: null, createdAt: now, updatedAt: now })));
  });
}
