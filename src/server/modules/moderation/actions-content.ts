import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { posts, replies } from '../../db/schema/index.js';
import { conflict, unprocessable } from '../../http/errors.js';
import type { TargetFacts } from './actions-targets.js';

export interface ContentEffect {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** A reply changed status: the thread's counters follow what readers can see. */
  replyStatusChanged: boolean;
}

type StatusChange = { status: 'visible' | 'held' | 'removed_by_staff'; heldBy: string | null };

/** Holds the safety team decides on (the assessor's) are theirs: moderators neither restore nor approve them. */
const MODERATION_HOLDS = new Set(['moderator', 'automod', 'approval']);

function contentOf(target: TargetFacts): { status: string; heldBy: string | null; contentWarning: string | null; contentWarningTopics: string[] } {
  const row = target.reply ?? target.post;
  if (!row || target.type === 'member') throw unprocessable('not_content', 'This action is for a post or a reply.', 'target');
  return row;
}

function nextStatus(kind: 'hide' | 'remove' | 'restore' | 'approve', current: { status: string; heldBy: string | null }): StatusChange {
  const what = 'This content';
  if (kind === 'hide') {
    if (current.status !== 'visible') throw conflict('not_visible', `${what} is not visible, so there is nothing to hide.`);
    return { status: 'held', heldBy: 'moderator' };
  }
  if (kind === 'remove') {
    if (current.status === 'removed_by_staff' || current.status === 'removed_by_author') throw conflict('already_removed', `${what} is already removed.`);
    return { status: 'removed_by_staff', heldBy: null };
  }
  if (kind === 'approve') {
    if (current.status !== 'held' || (current.heldBy !== 'approval' && current.heldBy !== 'automod')) {
      throw conflict('not_awaiting_approval', `${what} is not waiting for approval or held by an automatic rule.`);
    }
    return { status: 'visible', heldBy: null };
  }
  if (current.status === 'visible') throw conflict('already_visible', `${what} is already visible.`);
  if (current.status === 'removed_by_author') throw conflict('removed_by_author', 'Its author removed this, so it stays removed.');
  if (current.status === 'held' && !MODERATION_HOLDS.has(current.heldBy ?? 'assessor')) {
    throw conflict('safety_hold', 'This is held for the safety team’s review: the safety team decides whether it is released.');
  }
  return { status: 'visible', heldBy: null };
}

async function setContent(tx: Database, target: TargetFacts, values: Partial<typeof posts.$inferInsert & typeof replies.$inferInsert>): Promise<void> {
  if (target.type === 'reply') await tx.update(replies).set(values).where(eq(replies.id, target.id));
  else await tx.update(posts).set(values).where(eq(posts.id, target.id));
}

export type ContentInput =
  | { kind: 'hide' | 'remove' | 'restore' | 'approve' | 'lock' | 'unlock' }
  | { kind: 'content_warning'; contentWarning: string | null; contentWarningTopics: string[] }
  | { kind: 'move'; toGroupId: string };

/** Changes the content as the action says; refuses (before any write) what would change nothing. */
export async function applyContentEffect(tx: Database, target: TargetFacts, input: ContentInput, now: Date): Promise<ContentEffect> {
  const content = contentOf(target);
  if (input.kind === 'content_warning') {
    const before = { contentWarning: content.contentWarning, contentWarningTopics: content.contentWarningTopics };
    const after = { contentWarning: input.contentWarning, contentWarningTopics: input.contentWarningTopics };
    await setContent(tx, target, after);
    return { before, after, replyStatusChanged: false };
  }
  if (input.kind === 'lock' || input.kind === 'unlock' || input.kind === 'move') {
    const post = target.post;
    if (target.type !== 'post' || !post) throw unprocessable('not_thread', 'Locking, unlocking and moving are for a thread: choose its post.', 'target');
    if (input.kind === 'move') {
      if (post.groupId === input.toGroupId) throw conflict('same_group', 'The thread is already in that group.');
      await tx.update(posts).set({ groupId: input.toGroupId }).where(eq(posts.id, post.id));
      return { before: { groupId: post.groupId }, after: { groupId: input.toGroupId }, replyStatusChanged: false };
    }
    const locking = input.kind === 'lock';
    if (locking === (post.lockedAt !== null)) throw conflict(locking ? 'already_locked' : 'not_locked', locking ? 'The thread is already locked.' : 'The thread is not locked.');
    await tx.update(posts).set({ lockedAt: locking ? now : null }).where(eq(posts.id, post.id));
    return { before: { locked: !locking }, after: { locked: locking }, replyStatusChanged: false };
  }
  const change = nextStatus(input.kind, content);
  await setContent(tx, target, change);
  return { before: { status: content.status }, after: { status: change.status }, replyStatusChanged: target.type === 'reply' };
}
