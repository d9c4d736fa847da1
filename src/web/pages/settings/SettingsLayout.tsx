import { useEffect, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useMe } from '../../api/queries.js';
import { PageHeader } from '../../design/index.js';

const SECTIONS = [
  { to: '/settings/profile', label: 'Profile' },
  { to: '/settings/community', label: 'Community' },
  { to: '/settings/blocked-and-muted', label: 'Blocked and muted' },
  // private messages
  { to: '/settings/messages', label: 'Messages' },
  //
  { to: '/settings/password', label: 'Password' },
  { to: '/settings/sessions', label: 'Sessions' },
  { to: '/settings/recovery-codes', label: 'Recovery codes' },
  // moderation: reports
  { to: '/settings/reports', label: 'My reports' },
  //
  // moderation: actions, sanctions and appeals
  { to: '/settings/moderation', label: 'Moderation notices' },
  //
  // notifications (issue 15)
  { to: '/settings/notifications', label: 'Notifications' },
];

/** Shown to admins only: the pages where they keep Hearth's shared data true. */
const ADMIN_SECTIONS = [
  { to: '/admin/hotlines', label: 'Crisis line directory' },
  { to: '/admin/safety', label: 'Safety team' },
  { to: '/admin/assessor', label: 'How the assessor is doing' },
  // moderation: audit log and figures
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/moderation-figures', label: 'Moderation figures' },
  //
  // moderation: automod
  { to: '/admin/automod', label: 'Automod' },
  //
  // moderation: members
  { to: '/admin/members', label: 'Members and roles' },
  { to: '/admin/reveals', label: 'Reveal log' },
  //
];

export function SettingsLayout() {
  const { data: me } = useMe();
  return (
    <div className="settings">
      <PageHeader title="Settings" />
      <div className="settings__body">
        <nav className="settings__nav" aria-label="Settings">
          <ul className="settings__nav-list">
            {[...SECTIONS, ...(me?.role === 'admin' ? ADMIN_SECTIONS : [])].map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} className="settings__nav-link">
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings__content">
          <Outlet />
        </div>
      </div>
    </div>
  );
}

/**
 * One settings page: its h2 is the page's focus target after a navigation
 * (the last `data-page-title` wins) and names the document.
 */
export function SettingsSection({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Settings · Hearth`;
  }, [title]);
  return (
    <section className="settings-section" aria-labelledby="settings-section-title">
      <h2 id="settings-section-title" className="settings-section__title" tabIndex={-1} data-page-title="">
        {title}
      </h2>
      {intro ? <div className="settings-section__intro">{intro}</div> : null}
      {children}
    </section>
  );
}
