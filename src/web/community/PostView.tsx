import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Author, Post } from '../../shared/api/community.js';
import { useCommunitySettings } from '../api/community-queries.js';
import { Button, ConfirmPanel, Notice, PageHeader, RelativeTime } from '../design/index.js';
import { AuthorName } from './AuthorName.js';
import { BlockConfirm } from './BlockConfirm.js';
import { ContentBody } from './ContentBody.js';
import { ContentMenu, type ContentMenuItem } from './ContentMenu.js';
import { ContentWarningGate } from './ContentWarningGate.js';
import { warningText, warningTreatment } from './content-warnings.js';
import { HeldNotice } from './HeldNotice.js';
import { PostBadges } from './PostBadges.js';
import { ReactionsBar } from './ReactionsBar.js';
import { useThreadContext } from './thread-context.js';
import { WorryForm } from './WorryForm.js';
import { useModerationTools } from '../moderation/useModerationTools.js';
import { useMuteThread, useRemoveContent } from './thread-mutations.js';

/** The post at the head of a thread: its title is the page's h1. */
export function PostView({ post }: { post: Post }) {
  return post.author === null ? <PostPlaceholder post={post} /> : <AuthoredPost post={post} author={post.author} />;
}

/**
 * What other members see of a post that was removed or is held for review: the
 * same neutral placeholder for both, saying nothing of who wrote it or what it said.
 */
function PostPlaceholder({ post }: { post: Post }) {
  return (
    <article className="thread-post" aria-labelledby="thread-post-title">
      <PageHeader
        eyebrow={<InGroup group={post.group} />}
        title={<span id="thread-post-title">Post no longer available</span>}
        documentTitle="Post no longer available"
      >
        <p className="thread-post__meta">
          <RelativeTime iso={post.createdAt} />
        </p>
      </PageHeader>
      <ContentBody status={post.status} bodyHtml={null} subject="post" />
      <div className="thread-post__actions">
        <MuteButton post={post} />
      </div>
    </article>
  );
}

function MuteButton({ post }: { post: Post }) {
  const thread = useThreadContext();
  const mute = useMuteThread(post.id);
  return (
    <Button
      variant="secondary"
      busy={mute.isPending}
      onClick={() =>
        mute.mutate(!post.muted, {
          onSuccess: () =>
            thread.announce(
              post.muted ? 'Thread unmuted: it can show in your home feed again.' : 'Thread muted: it will not show in your home feed.',
            ),
        })
      }
    >
      {post.muted ? 'Unmute thread' : 'Mute thread'}
    </Button>
  );
}

function AuthoredPost({ post: shown, author }: { post: Post; author: Author }) {
  const post = { ...shown, author };
  const thread = useThreadContext();
  const navigate = useNavigate();
  const settings = useCommunitySettings();
  const [confirm, setConfirm] = useState<'remove' | 'block' | 'worry' | null>(null);
  const remove = useRemoveContent(post.id);
  const removed = post.status === 'removed_by_author' || post.status === 'removed_by_staff';
  const mine = author.isYou;
  const warning = warningText(post);
  const treatment = warningTreatment(post, settings.data?.contentWarningPreferences);
  // The support card just shown says why; later reads carry the reason on the post (author and staff only).
  const cardHeldReason = thread.support.find((entry) => entry.contentId === post.id)?.card.held?.reason;
  const heldReason = cardHeldReason ?? post.heldReason ?? undefined;

  const menu: ContentMenuItem[] = [];
  if (mine && !removed) {
    menu.push({ label: 'Edit', to: `/posts/${post.id}/edit` });
    menu.push({ label: 'Remove', onSelect: () => setConfirm('remove'), danger: true });
  }
  if (!mine && post.status === 'visible') menu.push({ label: 'I’m worried about this person', onSelect: () => setConfirm('worry') });
  if (post.author.kind === 'member' && !mine) {
    menu.push({ label: `Block ${post.author.handle}`, onSelect: () => setConfirm('block'), danger: true });
  }
  const moderation = useModerationTools({
    contentType: 'post',
    contentId: post.id,
    postId: post.id,
    author: post.author,
    status: post.status,
    automatic: false,
    groupSlug: post.group.slug,
  });
  menu.push(...moderation.menu);

  const body = <ContentBody status={post.status} bodyHtml={post.bodyHtml} />;

  return (
    <article className="thread-post" aria-labelledby="thread-post-title">
      <PageHeader
        eyebrow={<InGroup group={post.group} />}
        title={<span id="thread-post-title">{removed ? 'Removed post' : post.title}</span>}
        documentTitle={removed ? 'Removed post' : post.title}
      >
        <p className="thread-post__meta">
          <AuthorName author={post.author} verb="posted" />
          <span aria-hidden="true"> · </span>
          <RelativeTime iso={post.createdAt} />
        </p>
        <PostBadges post={post} showHeld={false} />
      </PageHeader>

      {post.status === 'held' || (mine && post.heldDecision?.decision === 'released' && post.status === 'visible') ? (
        <HeldNotice
          contentType="post"
          heldBy={post.heldBy}
          isYou={mine}
          reason={heldReason}
          reasonShownAbove={Boolean(cardHeldReason)}
          decision={post.heldDecision}
          editTo={`/posts/${post.id}/edit`}
        />
      ) : null}

      {mine && post.autoContentWarning ? (
        <Notice tone="info" className="auto-warning-notice" title="We added a content warning">
          <p>
            Because this post talks about suicide or self-harm, other members see it behind a “{post.contentWarning}”
            warning first, so that those who find these topics hard can choose when to read it. You can change or remove
            it: <Link to={`/posts/${post.id}/edit`}>edit your post</Link>.
          </p>
        </Notice>
      ) : null}

      {warning && !removed ? (
        <ContentWarningGate warning={warning} subject="the post" initiallyOpen={treatment === 'show'}>
          {body}
        </ContentWarningGate>
      ) : (
        body
      )}

      {!removed && post.status === 'visible' ? (
        <ReactionsBar
          postId={post.id}
          target={{ type: 'post', id: post.id }}
          reactions={post.reactions}
          isAuthor={mine}
          subject="this post"
        />
      ) : null}

      <div className="thread-post__actions">
        <MuteButton post={post} />
        <ContentMenu subject="this post" items={menu} />
      </div>

      {confirm === 'remove' ? (
        <ConfirmPanel
          title="Remove your post?"
          confirmLabel="Remove post"
          busyLabel="Removing…"
          busy={remove.isPending}
          danger
          onConfirm={() =>
            remove.mutate(
              { type: 'post', id: post.id },
              {
                onSuccess: () => {
                  setConfirm(null);
                  thread.announce('Your post is removed.');
                },
              },
            )
          }
          onCancel={() => setConfirm(null)}
        >
          <p>Others will see “Post no longer available” in its place. The replies stay.</p>
          {remove.isError ? <p className="field__error">{remove.error.message}</p> : null}
        </ConfirmPanel>
      ) : null}
      {confirm === 'worry' ? <WorryForm contentType="post" contentId={post.id} onClose={() => setConfirm(null)} /> : null}
      {moderation.panel}
      {confirm === 'block' && post.author.kind === 'member' ? (
        <BlockConfirm
          handle={post.author.handle}
          onBlocked={() => void navigate('/home', { state: { notice: 'blocked' } })}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </article>
  );
}

/** "In <group>": where a post was written, linked. */
function InGroup({ group }: { group: Post['group'] }) {
  return (
    <>
      In <Link to={`/groups/${group.slug}`}>{group.name}</Link>
    </>
  );
}
