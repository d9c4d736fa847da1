import { eq } from 'drizzle-orm';
import { ACTION_KIND_WORDS, reasonTemplateLabel, type AppealView } from '../../../shared/api/moderation-actions.js';
import type { Database } from '../../db/index.js';
import { automodRules, users, type appeals, type moderationActions } from '../../db/schema/index.js';
import { excerptOf } from '../posts/markdown.js';
import { findPost, findReply } from '../posts/queries.js';

type ActionRow = typeof moderationActions.$inferSelect;
type AppealRow = typeof appeals.$inferSelect;

export interface ContentSummary {
  type: 'post' | 'reply';
  postId: string;
  title: string | null;
  excerpt: string;
  anonymous: boolean;
}

/** The content an action was about, in a line: a post's title and excerpt, a reply's excerpt. Never its author. */
export async function contentSummary(db: Database, action: Pick<ActionRow, 'targetType' | 'targetId'>): Promise<ContentSummary | null> {
  if (action.targetType === 'post') {
    const post = await findPost(db, action.targetId);
    return post ? { type: 'post', postId: post.id, title: post.title, excerpt: post.excerpt, anonymous: post.anonymous } : null;
  }
  if (action.targetType === 'reply') {
    const reply = await findReply(db, action.targetId);
    return reply ? { type: 'reply', postId: reply.postId, title: null, excerpt: excerptOf(reply.body, 160), anonymous: reply.anonymous } : null;
  }
  return null;
}

export async function ruleName(db: Database, ruleId: string | null): Promise<string | null> {
  if (!ruleId) return null;
  const [row] = await db.select({ name: automodRules.name }).from(automodRules).where(eq(automodRules.id, ruleId)).limit(1);
  return row?.name ?? null;
}

/** Who acted, in words: a moderator (never which one, to the member), or the automatic rule by name. */
export async function actedBy(db: Database, action: Pick<ActionRow, 'actorId' | 'automodRuleId'>, viewerId: string): Promise<string> {
  if (action.actorId === null) {
    const name = await ruleName(db, action.automodRuleId);
    return name ? `the automatic rule “${name}”` : 'an automatic rule';
  }
  return action.actorId === viewerId ? 'you' : 'a moderator';
}

/** The kind in words; an automatic hold reads "Held". */
export function kindWords(action: Pick<ActionRow, 'kind' | 'actorId'>): string {
  if (action.actorId === null && action.kind === 'hide') return 'Held for review';
  return ACTION_KIND_WORDS[action.kind];
}

/**
 * An appeal as moderators in scope read it. The member's handle only when the
 * action was not on anonymous content: an appeal must not unmask an alias.
 */
export async function presentAppeal(db: Database, appeal: AppealRow, action: ActionRow, viewerId: string): Promise<AppealView> {
  const content = await contentSummary(db, action);
  let member: { handle: string } | null = null;
  if (!content?.anonymous && action.subjectId) {
    const [row] = await db.select({ handle: users.handle }).from(users).where(eq(users.id, action.subjectId)).limit(1);
    member = row ?? null;
  }
  return {
    id: appeal.id,
    status: appeal.status,
    body: appeal.body,
    createdAt: appeal.createdAt.toISOString(),
    decidedAt: appeal.decidedAt?.toISOString() ?? null,
    decisionReason: appeal.decisionReason,
    member,
    action: {
      id: action.id,
      kind: action.kind,
      kindWords: kindWords(action),
      targetType: action.targetType,
      targetId: action.targetId,
      reasonTemplate: action.reasonTemplate,
      reasonLabel: reasonTemplateLabel(action.reasonTemplate),
      reason: action.reason,
      until: action.until?.toISOString() ?? null,
      createdAt: action.createdAt.toISOString(),
      by: await actedBy(db, action, viewerId),
      mine: action.actorId === viewerId,
      content: content ? { title: content.title, excerpt: content.excerpt, postId: content.postId } : null,
    },
  };
}
