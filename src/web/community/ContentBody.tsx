import type { Reply } from '../../shared/api/community.js';

/**
 * What was written. `bodyHtml` is the server's sanitised HTML (a Markdown
 * subset through an allowlist), the only HTML the app ever renders from the
 * server. Removed content is a plain placeholder.
 */
export function ContentBody({
  status,
  bodyHtml,
  subject = 'reply',
}: {
  status: Reply['status'];
  bodyHtml: string | null;
  subject?: 'post' | 'reply';
}) {
  // Other members' view of a removed or held reply or post kept as a placeholder: neutral on purpose.
  if (status === 'unavailable') return <p className="content-body content-body--removed">This {subject} is no longer available</p>;
  if (status === 'removed_by_staff')
    return <p className="content-body content-body--removed">Removed by a moderator</p>;
  if (status === 'removed_by_author' || bodyHtml === null) {
    return <p className="content-body content-body--removed">Removed by the author</p>;
  }
  return <div className="content-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />;
}
