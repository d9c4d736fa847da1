import { Link } from 'react-router';
import type { SupportCard } from '../../shared/api/safety.js';
import { telHref } from '../help/phone.js';

/**
 * The support card, compact, under the member's own post in "Your posts": the
 * first crisis line and the emergency number, and the way to the whole card
 * (which stays with the post until they fold it away there).
 */
export function SupportCompact({ card, postId }: { card: SupportCard; postId: string }) {
  const first = card.services[0];
  return (
    <aside className="support-compact" aria-label="Support for you">
      <p className="support-compact__title">
        <strong>Support for you</strong>
        {card.team?.online === false ? ' · our team is not online right now' : ''}
      </p>
      <ul className="support-compact__lines">
        {first?.phone ? (
          <li>
            <a href={telHref(first.phone)}>
              Call {first.name} ({first.phone})
            </a>
          </li>
        ) : null}
        <li>
          In danger now? <a href={telHref(card.emergency.number)}>Call {card.emergency.number}</a>
        </li>
        <li>
          <Link to={`/posts/${postId}`}>See all your support</Link>
        </li>
      </ul>
    </aside>
  );
}
