import { Link } from 'react-router';
import type { PostSummary } from '../../shared/api/community.js';
import { RelativeTime } from '../design/index.js';
import { AuthorName } from './AuthorName.js';
import { ContentWarningGate } from './ContentWarningGate.js';
import { warningText, type WarningTreatment } from './content-warnings.js';
import { plural } from './labels.js';
import { PostBadges } from './PostBadges.js';
import { SupportCompact } from '../safety/SupportCompact.js';

/** One post in a list: its title, where and when, who, and the start of what was said. */
export function PostCard({
  post,
  treatment,
  showGroup = true,
}: {
  post: PostSummary;
  treatment: WarningTreatment;
  showGroup?: boolean;
}) {
  const removed = post.status === 'removed_by_author' || post.status === 'removed_by_staff';
  const warning = warningText(post);
  const excerpt = post.excerpt ? <p className="post-card__excerpt">{post.excerpt}</p> : null;
  return (
    <article className="post-card" aria-labelledby={`post-${post.id}-title`}>
      <h3 className="post-card__title" id={`post-${post.id}-title`}>
        <Link to={`/posts/${post.id}`}>{removed ? 'Removed post' : post.title}</Link>
      </h3>
      <p className="post-card__meta">
        <AuthorName author={post.author} verb="posted" />
        {showGroup ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>
              in <Link to={`/groups/${post.group.slug}`}>{post.group.name}</Link>
            </span>
          </>
        ) : null}
        <span aria-hidden="true"> · </span>
        <RelativeTime iso={post.createdAt} />
      </p>
      <PostBadges post={post} />
      {removed ? null : !warning || !excerpt ? (
        excerpt
      ) : (
        <ContentWarningGate
          warning={warning}
          subject={`the start of “${post.title}”`}
          initiallyOpen={treatment === 'show'}
        >
          {excerpt}
        </ContentWarningGate>
      )}
      <p className="post-card__replies">
        {post.replyCount === 0 ? 'No replies yet' : plural(post.replyCount, 'reply', 'replies')}
      </p>
      {/* Only the author's own "Your posts" list carries it. */}
      {post.supportCard ? <SupportCompact card={post.supportCard} postId={post.id} /> : null}
    </article>
  );
}
