import type { CommunitySettings, PostSummary, Reply } from '../../shared/api/community.js';
import { warningTopicLabel } from './labels.js';

export type WarningTreatment = 'hide' | 'collapse' | 'show';

const STRICTNESS: Record<WarningTreatment, number> = { show: 0, collapse: 1, hide: 2 };

/**
 * How a post (or a reply staff released with a warning) is shown to this
 * member. Each warning topic follows the member's preference (collapsed until
 * they choose otherwise); a post with several topics takes the most careful one. A free-text warning with
 * no topic is always collapsed: we cannot know what it covers. A member's own
 * posts are never hidden from them.
 */
export function warningTreatment(
  post: Pick<PostSummary, 'contentWarning' | 'contentWarningTopics'> & { author: Pick<PostSummary['author'], 'isYou'> },
  preferences: CommunitySettings['contentWarningPreferences'] | undefined,
): WarningTreatment {
  const hasWarning = Boolean(post.contentWarning?.trim()) || post.contentWarningTopics.length > 0;
  if (!hasWarning) return 'show';
  let treatment: WarningTreatment = post.contentWarningTopics.length > 0 ? 'show' : 'collapse';
  for (const topic of post.contentWarningTopics) {
    const preference = preferences?.[topic] ?? 'collapse';
    if (STRICTNESS[preference] > STRICTNESS[treatment]) treatment = preference;
  }
  if (treatment === 'hide' && post.author.isYou) return 'collapse';
  return treatment;
}

/** The warning as one line: the author's words, then the topics they ticked. */
export function warningText(post: Pick<PostSummary, 'contentWarning' | 'contentWarningTopics'>): string {
  const topics = post.contentWarningTopics.map(warningTopicLabel);
  const words = post.contentWarning?.trim();
  if (words && topics.length > 0) return `${words} (${topics.join(', ')})`;
  return words || topics.join(', ');
}

/**
 * The gate a reply is read behind: the warning staff chose when they released
 * it from review, folded as the member's preferences say for its topics (as a
 * post is in its thread: "hide" folds it too, it never vanishes from a thread
 * the member opened). None for a reply without a warning, or one removed.
 */
export function replyGate(
  reply: Pick<Reply, 'contentWarning' | 'contentWarningTopics' | 'status'> & { author: Pick<PostSummary['author'], 'isYou'> },
  preferences: CommunitySettings['contentWarningPreferences'] | undefined,
): { warning: string; initiallyOpen: boolean } | null {
  if (reply.status !== 'visible' && reply.status !== 'held') return null;
  const warning = warningText(reply);
  if (!warning) return null;
  return { warning, initiallyOpen: warningTreatment(reply, preferences) === 'show' };
}
