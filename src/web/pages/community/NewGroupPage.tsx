import { Link, useNavigate } from 'react-router';
import { useCreateGroup } from '../../api/moderation-staff.js';
import { useMe } from '../../api/queries.js';
import { Notice, PageHeader } from '../../design/index.js';
import { emptyDraft, StaffGroupForm } from '../../moderation/StaffGroupForm.js';
import '../../moderation/staff.css';

/**
 * `/groups/new`: site moderators and admins start a group. A site moderator who
 * does is its first moderator; an admin manages every group already.
 */
export function NewGroupPage() {
  const { data: me } = useMe();
  const create = useCreateGroup();
  const navigate = useNavigate();
  const staff = me?.role === 'moderator' || me?.role === 'admin';
  return (
    <div className="narrow staff-page">
      <PageHeader
        eyebrow={<Link to="/groups">Groups</Link>}
        title="Start a group"
        lead={<p>A group is for one kind of thing people go through, with its own rules and moderators.</p>}
      />
      {staff ? (
        <StaffGroupForm
          initial={emptyDraft}
          creating
          submitLabel="Start the group"
          busy={create.isPending}
          error={create.error}
          onSubmit={(draft) =>
            create.mutate(
              { ...draft, slug: draft.slug.trim(), name: draft.name.trim() },
              { onSuccess: ({ group }) => void navigate(`/groups/${encodeURIComponent(group.slug)}/manage`) },
            )
          }
        />
      ) : (
        <Notice tone="info" title="Site moderators and admins start groups.">
          <p>
            If you would like a group that does not exist yet, please ask a moderator. Meanwhile,{' '}
            <Link to="/groups">every group</Link> is open to look through.
          </p>
        </Notice>
      )}
    </div>
  );
}
