import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../../api/queries.js';
import { Notice, PageHeader } from '../../design/index.js';
import './admin.css';

/**
 * Admin pages: inside SignedInOnly, so the member is known. Anyone else is told
 * plainly what the page is for; the API refuses them as well (403), this only
 * spares them a form that could not work.
 */
export function AdminOnly() {
  const { data: me } = useMe();
  const { pathname } = useLocation();
  if (me?.role === 'admin') return <Outlet />;
  if (!pathname.startsWith('/admin/hotlines')) {
    return (
      <div className="admin-page">
        <PageHeader title="For administrators" />
        <Notice tone="info" title="Only administrators can change this.">
          <p>
            If something here should change, please ask an administrator. If you need help yourself,{' '}
            <Link to="/help">Get help now</Link> has people you can talk to.
          </p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="admin-page">
      <PageHeader title="Crisis line directory" />
      <Notice tone="info" title="Only administrators can edit the hotline directory.">
        <p>
          You can see every crisis line on the <Link to="/help">Get help now</Link> page. If a number there looks wrong,
          please tell a moderator.
        </p>
      </Notice>
    </div>
  );
}
