import { Link, NavLink } from 'react-router';
import { useMyModerationUnread } from '../api/moderation-actions.js';
import { useMe } from '../api/queries.js';
import { Notice } from '../design/index.js';
import './moderation-actions.css';

/**
 * A calm banner on the member's pages while a mute, suspension or ban is in
 * force: what it means and where to read the reason and appeal. Help stays
 * open to them, and so do their messages with the safety team.
 */
export function SanctionBanner() {
  const { data: me } = useMe();
  return me ? <SignedInBanner /> : null;
}

function SignedInBanner() {
  const status = useMyModerationUnread();
  if (!status.data?.sanctioned) return null;
  return (
    <Notice tone="info" className="sanction-banner" title="A moderation decision is in force on your account">
      <p>
        Some things you write may be refused for now. Read why, until when, and how to appeal on your <Link to="/settings/moderation">Moderation notices</Link> page. You can still read, write to the safety team, and{' '}
        <Link to="/help">get help now</Link>.
      </p>
    </Notice>
  );
}

/** In the header while there are unread moderation notices: a link to read them, with the count. */
export function ModerationNoticesNavLink({ className }: { className: string }) {
  const { data: me } = useMe();
  return me ? <UnreadLink className={className} /> : null;
}

function UnreadLink({ className }: { className: string }) {
  const status = useMyModerationUnread();
  const unread = status.data?.unread ?? 0;
  if (unread === 0) return null;
  return (
    <li className="site-nav__wide">
      <NavLink to="/settings/moderation" className={className} aria-label={`Moderation notices, ${unread} unread`}>
        Notices
        <span className="nav-count" aria-hidden="true">
          {unread}
        </span>
      </NavLink>
    </li>
  );
}
