import type { Post, PostSummary } from '../../shared/api/community.js';
import { Badge } from '../design/index.js';
import { MOOD_LABELS } from './labels.js';

/** The quiet facts beside a post: waiting for a reply, held, the author's mood, edited. */
export function PostBadges({
  post,
  showHeld = true,
}: {
  post: Pick<PostSummary, 'needsReply' | 'mood' | 'edited' | 'author'> & { status: Post['status'] };
  /** Off where a fuller notice about holding is shown (the thread). */
  showHeld?: boolean;
}) {
  const badges = [
    // A call to others: the author is not shown a reminder that no one has answered yet.
    post.needsReply && !post.author.isYou ? <Badge key="needs">Needs a reply</Badge> : null,
    showHeld && post.status === 'held' ? (
      <Badge key="held" tone="neutral">
        {post.author.isYou ? 'Only you and the safety team can see this' : 'Held: only staff can see this'}
      </Badge>
    ) : null,
    post.mood ? (
      <Badge key="mood" tone="neutral">
        Feeling: {MOOD_LABELS[post.mood]}
      </Badge>
    ) : null,
  ].filter(Boolean);
  if (badges.length === 0 && !post.edited) return null;
  return (
    <p className="post-badges">
      {badges}
      {post.edited ? <span className="post-badges__edited">edited</span> : null}
    </p>
  );
}
