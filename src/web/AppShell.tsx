import { NavLink, Outlet, ScrollRestoration } from 'react-router';
import { useSignOut } from './account/use-sign-out.js';
import { useInstance, useMe } from './api/queries.js';
import { Dropdown, Layout, Notice } from './design/index.js';
import { LiveProvider } from './live/LiveProvider.js';
import { AlertsNavLink } from './safety-team/AlertsNavLink.js';
import { MessagesNavLink, MoreWithUnread } from './messages/MessagesNavLink.js';
import { NotificationsNavLink } from './notifications/NotificationsNavLink.js';
import { QueueNavLink } from './moderation/QueueNavLink.js';
import { ModerationNoticesNavLink, SanctionBanner } from './moderation/SanctionBanner.js';

function SignedOutNav() {
  return (
    <ul className="site-nav__list">
      <li>
        <NavLink to="/sign-in" className="site-nav__link">
          Sign in
        </NavLink>
      </li>
      <li>
        <NavLink to="/sign-up" className="site-nav__link">
          Join Hearth
        </NavLink>
      </li>
    </ul>
  );
}

function SignOutButton({ className }: { className: string }) {
  const signOut = useSignOut();
  return (
    <>
      <button
        type="button"
        className={className}
        aria-disabled={signOut.isPending || undefined}
        onClick={() => !signOut.isPending && signOut.mutate()}
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {signOut.isError ? (
        <Notice tone="danger" live="alert" className="site-nav__error">
          We could not sign you out: {signOut.error.message}
        </Notice>
      ) : null}
    </>
  );
}

/**
 * Home, Groups and Search always in view. On a phone, Settings and Sign out
 * move into a "More" panel so the row stays on one line at 360 px.
 */
function SignedInNav() {
  return (
    <ul className="site-nav__list">
      <li>
        <NavLink to="/home" className="site-nav__link">
          Home
        </NavLink>
      </li>
      <li>
        <NavLink to="/groups" className="site-nav__link">
          Groups
        </NavLink>
      </li>
      <li>
        <NavLink to="/search" className="site-nav__link">
          Search
        </NavLink>
      </li>
      <AlertsNavLink className="site-nav__link" />
      {/* moderation: the queue's link for those who moderate */}
      <QueueNavLink className="site-nav__link" itemClassName="site-nav__wide" />
      <li className="site-nav__wide">
        <MessagesNavLink className="site-nav__link" />
      </li>
      {/* notifications (issue 15): the live unread badge */}
      <li className="site-nav__wide">
        <NotificationsNavLink className="site-nav__link" />
      </li>
      {/* moderation: the member's unread notices (actions, sanctions and appeals) */}
      <ModerationNoticesNavLink className="site-nav__link" />
      <li className="site-nav__wide">
        <NavLink to="/settings" className="site-nav__link">
          Settings
        </NavLink>
      </li>
      <li className="site-nav__wide">
        <SignOutButton className="site-nav__link site-nav__button" />
      </li>
      <li className="site-nav__narrow">
        <Dropdown label={<MoreWithUnread />} buttonClassName="site-nav__link site-nav__button">
          <ul className="dropdown__list">
            <li>
              <MessagesNavLink className="dropdown__item" />
            </li>
            <li>
              <NotificationsNavLink className="dropdown__item" />
            </li>
            <QueueNavLink className="dropdown__item" />
            <li>
              <NavLink to="/settings" className="dropdown__item">
                Settings
              </NavLink>
            </li>
            <li>
              <SignOutButton className="dropdown__item" />
            </li>
          </ul>
        </Dropdown>
      </li>
    </ul>
  );
}

/** A calm marker on every page while the demo community's accounts exist (the server says so). */
function DemoBanner() {
  const { data: instance } = useInstance();
  if (!instance?.demo) return null;
  return (
    <Notice tone="info" className="demo-banner" title="This is a demo community">
      The members and posts here were made up for a first look at Hearth. Please do not share anything personal.
    </Notice>
  );
}

function Frame() {
  const { data: me } = useMe();
  return (
    <Layout homeHref={me ? '/home' : '/'} nav={me ? <SignedInNav /> : <SignedOutNav />}>
      <DemoBanner />
      <SanctionBanner />
      <Outlet />
    </Layout>
  );
}

/** Every page: the frame, the live connection while signed in, and scroll reset on navigation. */
export function AppShell() {
  return (
    <LiveProvider>
      <Frame />
      <ScrollRestoration />
    </LiveProvider>
  );
}
