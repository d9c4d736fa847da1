import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { communityKeys, useGroup } from '../../api/community-queries.js';
import { useMe } from '../../api/queries.js';
import { MembershipBadge } from '../../community/GroupCard.js';
import { GroupMemberActions } from '../../community/GroupMemberActions.js';
import { FoldedGroupRules, GroupRules } from '../../community/GroupRules.js';
import { GroupRulesEditor } from '../../community/GroupRulesEditor.js';
import { JoinGroup } from '../../community/JoinGroup.js';
import { PostFeed } from '../../community/PostFeed.js';
import { plural } from '../../community/labels.js';
import { useLiveGroupPosts } from '../../community/live-updates.js';
import { Button, ButtonLink, Loading, Notice, PageHeader, SegmentedLinks } from '../../design/index.js';

/** One group: what it is for, its rules, joining or leaving, muting, and its posts. */
export function GroupPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const group = useGroup(slug);
  const [status, setStatus] = useState('');
  const sort = params.get('sort') === 'active' ? 'active' : 'newest';
  const queryClient = useQueryClient();
  const loadedGroup = group.data?.group;
  // Posts written since the page opened: counted, and loaded only when the reader asks (the feed never moves by itself).
  const fresh = useLiveGroupPosts(loadedGroup?.id, loadedGroup !== undefined && (loadedGroup.visibility === 'public' || loadedGroup.membership?.status === 'active'));

  if (group.isPending) return <Loading label="Loading the group…" />;
  if (group.isError) {
    const missing = group.error instanceof ApiError && group.error.status === 404;
    return (
      <div className="narrow">
        <PageHeader
          title={missing ? 'We could not find that group' : 'We could not load this group'}
          lead={<p>{missing ? 'It may have been renamed or closed.' : group.error.message}</p>}
        />
        <ButtonLink to="/groups" variant="secondary">
          See every group
        </ButtonLink>
      </div>
    );
  }

  const current = group.data.group;
  const member = current.membership?.status === 'active';
  const canEditRules = current.membership?.role === 'moderator' || me?.role === 'admin' || me?.role === 'moderator';
  const readable = current.visibility === 'public' || member;

  return (
    <div className="group-page">
      <PageHeader title={current.name} lead={<p>{current.description}</p>}>
        <p className="group-page__badges">
          <MembershipBadge group={current} />
          {current.archived ? (
            <span className="muted"> This group is archived: it can be read, not posted in.</span>
          ) : null}
        </p>
      </PageHeader>

      {canEditRules ? (
        <p className="group-page__manage">
          <Link to={`/groups/${encodeURIComponent(current.slug)}/manage`}>Manage group</Link>
        </p>
      ) : null}
      {member ? <GroupMemberActions group={current} onStatus={setStatus} /> : null}
      <p role="status" className="group-page__status">
        {status}
      </p>

      <div className="group-page__body">
        <div className="group-page__rules">
          {member ? <FoldedGroupRules group={current} /> : <GroupRules group={current} headingLevel={2} />}
          <JoinGroup group={current} rulesShown />
          {canEditRules ? <GroupRulesEditor group={current} /> : null}
          {readable ? (
            <p className="group-page__log">
              <Link to={`/groups/${current.slug}/log`}>Moderation log</Link>
            </p>
          ) : null}
          {canEditRules ? (
            <p className="group-page__moderation-link">
              <Link to={`/groups/${current.slug}/automod`}>Automod and new members</Link>
            </p>
          ) : null}
        </div>

        <section className="group-page__posts" aria-labelledby="group-posts-title">
          <div className="feed-heading">
            <h2 id="group-posts-title">Posts</h2>
            <SegmentedLinks
              label="Sort posts"
              items={[
                { to: `/groups/${current.slug}`, label: 'Newest', current: sort === 'newest' },
                { to: `/groups/${current.slug}?sort=active`, label: 'Most active', current: sort === 'active' },
              ]}
            />
            {readable && fresh.count > 0 ? (
              <Button
                variant="secondary"
                onClick={() => {
                  const count = fresh.count;
                  fresh.clear();
                  void queryClient.invalidateQueries({ queryKey: communityKeys.feed({ kind: 'group', slug: current.slug, sort }) });
                  setStatus(`${plural(count, 'new post', 'new posts')} loaded.`);
                }}
              >
                {`Show ${plural(fresh.count, 'new post', 'new posts')}`}
              </Button>
            ) : null}
          </div>
          <p role="status" className="visually-hidden">
            {fresh.count > 0 ? `${plural(fresh.count, 'new post', 'new posts')} since you opened the group.` : ''}
          </p>
          {readable ? (
            <PostFeed
              source={{ kind: 'group', slug: current.slug, sort }}
              label={`Posts in ${current.name}`}
              showGroup={false}
              empty={<p>No posts here yet.{member ? ' You could be the first.' : ''}</p>}
            />
          ) : (
            <Notice title="This group is private">
              <p>Its posts are for its members. Ask to join to read them.</p>
            </Notice>
          )}
        </section>
      </div>
    </div>
  );
}
