import { NavLink, Outlet, ScrollRestoration } from 'react-router';
import { useSignOut } from './account/use-sign-out.js';
import { useMe } from './api/queries.js';
import { Layout, Notice } from './design/index.js';
import { LiveProvider } from './live/LiveProvider.js';

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

function SignedInNav() {
  const signOut = useSignOut();
  return (
    <>
      <ul className="site-nav__list">
        <li>
          <NavLink to="/home" className="site-nav__link">
            Account
          </NavLink>
        </li>
        <li>
          <NavLink to="/settings" className="site-nav__link">
            Settings
          </NavLink>
        </li>
        <li>
          <button
            type="button"
            className="site-nav__link site-nav__button"
            aria-disabled={signOut.isPending || undefined}
            onClick={() => !signOut.isPending && signOut.mutate()}
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </li>
      </ul>
      {signOut.isError ? (
        <Notice tone="danger" live="alert" className="site-nav__error">
          We could not sign you out: {signOut.error.message}
        </Notice>
      ) : null}
    </>
  );
}

function Frame() {
  const { data: me } = useMe();
  return (
    <Layout homeHref={me ? '/home' : '/'} nav={me ? <SignedInNav /> : <SignedOutNav />}>
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
