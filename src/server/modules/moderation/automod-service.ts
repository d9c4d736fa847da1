import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  automodConfigSchemas,
  type AutomodRulesResponse,
  type AutomodRuleView,
  type CreateAutomodRuleRequest,
  type ModerationSettings,
  type updateAutomodRuleRequestSchema,
} from '../../../shared/api/moderation-automod.js';
import type { Deps } from '../../deps.js';
import { automodRules, groups } from '../../db/schema/index.js';
import { isAtLeast } from '../../../shared/risk.js';
import { forbidden, invalidField, notFound } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { requireGroup } from '../groups/service.js';
import { findRule, listRules, presentRule } from './automod-rules.js';
import { readModerationSettings, writeModerationSettings } from './automod-settings.js';
import { moderationScope } from './moderator-scope.js';
import { moderationPolicy } from './policy.js';
import { assess } from '../safety/assessor/index.js';

type ServiceDeps = Pick<Deps, 'db' | 'clock'>;

/**
 * Who may read and change automod rules (moderationPolicy decides): the
 * site's rules are read by global moderators and changed by admins; a group's
 * rules are read and changed by its moderators and the global moderators.
 * Every change is audited with the rule's before and after.
 */
async function mayEdit(deps: ServiceDeps, auth: AuthContext, groupId: string | null): Promise<boolean> {
  const scope = await moderationScope(deps.db, auth.user, deps.clock.now());
  if (groupId === null) return moderationPolicy.canEditSiteAutomod(auth.user.role) && scope === 'all';
  return moderationPolicy.covers(scope, groupId);
}

/** The site's rules are read by global moderators and admins, while they have their powers (not suspended). */
async function mayReadSiteRules(deps: ServiceDeps, auth: AuthContext): Promise<boolean> {
  return moderationPolicy.isGlobal(auth.user.role) && (await moderationScope(deps.db, auth.user, deps.clock.now())) === 'all';
}

async function requireEdit(deps: ServiceDeps, auth: AuthContext, groupId: string | null): Promise<void> {
  if (await mayEdit(deps, auth, groupId)) return;
  throw forbidden(groupId === null ? 'Only admins can change the site’s automod rules.' : 'Only this group’s moderators can change its automod rules.');
}

/** A group the viewer moderates (a group they cannot read is "not found", as everywhere). */
async function requireModeratedGroup(deps: ServiceDeps, auth: AuthContext, slug: string) {
  const entry = await requireGroup(deps, slug, auth);
  await requireEdit(deps, auth, entry.group.id);
  return entry.group;
}

export async function listAutomodRules(deps: ServiceDeps, auth: AuthContext, slug: string | undefined): Promise<AutomodRulesResponse> {
  if (slug === undefined) {
    if (!(await mayReadSiteRules(deps, auth))) throw forbidden('Only moderators and admins can see the site’s automod rules.');
    return { rules: (await listRules(deps.db, null)).map(presentRule), group: null, canEdit: moderationPolicy.canEditSiteAutomod(auth.user.role) };
  }
  const group = await requireModeratedGroup(deps, auth, slug);
  return {
    rules: (await listRules(deps.db, group.id)).map(presentRule),
    group: { id: group.id, slug: group.slug, name: group.name, holdNewMemberPosts: group.holdNewMemberPosts },
    canEdit: true,
  };
}

/**
 * A slurs rule holds what it matches from peers: words a person writes about
 * themself in crisis ("kill myself") must never be among them. Any extra term the
 * assessor itself rates elevated or above is refused.
 */
function refuseCrisisTerms(kind: AutomodRuleView['kind'], config: Record<string, unknown>): void {
  if (kind !== 'slurs') return;
  const terms = Array.isArray(config.extraTerms) ? (config.extraTerms as unknown[]) : [];
  const crisis = terms.find((term) => typeof term === 'string' && isAtLeast(assess(term).level, 'elevated'));
  if (typeof crisis === 'string')
    throw invalidField('config.extraTerms', `config.extraTerms: “${crisis}” is how people describe their own crisis; it cannot be a banned word (automod never holds a person’s words about themself).`);
}

export async function createAutomodRule(deps: ServiceDeps, auth: AuthContext, slug: string | undefined, input: CreateAutomodRuleRequest): Promise<AutomodRuleView> {
  refuseCrisisTerms(input.kind, input.config);
  const groupId = slug === undefined ? null : (await requireModeratedGroup(deps, auth, slug)).id;
  await requireEdit(deps, auth, groupId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(automodRules)
      .values({ groupId, kind: input.kind, action: input.action, name: input.name, config: input.config, enabled: input.enabled, createdBy: auth.user.id, createdAt: now, updatedAt: now })
      .returning();
    const rule = presentRule(row!);
    await recordAudit(tx, { actorId: auth.user.id, action: 'automod.rule_created', targetType: 'automod_rule', targetId: rule.id, details: { groupId, after: snapshot(rule) } });
    return rule;
  });
}

export async function updateAutomodRule(deps: ServiceDeps, auth: AuthContext, id: string, patch: z.output<typeof updateAutomodRuleRequestSchema>): Promise<AutomodRuleView> {
  const existing = await findRule(deps.db, id);
  if (!existing || !(await mayReadRule(deps, auth, existing.groupId))) throw notFound('That rule');
  await requireEdit(deps, auth, existing.groupId);
  let config = existing.config;
  if (patch.config !== undefined) {
    const parsed = automodConfigSchemas[existing.kind].safeParse(patch.config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidField(['config', ...issue.path.map(String)].join('.'), `config: ${issue.message}`);
    }
    config = parsed.data;
    refuseCrisisTerms(existing.kind, config);
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(automodRules)
      .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.action !== undefined ? { action: patch.action } : {}), ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}), config, updatedAt: now })
      .where(eq(automodRules.id, id))
      .returning();
    const rule = presentRule(row!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'automod.rule_changed',
      targetType: 'automod_rule',
      targetId: id,
      details: { groupId: existing.groupId, before: snapshot(presentRule(existing)), after: snapshot(rule) },
    });
    return rule;
  });
}

export async function deleteAutomodRule(deps: ServiceDeps, auth: AuthContext, id: string): Promise<void> {
  const existing = await findRule(deps.db, id);
  if (!existing || !(await mayReadRule(deps, auth, existing.groupId))) throw notFound('That rule');
  await requireEdit(deps, auth, existing.groupId);
  await deps.db.transaction(async (tx) => {
    await tx.delete(automodRules).where(eq(automodRules.id, id));
    await recordAudit(tx, { actorId: auth.user.id, action: 'automod.rule_deleted', targetType: 'automod_rule', targetId: id, details: { groupId: existing.groupId, before: snapshot(presentRule(existing)) } });
  });
}

/** A rule someone cannot see at all is "not found" (a member probing ids learns nothing). */
async function mayReadRule(deps: ServiceDeps, auth: AuthContext, groupId: string | null): Promise<boolean> {
  return groupId === null ? mayReadSiteRules(deps, auth) : mayEdit(deps, auth, groupId);
}

const snapshot = (rule: AutomodRuleView) => ({ name: rule.name, kind: rule.kind, action: rule.action, enabled: rule.enabled, config: rule.config });

export async function setNewMemberHold(deps: ServiceDeps, auth: AuthContext, slug: string, holdNewMemberPosts: number): Promise<{ holdNewMemberPosts: number }> {
  const group = await requireModeratedGroup(deps, auth, slug);
  await deps.db.transaction(async (tx) => {
    await tx.update(groups).set({ holdNewMemberPosts }).where(eq(groups.id, group.id));
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'moderation.new_members_changed',
      targetType: 'group',
      targetId: group.id,
      details: { before: { holdNewMemberPosts: group.holdNewMemberPosts }, after: { holdNewMemberPosts } },
    });
  });
  return { holdNewMemberPosts };
}

function requireAdmin(auth: AuthContext): void {
  if (!moderationPolicy.canEditSiteAutomod(auth.user.role)) throw forbidden('Only admins can see and change the moderation settings.');
}

export async function getModerationSettings(deps: ServiceDeps, auth: AuthContext): Promise<{ settings: ModerationSettings }> {
  requireAdmin(auth);
  return { settings: await readModerationSettings(deps.db) };
}

export async function putModerationSettings(deps: ServiceDeps, auth: AuthContext, next: ModerationSettings): Promise<{ settings: ModerationSettings }> {
  requireAdmin(auth);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await readModerationSettings(tx);
    await writeModerationSettings(tx, next, auth.user.id, now);
    await recordAudit(tx, { actorId: auth.user.id, action: 'moderation.settings_changed', targetType: 'site_settings', targetId: 'moderation', details: { before, after: next } });
  });
  return { settings: next };
}
