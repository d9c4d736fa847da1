import type { Author } from '../../shared/api/community.js';
import { Link } from 'react-router';
import { Badge } from '../design/index.js';
import { roleLabel } from './role-label.js';

/**
 * Who wrote something. An anonymous author is their per-thread alias with a
 * small "anonymous" marker; the author themself is told the alias they are
 * shown under, so the anonymity is something they can see.
 */
export function AuthorName({ author, verb }: { author: Author; verb: 'posted' | 'replied' }) {
  if (author.kind === 'anonymous') {
    if (author.isYou) {
      return (
        <span className="author author--you">
          You {verb} anonymously as <strong className="author__name">{author.alias}</strong>
        </span>
      );
    }
    return (
      <span className="author">
        <strong className="author__name">{author.alias}</strong> <span className="author__marker">anonymous</span>
      </span>
    );
  }
  return (
    <span className="author">
      <strong className="author__name">
        <Link to={`/members/${encodeURIComponent(author.handle)}`}>{author.handle}</Link>
      </strong>
      {author.isYou ? <span className="author__you"> (you)</span> : null}
      {author.role ? (
        <>
          {' '}
          <Badge tone="neutral">{roleLabel(author.role)}</Badge>
        </>
      ) : null}
    </span>
  );
}
