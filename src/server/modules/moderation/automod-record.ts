import { and, eq } from 'drizzle-orm';
import type { AutomodRuleKind } from '../../../shared/api/moderation.js';
import type { Deps } from '../../deps.js';
import type { Database } from '../../db/index.js';
import { automodHits } from '../../db/schema/index.js';
import type { LiveEvent } from '../../live/hub.js';
import type { AutomodDecision } from './automod-decide.js';
import { addNotice } from './notices.js';
import { raiseQueueItem } from './queue-items.js';
import { recordModerationAction } from './record-action.js';

/** Queue order of automod items: encouragement of self-harm puts a person at risk, slurs attack one. */
export const AUTOMOD_SEVERITY: Record<AutomodRuleKind, number> = {
  self_harm_encouragement: 5,
  slurs: 4,
  link_limit: 2,
  rate_limit: 1,
  duplicate: 1,
};

/** What the writer reads when a new member's post waits (the notice's action reason, and the post's own notice). */
export const APPROVAL_REASON = 'New members’ first posts in this group wait for a moderator to approve them. This is routine and says nothing bad about you: it keeps the group safe from spam.';

export interface AutomodTarget {
  contentType: 'post' | 'reply';
  contentId: string;
  authorId: string;
  groupId: string;
}

/**
 * Writes what automod decided, in the write's transaction: for every rule that
 * matched a hit, the queue item (naming the rule), and unless it only flagged,
 * an action by automod (no actor, the rule named) and a notice to the writer.
 * A new member's post waiting for approval gets its queue item, an action and a
 * notice the same way. An edit that matches a rule already recorded on this
 * content adds nothing (no notice for every keystroke saved). Returns the live
 * events to announce after commit. Nothing here touches the writer's risk.
 */
export async function recordAutomod(tx: Database, deps: Pick<Deps, 'live' | 'clock'>, decision: AutomodDecision, target: AutomodTarget): Promise<LiveEvent[]> {
  const now = deps.clock.now();
  const events: LiveEvent[] = [];
  const common = { targetType: target.contentType, targetId: target.contentId, subjectId: target.authorId, groupId: target.groupId, now };
  for (const rule of decision.matches) {
    if (decision.write === 'edit' && (await alreadyHit(tx, rule.id, target.contentId))) continue;
    await tx.insert(automodHits).values({ ruleId: rule.id, contentType: target.contentType, contentId: target.contentId, createdAt: now });
    const raised = await raiseQueueItem(tx, deps.live, { ...common, kind: 'automod', reason: rule.kind, severity: AUTOMOD_SEVERITY[rule.kind], automodRuleId: rule.id });
    events.push(...raised.events);
    if (rule.action === 'flag') continue;
    const action = await recordModerationAction(tx, {
      ...common,
      kind: rule.action === 'hold' ? 'hide' : 'content_warning',
      actorId: null,
      automodRuleId: rule.id,
      itemId: raised.itemId,
      reasonTemplate: `automod_${rule.kind}`,
      reason:
        rule.action === 'hold'
          ? `It matched the community rule “${rule.name}”, so a moderator will read it before others see it.`
          : `It matched the community rule “${rule.name}”, so it now shows a content warning.`,
      ...(rule.action === 'content_warning' ? { after: { contentWarning: rule.name } } : {}),
    });
    events.push(await addNotice(tx, deps.live, { userId: target.authorId, kind: 'action', actionId: action.id, now }));
  }
  if (decision.hold === 'approval') {
    const raised = await raiseQueueItem(tx, deps.live, { ...common, kind: 'approval', reason: 'new_member', severity: 1 });
    events.push(...raised.events);
    const action = await recordModerationAction(tx, { ...common, kind: 'hide', actorId: null, itemId: raised.itemId, reasonTemplate: 'new_member_approval', reason: APPROVAL_REASON });
    events.push(await addNotice(tx, deps.live, { userId: target.authorId, kind: 'action', actionId: action.id, now }));
  }
  return events;
}

async function alreadyHit(tx: Database, ruleId: string, contentId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: automodHits.id })
    .from(automodHits)
    .where(and(eq(automodHits.ruleId, ruleId), eq(automodHits.contentId, contentId)))
    .limit(1);
  return rows.length > 0;
}
