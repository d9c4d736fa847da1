import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FeedSource } from '../api/community.js';
import { useCommunitySettings, useFeed } from '../api/community-queries.js';
import { Alert, Button, LoadError, Loading } from '../design/index.js';
import { warningTreatment } from './content-warnings.js';
import { plural } from './labels.js';
import { PostCard } from './PostCard.js';

/**
 * A list of posts, one page at a time: "Load more" asks for the next page
 * (no infinite scroll). Posts whose content warnings the member chose to hide
 * are left out, and a quiet line says how many.
 */
export function PostFeed({
  source,
  label,
  empty,
  showGroup = true,
}: {
  source: FeedSource;
  /** The list's accessible name. */
  label: string;
  empty: ReactNode;
  showGroup?: boolean;
}) {
  const feed = useFeed(source);
  const settings = useCommunitySettings();
  const preferences = settings.data?.contentWarningPreferences;

  if (feed.isPending) return <Loading label="Loading posts…" />;
  if (feed.isError)
    return <LoadError title="We could not load these posts." error={feed.error} onRetry={feed.refetch} />;

  const posts = feed.data.pages.flatMap((page) => page.posts);
  const shown = posts
    .map((post) => ({ post, treatment: warningTreatment(post, preferences) }))
    .filter((entry) => entry.treatment !== 'hide');
  const hidden = posts.length - shown.length;

  return (
    <div className="post-feed">
      {shown.length === 0 && hidden === 0 ? <div className="post-feed__empty">{empty}</div> : null}
      {shown.length > 0 ? (
        <ul className="post-feed__list" aria-label={label}>
          {shown.map(({ post, treatment }) => (
            <li key={post.id}>
              <PostCard post={post} treatment={treatment} showGroup={showGroup} />
            </li>
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? (
        <p className="post-feed__hidden muted">
          {plural(hidden, 'post', 'posts')} hidden by your{' '}
          <Link to="/settings/community">content-warning settings</Link>.
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {feed.data.pages.length > 1 ? `Showing ${plural(shown.length, 'post', 'posts')}.` : ''}
      </p>
      {feed.hasNextPage ? (
        <div className="post-feed__more">
          <Button
            variant="secondary"
            busy={feed.isFetchingNextPage}
            busyLabel="Loading more…"
            onClick={() => void feed.fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      ) : null}
      {feed.isFetchNextPageError ? (
        <Alert title="We could not load more posts.">
          <p>Please check your connection and press “Load more” again.</p>
        </Alert>
      ) : null}
    </div>
  );
}
