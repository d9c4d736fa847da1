import { Link, useLocation, useSearchParams } from 'react-router';
import type { FeedSource } from '../api/community.js';
import { useGroups } from '../api/community-queries.js';
import { useHelp, useMe } from '../api/queries.js';
import { PostFeed } from '../community/PostFeed.js';
import { ButtonLink, Card, HelpNowLink, Notice, PageHeader, SegmentedLinks } from '../design/index.js';
import { countryInSentence } from '../help/country-name.js';
import { telHref } from '../help/phone.js';

type View = 'groups' | 'waiting' | 'mine';

const VIEWS: { view: View; label: string; title: string; intro: string }[] = [
  { view: 'groups', label: 'Your groups', title: 'Posts in your groups', intro: '' },
  {
    view: 'waiting',
    label: 'Waiting for a reply',
    title: 'Waiting for a reply',
    intro:
      'Posts in your groups that nobody has answered yet, the longest waiting first. A few kind words can mean a lot.',
  },
  {
    view: 'mine',
    label: 'Your posts',
    title: 'Your posts',
    intro: 'Everything you have posted, anonymous posts included.',
  },
];

function sourceFor(view: View, sort: 'newest' | 'active'): FeedSource {
  if (view === 'waiting') return { kind: 'needs-reply' };
  if (view === 'mine') return { kind: 'mine' };
  return { kind: 'home', sort };
}

/** Home for a signed-in member: their groups' posts, posts waiting for a reply, and their own. */
export function HomePage() {
  const { data: me } = useMe();
  const location = useLocation();
  const [params] = useSearchParams();
  const groups = useGroups();
  const view: View = VIEWS.find((entry) => entry.view === params.get('view'))?.view ?? 'groups';
  const sort = params.get('sort') === 'active' ? 'active' : 'newest';
  const current = VIEWS.find((entry) => entry.view === view)!;
  const joined = groups.data?.groups.filter((group) => group.membership?.status === 'active') ?? [];
  const blocked = (location.state as { notice?: string } | null)?.notice === 'blocked';
  if (!me) return null;

  return (
    <div className="home">
      <PageHeader
        eyebrow={`Signed in as ${me.handle}`}
        title="Home"
        lead={<p>Take your time. Read, reply, or just be here: all of it counts.</p>}
      />

      {blocked ? (
        <Notice tone="success" live="status" title="Blocked.">
          <p>
            You will no longer see each other’s posts and replies under your handles. Anonymous posts stay visible to
            everyone; mute a thread to stop seeing it. You can unblock them in Settings.
          </p>
        </Notice>
      ) : null}

      {groups.isSuccess && joined.length === 0 ? (
        <Card tone="muted" className="home__find" aria-labelledby="home-find-title">
          <h2 id="home-find-title">Find a group</h2>
          <p>You have not joined a group yet. Groups are where people talk about what they are going through.</p>
          <div className="cluster">
            <ButtonLink to="/welcome-in">Find groups for me</ButtonLink>
            <ButtonLink to="/groups" variant="secondary">
              See every group
            </ButtonLink>
          </div>
        </Card>
      ) : null}

      <div className="home__feed">
        <SegmentedLinks
          label="Choose what to show"
          items={VIEWS.map((entry) => ({
            to: entry.view === 'groups' ? '/home' : `/home?view=${entry.view}`,
            label: entry.label,
            current: entry.view === view,
          }))}
        />
        <section aria-labelledby="home-feed-title" className="home__feed-section">
          <div className="feed-heading">
            <h2 id="home-feed-title">{current.title}</h2>
            {view === 'groups' ? (
              <SegmentedLinks
                label="Sort posts"
                items={[
                  { to: '/home', label: 'Newest', current: sort === 'newest' },
                  { to: '/home?sort=active', label: 'Most active', current: sort === 'active' },
                ]}
              />
            ) : null}
          </div>
          {current.intro ? <p className="muted">{current.intro}</p> : null}
          <PostFeed
            source={sourceFor(view, sort)}
            label={current.title}
            empty={<EmptyFeed view={view} hasGroups={joined.length > 0} />}
          />
        </section>
      </div>

      <HelpCard />

      <p className="home__settings">
        <Link to="/settings">Your settings</Link>: profile, privacy, content warnings, blocked members.
      </p>
    </div>
  );
}

function EmptyFeed({ view, hasGroups }: { view: View; hasGroups: boolean }) {
  if (view === 'waiting') return <p>Every post in your groups has a reply. Thank you for being here.</p>;
  if (view === 'mine')
    return <p>You have not posted yet. When you are ready, open a group and choose “Write a post”.</p>;
  return hasGroups ? (
    <p>
      No posts in your groups yet. You could be the first: open one of <Link to="/groups">your groups</Link> and write a
      post.
    </p>
  ) : (
    <p>Posts from your groups will show here.</p>
  );
}

function HelpCard() {
  const help = useHelp(undefined);
  const directory = help.data?.country;
  return (
    <Card tone="urgent" className="home__help" aria-labelledby="home-help">
      <h2 id="home-help">If you are in danger now</h2>
      <p>
        Hearth is not an emergency service.{' '}
        {directory ? (
          <>
            In {countryInSentence(directory.countryName)}, call{' '}
            <a className="home__emergency" href={telHref(directory.emergencyNumber)}>
              {directory.emergencyNumber}
            </a>
            .
          </>
        ) : (
          'Call your local emergency number.'
        )}{' '}
        For crisis lines you can call or text tonight:
      </p>
      <HelpNowLink />
    </Card>
  );
}
