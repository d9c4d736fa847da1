import { NavLink } from 'react-router';
import { useModerationScope } from '../api/moderation-queue.js';

/**
 * The header's "Moderation" link (a list item), only for those who moderate
 * something: in the row on wide screens, in "More" on a phone (the row stays
 * on one line at 360 px).
 */
export function QueueNavLink({ className, itemClassName }: { className: string; itemClassName?: string }) {
  const scope = useModerationScope();
  if (!scope.data?.moderates) return null;
  return (
    <li className={itemClassName}>
      <NavLink to="/moderation" className={className}>
        Moderation
      </NavLink>
    </li>
  );
}
