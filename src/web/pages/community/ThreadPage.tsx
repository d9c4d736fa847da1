import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { communityKeys, useCommunitySettings, useGroup, useThread } from '../../api/community-queries.js';
import { buildReplyTree } from '../../community/reply-tree.js';
import { ReplyTree } from '../../community/ReplyTree.js';
import { PostView } from '../../community/PostView.js';
import { ReplyForm } from '../../community/ReplyForm.js';
import { ThreadContext, type ThreadContextValue } from '../../community/thread-context.js';
import { ButtonLink, Loading, Notice, PageHeader } from '../../design/index.js';
import { plural } from '../../community/labels.js';
import { SupportCard } from '../../safety/SupportCard.js';
import { mergeSupportCards, useFoldSupportCard } from '../../safety/durable-cards.js';
import { useSupportCards } from '../../safety/support-store.js';
import { useLive } from '../../live/LiveProvider.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';

/** Router state from the composer: the support card to bring focus to on arrival. */
interface ArrivalState {
  supportFor?: string;
}

/** A thread: any support card first, then the post, its replies, and a reply box. */
export function ThreadPage() {
  const { postId = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const thread = useThread(postId);
  const settings = useCommunitySettings();
  const sessionSupport = useSupportCards(postId);
  // The cards given in this session, then those that stay with the member's own post and replies.
  const support = useMemo(() => mergeSupportCards(sessionSupport, thread.data), [sessionSupport, thread.data]);
  const foldAway = useFoldSupportCard(postId);
  const live = useLive();
  // The safety team decided about the member's held content: read the thread again (the event carries ids only).
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.type === SAFETY_LIVE.heldDecision) void queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) });
      }),
    [live, postId, queryClient],
  );
  const slug = thread.data?.post.group.slug;
  const group = useGroup(slug);
  const [focusAssessment, setFocusAssessment] = useState<string | undefined>(
    (location.state as ArrivalState | null)?.supportFor,
  );
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);

  const membership = slug ? group.data?.group.membership : undefined;
  const post = thread.data?.post;
  // A thread the moderators locked takes no new replies: it says so instead of offering the form.
  const canParticipate = membership?.status === 'active' && !group.data?.group.archived && !post?.locked;

  const context = useMemo<ThreadContextValue>(
    () => ({
      postId,
      canParticipate,
      defaultAnonymous:
        post?.author?.kind === 'anonymous' && post.author.isYou ? true : (settings.data?.anonymousByDefault ?? false),
      postedAnonymouslyByYou: post?.author?.kind === 'anonymous' && post.author.isYou,
      yourPostHeld: post?.status === 'held' && post.author?.isYou === true,
      replyingTo,
      setReplyingTo,
      onSupport: setFocusAssessment,
      refresh: () => void queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) }),
      announce: setStatus,
      support,
    }),
    [postId, canParticipate, post, settings.data, replyingTo, support, queryClient],
  );

  if (thread.isPending) return <Loading label="Loading the thread…" />;
  if (thread.isError) {
    const missing = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <div className="narrow">
        <PageHeader
          title={missing ? 'We could not find that post' : 'We could not load this thread'}
          lead={
            <p>
              {missing ? 'It may have been removed, or it may be in a group you cannot see.' : thread.error.message}
            </p>
          }
        />
        <ButtonLink to="/home" variant="secondary">
          Go to your home page
        </ButtonLink>
      </div>
    );
  }

  const { post: head, replies } = thread.data;
  // A visible post takes replies; a held one only from its author, kept with the post (HeldNotice says so).
  const takesReplies = head.status === 'visible' || (head.status === 'held' && head.author?.isYou === true);

  return (
    <ThreadContext.Provider value={context}>
      <div className="thread">
        {support.length > 0 ? (
          <div className="thread__support">
            {support.map((entry) => (
              <SupportCard
                key={entry.card.assessmentId}
                card={entry.card}
                contentType={entry.contentType}
                autoFocus={entry.card.assessmentId === focusAssessment}
                onFoldAway={() =>
                  foldAway.mutate(entry.card.assessmentId, {
                    onSuccess: () => {
                      setStatus('Support card folded away. Help is always under “Get help now”.');
                      // The button is gone with the card: focus goes to what was said, not to the page's start.
                      statusLine.current?.focus();
                    },
                  })
                }
                foldingAway={foldAway.isPending && foldAway.variables === entry.card.assessmentId}
              />
            ))}
          </div>
        ) : null}

        <PostView post={head} />

        <p role="status" className="thread__status" ref={statusLine} tabIndex={-1}>
          {status}
        </p>

        <section className="thread__replies" aria-labelledby="replies-title">
          <h2 id="replies-title" className="thread__section-title">
            {replies.length === 0 ? 'No replies yet' : plural(replies.length, 'reply', 'replies')}
          </h2>
          {replies.length > 0 ? <ReplyTree nodes={buildReplyTree(replies)} /> : null}
        </section>

        {!takesReplies ? null : head.locked ? (
          <Notice title="This thread is locked">
            <p>The moderators locked this thread: it can be read, but it takes no new replies.</p>
          </Notice>
        ) : canParticipate ? (
          <section className="thread__reply" aria-labelledby="write-reply-title">
            <h2 id="write-reply-title" className="thread__section-title">
              Write a reply
            </h2>
            <ReplyForm
              postId={postId}
              defaultAnonymous={context.defaultAnonymous}
              postedAnonymouslyByYou={context.postedAnonymouslyByYou}
              onSupport={setFocusAssessment}
              onPosted={setStatus}
            />
          </section>
        ) : group.isSuccess ? (
          <Notice title="Join the group to reply">
            <p>
              Replies come from members of {head.group.name}.{' '}
              <Link to={`/groups/${head.group.slug}`}>See the group and its rules</Link>.
            </p>
          </Notice>
        ) : null}
      </div>
    </ThreadContext.Provider>
  );
}
