import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Group } from '../../../shared/api/community.js';
import type { GroupTeamResponse } from '../../../shared/api/moderation-staff.js';
import { ApiError } from '../../api/client.js';
import { useGroupTeam, useUpdateGroup } from '../../api/moderation-staff.js';
import { ButtonLink, LoadError, Loading, Notice, PageHeader } from '../../design/index.js';
import { StaffArchive } from '../../moderation/StaffArchive.js';
import { draftOf, StaffGroupForm, type GroupDraft } from '../../moderation/StaffGroupForm.js';
import { StaffGroupTeam } from '../../moderation/StaffGroupTeam.js';
import { StaffJoinRequests } from '../../moderation/StaffJoinRequests.js';
import '../../moderation/staff.css';

/**
 * `/groups/:slug/manage`: for the group's moderators and site staff. The
 * details, join requests, the moderators, and a way to its automatic rules.
 * What shows follows the viewer's powers from the server's group policy.
 */
export function ManageGroupPage() {
  const { slug = '' } = useParams();
  const team = useGroupTeam(slug, '');

  if (team.isPending) return <Loading label="Loading the group…" />;
  if (team.isError) {
    const status = team.error instanceof ApiError ? team.error.status : 0;
    if (status === 403 || status === 404) {
      return (
        <div className="narrow staff-page">
          <PageHeader
            title={status === 404 ? 'We could not find that group' : 'Only this group’s moderators can manage it'}
          />
          <Notice tone="info">
            <p>
              {status === 404
                ? 'It may have been renamed or closed.'
                : 'If something in the group should change, please tell one of its moderators.'}
            </p>
          </Notice>
          <ButtonLink to={status === 404 ? '/groups' : `/groups/${encodeURIComponent(slug)}`} variant="secondary">
            {status === 404 ? 'See every group' : 'Back to the group'}
          </ButtonLink>
        </div>
      );
    }
    return <LoadError title="We could not load this group." error={team.error} onRetry={team.refetch} />;
  }
  return <Manage data={team.data} />;
}

function Manage({ data }: { data: GroupTeamResponse }) {
  const { group, powers } = data;
  const groupPath = `/groups/${encodeURIComponent(group.slug)}`;
  return (
    <div className="narrow staff-page">
      <PageHeader
        eyebrow={<Link to={groupPath}>{group.name}</Link>}
        title="Manage group"
        documentTitle={`Manage ${group.name}`}
        lead={<p>Look after {group.name}: what it is, who joins, and who moderates it.</p>}
      >
        <p>
          <Link to={`${groupPath}/automod`}>Automatic rules</Link>
        </p>
      </PageHeader>

      <section className="staff-page__section" aria-labelledby="manage-details-title">
        <h2 id="manage-details-title">Details</h2>
        {powers.editDetails ? <Details group={group} /> : <p>Only the group’s moderators can edit it.</p>}
        {powers.archive ? <StaffArchive group={group} /> : null}
      </section>

      <section className="staff-page__section" aria-labelledby="manage-requests-title">
        <h2 id="manage-requests-title">Join requests</h2>
        <StaffJoinRequests group={group} />
      </section>

      <section className="staff-page__section" aria-labelledby="manage-team-title">
        <h2 id="manage-team-title">Moderators</h2>
        <StaffGroupTeam group={group} team={data.team} canChangeModerators={powers.changeModerators} />
      </section>
    </div>
  );
}

/** Only what changed is sent, so one moderator's edit never overwrites another's in a field they did not touch. */
function changes(before: GroupDraft, after: GroupDraft) {
  const out: Partial<Omit<GroupDraft, 'slug'>> = {};
  if (after.name.trim() !== before.name) out.name = after.name.trim();
  if (after.description.trim() !== before.description) out.description = after.description.trim();
  if (after.rules.trim() !== before.rules) out.rules = after.rules.trim();
  if (after.tags.join(',') !== before.tags.join(',')) out.tags = after.tags;
  if (after.visibility !== before.visibility) out.visibility = after.visibility;
  if (after.showReactionCounts !== before.showReactionCounts) out.showReactionCounts = after.showReactionCounts;
  return out;
}

function Details({ group }: { group: Group }) {
  const update = useUpdateGroup(group.slug);
  const [saved, setSaved] = useState(false);
  return (
    <StaffGroupForm
      initial={draftOf(group)}
      creating={false}
      submitLabel="Save changes"
      busy={update.isPending}
      error={update.error}
      saved={saved}
      onSubmit={(draft) => {
        const body = changes(draftOf(group), draft);
        setSaved(false);
        if (Object.keys(body).length === 0) {
          setSaved(true);
          return;
        }
        update.mutate(body, { onSuccess: () => setSaved(true) });
      }}
    />
  );
}
