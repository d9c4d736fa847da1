import { Link } from 'react-router';
import { REACTIONS, type Post } from '../../shared/api/community.js';
import type { ReactionTarget } from '../api/community.js';
import { Alert } from '../design/index.js';
import { plural, reactionLabel } from './labels.js';
import { useReaction } from './thread-mutations.js';

type Reactions = Post['reactions'];

/**
 * Reactions that carry care. Others toggle theirs (aria-pressed) and see counts
 * only when the group shows them; the author sees what people sent, and who,
 * behind a disclosure. A count the server did not send is never shown.
 */
export function ReactionsBar({
  postId,
  target,
  reactions,
  isAuthor,
  subject,
}: {
  postId: string;
  target: ReactionTarget;
  reactions: Reactions;
  isAuthor: boolean;
  /** What the reactions are for, for screen readers: "this post", "Quiet Heron’s reply". */
  subject: string;
}) {
  const reaction = useReaction(postId);
  if (isAuthor) return <ReactionsForAuthor reactions={reactions} />;
  return (
    <div className="reactions">
      <div className="reactions__buttons" role="group" aria-label={`Respond to ${subject}`}>
        {REACTIONS.map(({ id, label }) => {
          const pressed = reactions.mine.includes(id);
          const count = reactions.counts ? (reactions.counts[id] ?? 0) : null;
          return (
            <button
              key={id}
              type="button"
              className="reaction"
              aria-pressed={pressed}
              onClick={() => reaction.mutate({ target, kind: id, on: !pressed })}
            >
              <span className="reaction__tick" aria-hidden="true">
                {pressed ? '✓' : '+'}
              </span>
              {label}
              {count !== null && count > 0 ? <span className="reaction__count"> {count}</span> : null}
            </button>
          );
        })}
      </div>
      {reaction.isError ? (
        <Alert className="reactions__error" title="That did not go through.">
          <p>{reaction.error.message}</p>
        </Alert>
      ) : null}
    </div>
  );
}

function ReactionsForAuthor({ reactions }: { reactions: Reactions }) {
  const counts = Object.entries(reactions.counts ?? {}).filter(([, count]) => count > 0);
  // Nothing yet: say nothing, rather than a zero that reads like no one cared.
  if (counts.length === 0) return null;
  return (
    <div className="reactions reactions--author">
      <p className="reactions__summary">
        People sent you:{' '}
        {counts.map(([kind, count], index) => (
          <span key={kind}>
            {index > 0 ? ', ' : ''}
            <strong>{reactionLabel(kind)}</strong> ({count})
          </span>
        ))}
      </p>
      {reactions.reactors && reactions.reactors.length > 0 ? (
        <details className="reactions__who">
          <summary>Who reacted ({plural(reactions.reactors.length, 'reaction', 'reactions')})</summary>
          <ul>
            {reactions.reactors.map((reactor) => (
              <li key={`${reactor.handle}-${reactor.kind}`}>
                <strong>
                  <Link to={`/members/${encodeURIComponent(reactor.handle)}`}>{reactor.handle}</Link>
                </strong>
                : {reactionLabel(reactor.kind)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
