import { NavLink } from 'react-router';
import { useModerationScope } from '../api/moderation-queue.js';

/** The header's "Moderation" link (a list item), only for those who moderate something. */
export function QueueNavLink({ className }: { className: string }) {
  const scope = useModerationScope();
  if (!scope.data?.moderates) return null;
  return (
    <li>
      <NavLink to="/moderation" className={className}>
        Moderation
      </NavLink>
    </li>
  );
}
