import { NavLink } from 'react-router';
import { useMe } from '../api/queries.js';
import { useAlertCounts } from '../api/safety-alerts.js';
import { useSafetyRefresh } from './use-safety-live.js';
import './alerts.css';

/** The header's "Safety" link (a list item) for the safety team, with the live count of open alerts. */
export function AlertsNavLink({ className }: { className: string }) {
  const { data: me } = useMe();
  const staff = me?.role === 'moderator' || me?.role === 'admin';
  return staff ? <StaffLink className={className} /> : null;
}

function StaffLink({ className }: { className: string }) {
  const counts = useAlertCounts(true);
  useSafetyRefresh();
  // Staff left off a limited team get 403: no link for them.
  if (counts.isError && !counts.data) return null;
  const open = counts.data?.open ?? 0;
  const label = `Safety, ${open} open alert${open === 1 ? '' : 's'}`;
  return (
    <li className="site-nav__safety">
      <NavLink to="/safety" className={className} aria-label={counts.data ? label : 'Safety'}>
        Safety
        {open > 0 ? (
          <span className={`nav-count${(counts.data?.imminent ?? 0) > 0 ? ' nav-count--urgent' : ''}`} aria-hidden="true">
            {open}
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}
