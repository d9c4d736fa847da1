import { Link } from 'react-router';
import type { Group } from '../../shared/api/community.js';
import { Badge } from '../design/index.js';
import { JoinGroup } from './JoinGroup.js';

export function MembershipBadge({ group }: { group: Group }) {
  if (group.membership?.status === 'active') return <Badge>You are a member</Badge>;
  if (group.membership?.status === 'pending') return <Badge tone="neutral">Request sent</Badge>;
  if (group.visibility === 'private') return <Badge tone="neutral">Private</Badge>;
  return null;
}

/** A group in a list: its name, what it is for, and (when asked) its rules and a way to join. */
export function GroupCard({ group, withJoin = false }: { group: Group; withJoin?: boolean }) {
  return (
    <article className="group-card" aria-labelledby={`group-${group.slug}-name`}>
      <div className="group-card__head">
        <h3 className="group-card__name" id={`group-${group.slug}-name`}>
          <Link to={`/groups/${group.slug}`}>{group.name}</Link>
        </h3>
        <MembershipBadge group={group} />
      </div>
      <p className="group-card__description">{group.description}</p>
      {withJoin ? <JoinGroup group={group} withSummary headingLevel={4} /> : null}
    </article>
  );
}
