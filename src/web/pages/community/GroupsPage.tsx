import { Link } from 'react-router';
import { useGroups } from '../../api/community-queries.js';
import { useMe } from '../../api/queries.js';
import { GroupCard } from '../../community/GroupCard.js';
import { Alert, ButtonLink, Loading, PageHeader } from '../../design/index.js';

/** Every group, with the member's place in each: yours first, then the rest. */
export function GroupsPage() {
  const groups = useGroups();
  const { data: me } = useMe();
  // Site moderators and admins start groups (groups/policies.ts canCreate); the API refuses anyone else.
  const mayStart = me?.role === 'moderator' || me?.role === 'admin';
  const all = groups.data?.groups ?? [];
  const yours = all.filter((group) => group.membership);
  const others = all.filter((group) => !group.membership);

  return (
    <div className="groups-page">
      <PageHeader
        title="Groups"
        lead={
          <p>
            Each group is for one kind of thing people go through, with its own rules and moderators. Not sure where to
            start? <Link to="/welcome-in">Tell us what you are going through</Link> and we will suggest some.
          </p>
        }
      >
        {mayStart ? (
          <ButtonLink to="/groups/new" variant="secondary">
            Start a group
          </ButtonLink>
        ) : null}
      </PageHeader>
      {groups.isPending ? <Loading label="Loading groups…" /> : null}
      {groups.isError ? (
        <Alert title="We could not load the groups.">
          <p>{groups.error.message}</p>
        </Alert>
      ) : null}
      {yours.length > 0 ? (
        <section aria-labelledby="your-groups-title" className="groups-page__section">
          <h2 id="your-groups-title">Your groups</h2>
          <ul className="group-list group-list--grid" aria-label="Your groups">
            {yours.map((group) => (
              <li key={group.id}>
                <GroupCard group={group} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="more-groups-title" className="groups-page__section">
          <h2 id="more-groups-title">{yours.length > 0 ? 'More groups' : 'All groups'}</h2>
          <ul className="group-list group-list--grid" aria-label={yours.length > 0 ? 'More groups' : 'All groups'}>
            {others.map((group) => (
              <li key={group.id}>
                {/* A private group's own page stays closed to non-members: asking to join happens here. */}
                <GroupCard group={group} withJoin={group.visibility === 'private' && !group.membership} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
