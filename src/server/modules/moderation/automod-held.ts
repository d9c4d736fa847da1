import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { HOLD_SOURCES, type HoldSource } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { automodRules, moderationActions } from '../../db/schema/index.js';
import { HELD_REASON } from '../safety/support-card.js';
import { APPROVAL_REASON } from './automod-record.js';

/** Words written in crisis while the writer's posting is paused (posts/service.ts): kept, never refused. */
export const SANCTION_HELD_REASON =
  'Your posting is paused for now, so what you wrote is kept safe for you and our safety team rather than shown to the group. Nothing you wrote is lost: our safety team has been told and will read it. You are not alone, and help is here right now.';
/** Words written in crisis as a reply in a locked thread: kept, never refused. */
export const LOCKED_HELD_REASON =
  'This thread is locked, so it takes no new replies for others to read, but what you wrote is kept safe for you and our safety team. Nothing you wrote is lost: our safety team has been told and will read it. You are not alone, and help is here right now.';

/**
 * Why held content is held, in the words its author reads (only its author and
 * staff see held content in full). The assessor's hold keeps the safety
 * team's words; moderation holds say plainly that a moderator will look.
 */
export function heldReasonFor(heldBy: string | null): string {
  switch (heldBy) {
    case 'automod':
      return 'It matched one of this community’s automatic rules, so a moderator will read it before others see it. Nothing you wrote is lost.';
    case 'approval':
      return APPROVAL_REASON;
    case 'moderator':
      return 'A moderator has hidden it from other members while they look at it. You can read why, and appeal, on your Moderation notices page (Settings, Moderation notices).';
    case 'sanction':
      return SANCTION_HELD_REASON;
    case 'locked':
      return LOCKED_HELD_REASON;
    default:
      return HELD_REASON;
  }
}

/** The hold source as the contract names it (an unknown stored value reads as the assessor's). */
export function holdSourceOf(heldBy: string | null): HoldSource {
  return (HOLD_SOURCES as readonly string[]).includes(heldBy ?? '') ? (heldBy as HoldSource) : 'assessor';
}

/**
 * The author's own view: content automod holds names the rule that held it
 * (the newest automod hide on it). Keyed "post:<id>" / "reply:<id>".
 */
export async function automodHeldReasons(db: Database, items: ReadonlyArray<{ contentType: 'post' | 'reply'; contentId: string; heldBy?: string | undefined }>): Promise<Map<string, { heldReason: string }>> {
  const held = items.filter((item) => item.heldBy === 'automod');
  const reasons = new Map<string, { heldReason: string }>();
  if (held.length === 0) return reasons;
  const rows = await db
    .select({ targetType: moderationActions.targetType, targetId: moderationActions.targetId, name: automodRules.name })
    .from(moderationActions)
    .innerJoin(automodRules, eq(automodRules.id, moderationActions.automodRuleId))
    .where(and(inArray(moderationActions.targetId, held.map((item) => item.contentId)), eq(moderationActions.kind, 'hide'), isNotNull(moderationActions.automodRuleId)))
    .orderBy(desc(moderationActions.createdAt));
  for (const row of rows) {
    const key = `${row.targetType}:${row.targetId}`;
    if (reasons.has(key)) continue;
    reasons.set(key, { heldReason: `It matched the community rule “${row.name}”, so a moderator will read it before others see it. Nothing you wrote is lost.` });
  }
  return reasons;
}
