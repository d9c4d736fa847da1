import { Link } from 'react-router';
import { useMe } from '../api/queries.js';
import { PageHeader } from '../design/index.js';

export function NotFoundPage() {
  const { data: me } = useMe();
  return (
    <div className="narrow">
      <PageHeader
        title="We could not find that page"
        lead={<p>The link may be old, or the address may have a typo.</p>}
      />
      <ul>
        <li>
          <Link to={me ? '/home' : '/'}>{me ? 'Go to your account' : 'Go to the start'}</Link>
        </li>
        <li>
          <Link to="/help">Get help now</Link>
        </li>
      </ul>
    </div>
  );
}
