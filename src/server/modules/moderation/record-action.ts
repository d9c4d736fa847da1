import type { ActionKind } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { moderationActions } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record.js';

export interface ActionRecord {
  kind: ActionKind;
  /** Null when automod acted (then `automodRuleId` names the rule). */
  actorId: string | null;
  automodRuleId?: string | null;
  targetType: 'post' | 'reply' | 'message' | 'member';
  targetId: string;
  subjectId: string | null;
  groupId: string | null;
  itemId?: string | null;
  reasonTemplate?: string | null;
  reason: string;
  until?: Date | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  now: Date;
}

/**
 * Writes a moderation action and its audit row, in the caller's transaction.
 * The audit row keeps actor, target, action, reason, and before/after where
 * content changed (a content warning, a group): never a post's body.
 */
export async function recordModerationAction(tx: Database, input: ActionRecord): Promise<{ id: string }> {
  const [row] = await tx
    .insert(moderationActions)
    .values({
      kind: input.kind,
      actorId: input.actorId,
      automodRuleId: input.automodRuleId ?? null,
      targetType: input.targetType,
      targetId: input.targetId,
      subjectId: input.subjectId,
      groupId: input.groupId,
      itemId: input.itemId ?? null,
      reasonTemplate: input.reasonTemplate ?? null,
      reason: input.reason,
      until: input.until ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      createdAt: input.now,
    })
    .returning({ id: moderationActions.id });
  await recordAudit(tx, {
    actorId: input.actorId,
    action: `moderation.${input.kind}`,
    targetType: input.targetType,
    targetId: input.targetId,
    details: {
      actionId: row!.id,
      ...(input.subjectId ? { subjectId: input.subjectId } : {}),
      ...(input.groupId ? { groupId: input.groupId } : {}),
      ...(input.automodRuleId ? { automodRuleId: input.automodRuleId } : {}),
      ...(input.reasonTemplate ? { reasonTemplate: input.reasonTemplate } : {}),
      reason: input.reason,
      ...(input.until ? { until: input.until.toISOString() } : {}),
      ...(input.before ? { before: input.before } : {}),
      ...(input.after ? { after: input.after } : {}),
    },
  });
  return row!;
}
