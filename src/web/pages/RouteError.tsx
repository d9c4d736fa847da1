import { isRouteErrorResponse, useRouteError } from 'react-router';
import { EMERGENCY_FALLBACK } from '../api/help.js';

/**
 * Shown when a page fails to render. It stands alone (no data, no router
 * links that might fail again) and always carries the way to help.
 */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="site-main route-error" tabIndex={-1}>
      <h1>{notFound ? 'We could not find that page' : 'Something went wrong on this page'}</h1>
      <p>Please try again. If it keeps happening, the people who run this Hearth will want to know.</p>
      <p>
        <a href="/">Go to the start</a> · <a href="/help">Get help now</a>
      </p>
      <p>{EMERGENCY_FALLBACK}</p>
    </main>
  );
}
