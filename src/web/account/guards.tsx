import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/queries.js';
import { Button, Loading, Notice } from '../design/index.js';

/** Pages for members only: the signed-out are sent to sign in, and brought back after. */
export function SignedInOnly() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <Notice tone="danger" live="alert" title="We could not reach Hearth.">
        <p>Please check your connection and try again.</p>
        <Button variant="secondary" onClick={() => void me.refetch()}>
          Try again
        </Button>
      </Notice>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/**
 * Pages for visitors: a signed-in member goes to their account instead, unless
 * the page is still showing something they must see (their recovery codes).
 * When the server cannot be reached the page still shows: it may carry help.
 */
export function SignedOutOnly({
  children,
  stay = false,
  to = '/home',
}: {
  children: ReactNode;
  stay?: boolean;
  to?: string;
}) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data && !stay) return <Navigate to={to} replace />;
  return <>{children}</>;
}
