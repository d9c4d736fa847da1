import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import type { FeedSource } from '../../api/community.js';
import { useFeed, useMemberProfile } from '../../api/community-queries.js';
import { roleLabel } from '../../community/role-label.js';
import { PostFeed } from '../../community/PostFeed.js';
import { Badge, ButtonLink, LoadError, Loading, Notice, PageHeader } from '../../design/index.js';
import { MessageMemberPanel } from '../../messages/MessageMemberPanel.js';
import { ReportMemberButton } from '../../moderation/ReportMember.js';

function joinedLabel(month: string): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * A member's profile: what they show under their handle. Anonymous posts are never listed here and nothing on the
 * page is counted from them. After you block a member their posts are hidden (and the page says why); a member you blocked sees an
 * empty list, as for anyone with no posts under their handle.
 */
export function MemberProfilePage() {
  const { handle = '' } = useParams();
  const profile = useMemberProfile(handle);
  const source: FeedSource = { kind: 'member', handle };
  const posts = useFeed(source, profile.isSuccess);

  if (profile.isPending) return <Loading label="Loading the profile…" />;
  if (profile.isError) {
    const missing = profile.error instanceof ApiError && profile.error.status === 404;
    if (!missing) return <LoadError title="We could not load this profile." error={profile.error} onRetry={profile.refetch} />;
    return (
      <div className="narrow">
        <PageHeader title="We could not find that member" lead={<p>The handle may have changed, or the account was closed.</p>} />
        <ButtonLink to="/home" variant="secondary">
          Back to your feed
        </ButtonLink>
      </div>
    );
  }

  const member = profile.data.profile;
  const available = posts.data?.pages[0]?.available !== false;
  return (
    <div className="member-profile narrow">
      <PageHeader
        title={member.handle}
        documentTitle={`${member.handle}’s profile`}
        eyebrow="Member profile"
        lead={member.bio ? <p className="member-profile__bio">{member.bio}</p> : null}
      >
        <dl className="member-profile__facts">
          {member.role ? (
            <div>
              <dt>Role</dt>
              <dd>
                <Badge tone="neutral">{roleLabel(member.role)}</Badge>
              </dd>
            </div>
          ) : null}
          {member.pronouns ? (
            <div>
              <dt>Pronouns</dt>
              <dd>{member.pronouns}</dd>
            </div>
          ) : null}
          <div>
            <dt>Joined</dt>
            <dd>{joinedLabel(member.joinedMonth)}</dd>
          </div>
        </dl>
        {member.isYou ? (
          <p className="small muted">
            This is how other members see you. Anonymous posts never appear here.{' '}
            <ButtonLink to="/settings/profile" variant="secondary">
              Edit your profile
            </ButtonLink>
          </p>
        ) : (
          <div className="member-profile__actions">
            <MessageMemberPanel handle={member.handle} />
            <ReportMemberButton handle={member.handle} />
          </div>
        )}
      </PageHeader>

      <section aria-labelledby="member-posts-title">
        <h2 id="member-posts-title">Posts</h2>
        {posts.isPending ? (
          <Loading label="Loading posts…" />
        ) : !available ? (
          <Notice title="You blocked this member">
            <p>
              {member.handle}’s posts are hidden from you while they are blocked. You can unblock them in{' '}
              <Link to="/settings/blocked-and-muted">Settings</Link>.
            </p>
          </Notice>
        ) : (
          <PostFeed
            source={source}
            label={`Posts by ${member.handle}`}
            empty={<p className="muted">{member.isYou ? 'You have' : `${member.handle} has`} no posts under this name yet.</p>}
          />
        )}
      </section>
    </div>
  );
}
