import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { THREAD_PAGE_SIZE } from '../../../shared/api/community.js';
import { ApiError } from '../../api/client.js';
import { communityKeys, useCommunitySettings, useGroup, useThread } from '../../api/community-queries.js';
import { buildReplyTree } from '../../community/reply-tree.js';
import { ReplyTree } from '../../community/ReplyTree.js';
import { PostView } from '../../community/PostView.js';
import { ReplyForm } from '../../community/ReplyForm.js';
import { ThreadContext, type ThreadContextValue } from '../../community/thread-context.js';
import { revealReply, useWhenVisible } from '../../community/thread-focus.js';
import { loadedThread, newestReply, type ThreadPages } from '../../community/thread-pages.js';
import { useLiveThread } from '../../community/live-updates.js';
import { Button, ButtonLink, Loading, Notice, PageHeader } from '../../design/index.js';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A thread: any support card first, then the post, its replies page by page,
 * and a reply box. `?reply=<id>` (a shared link) opens the page holding that
 * reply; one that is not there (unknown, or hidden from the reader) opens the top.
 */
export function ThreadPage() {
  const { postId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const reply = searchParams.get('reply') ?? '';
  const linked = UUID.test(reply) ? reply.toLowerCase() : undefined;
  return <Thread key={`${postId}:${linked ?? ''}`} postId={postId} linked={linked} />;
}

/** Where focus goes: a reply opened at (marked calmly), or the first of the replies a button loaded. */
interface Target {
  id: string;
  mark: boolean;
}

function Thread({ postId, linked }: { postId: string; linked: string | undefined }) {
  const location = useLocation();
  const queryClient = useQueryClient();
  // Where the thread is open: the top, a linked or just-written reply, or the newest.
  const [at, setAt] = useState<string | undefined>(linked);
  const thread = useThread(postId, at);
  const loaded = useMemo(() => loadedThread(thread.data), [thread.data]);
  const settings = useCommunitySettings();
  const sessionSupport = useSupportCards(postId);
  // The cards given in this session, then those that stay with the member's own post and replies.
  const support = useMemo(() => mergeSupportCards(sessionSupport, loaded), [sessionSupport, loaded]);
  const foldAway = useFoldSupportCard(postId);
  const live = useLive();
  // New replies, edits, removals and reactions arrive as this reader may see them (the server presents them).
  const liveThread = useLiveThread(postId, at);
  // The safety team decided about the member's held content: read the thread again (the event carries ids only).
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.type === SAFETY_LIVE.heldDecision) void queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) });
      }),
    [live, postId, queryClient],
  );
  const slug = loaded?.post.group.slug;
  const group = useGroup(slug);
  const [focusAssessment, setFocusAssessment] = useState<string | undefined>(
    (location.state as ArrivalState | null)?.supportFor,
  );
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [pagingStatus, setPagingStatus] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);
  const moreButton = useRef<HTMLDivElement>(null);
  const earlierButton = useRef<HTMLDivElement>(null);

  // Once the page opened at `at` has come, focus goes to its anchor (when the reader is shown it).
  const [target, setTarget] = useState<Target | null>(null);
  const anchoredAt = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (at === undefined || thread.isPlaceholderData || !loaded || anchoredAt.current === at) return;
    anchoredAt.current = at;
    if (loaded.anchor) setTarget({ id: loaded.anchor, mark: true });
  }, [at, loaded, thread.isPlaceholderData]);
  useEffect(() => {
    if (target) revealReply(target.id);
  }, [target]);

  const openAt = useCallback((replyId: string) => {
    anchoredAt.current = undefined;
    setAt(replyId);
  }, []);

  const membership = slug ? group.data?.group.membership : undefined;
  const post = loaded?.post;
  // A thread the moderators locked takes no new replies: it says so instead of offering the form.
  const canParticipate = membership?.status === 'active' && !group.data?.group.archived && !post?.locked;

  const context = useMemo<ThreadContextValue>(
    () => ({
      postId,
      post,
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
      // The pages were read again before this is called: a reply beyond them opens the page holding it.
      showReply: (replyId) => {
        const pages = queryClient.getQueryData<ThreadPages>(communityKeys.threadPages(postId, at));
        if (!loadedThread(pages)?.replies.some((reply) => reply.id === replyId)) openAt(replyId);
      },
      support,
      targetReply: target?.mark ? target.id : null,
      focusReply: target?.id ?? null,
    }),
    [postId, canParticipate, post, settings.data, replyingTo, support, queryClient, at, openAt, target],
  );

  const loadMore = async (direction: 'later' | 'earlier', byButton: boolean) => {
    if (!loaded) return;
    const known = new Set(loaded.replies.map((reply) => reply.id));
    const buttonOf = () => (direction === 'later' ? moreButton.current : earlierButton.current);
    const hadFocus = buttonOf()?.contains(document.activeElement) ?? false;
    const result = direction === 'later' ? await thread.fetchNextPage() : await thread.fetchPreviousPage();
    const now = loadedThread(result.data);
    if (!now) return;
    const fresh = now.replies.filter((reply) => !known.has(reply.id));
    const what = plural(fresh.length, direction === 'later' ? 'more reply' : 'earlier reply', direction === 'later' ? 'more replies' : 'earlier replies');
    setPagingStatus(`${what} loaded.${now.complete ? ' Every reply is shown.' : ''}`);
    // A keyboard or screen-reader reader who asked for more goes on from the first of them (also when scrolling
    // to the button had already started loading them: the button has focus).
    if ((byButton || hadFocus || buttonOf()?.contains(document.activeElement)) && fresh[0]) setTarget({ id: fresh[0].id, mark: false });
  };
  const sentinel = useWhenVisible(thread.hasNextPage && !thread.isFetchingNextPage && !thread.isPlaceholderData, () => {
    void loadMore('later', false);
  });

  if (thread.isPending) return <Loading label="Loading the thread…" />;
  if (thread.isError || !loaded) {
    const missing = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <div className="narrow">
        <PageHeader
          title={missing ? 'We could not find that post' : 'We could not load this thread'}
          lead={
            <p>
              {missing ? 'It may have been removed, or it may be in a group you cannot see.' : (thread.error?.message ?? '')}
            </p>
          }
        />
        <ButtonLink to="/home" variant="secondary">
          Go to your home page
        </ButtonLink>
      </div>
    );
  }

  const { post: head, replies, complete } = loaded;
  // A visible post takes replies; a held one only from its author, kept with the post (HeldNotice says so).
  const takesReplies = head.status === 'visible' || (head.status === 'held' && head.author?.isYou === true);
  const severalPages = !complete || replies.length > THREAD_PAGE_SIZE;
  // Until every page is loaded, the count is the thread's (what every member sees), not the pages'.
  const count = complete ? replies.length : Math.max(head.replyCount, replies.length);

  const jumpToNewest = () => {
    const newest = complete ? newestReply(replies) : undefined;
    if (newest) setTarget({ id: newest.id, mark: true });
    else if (at === 'newest' && loaded.anchor) setTarget({ id: loaded.anchor, mark: true });
    else openAt('newest');
  };

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
          <div className="thread__replies-header">
            <h2 id="replies-title" className="thread__section-title">
              {count === 0 ? 'No replies yet' : plural(count, 'reply', 'replies')}
            </h2>
            {severalPages ? (
              <Button variant="secondary" onClick={jumpToNewest} busy={thread.isPlaceholderData} busyLabel="Opening the newest reply…">
                Jump to newest
              </Button>
            ) : null}
          </div>
          {thread.hasPreviousPage ? (
            <div className="thread__more" ref={earlierButton}>
              <Button variant="secondary" onClick={() => void loadMore('earlier', true)} busy={thread.isFetchingPreviousPage} busyLabel="Loading earlier replies…">
                Show earlier replies
              </Button>
            </div>
          ) : null}
          {replies.length > 0 ? <ReplyTree nodes={buildReplyTree(replies)} /> : null}
          <div ref={sentinel} className="thread__sentinel" />
          {thread.hasNextPage ? (
            <div className="thread__more" ref={moreButton}>
              <Button variant="secondary" onClick={() => void loadMore('later', true)} busy={thread.isFetchingNextPage} busyLabel="Loading more replies…">
                Show more replies
              </Button>
            </div>
          ) : null}
          {liveThread.unseen.length > 0 ? (
            <div className="thread__more">
              <Button
                variant="secondary"
                onClick={() => {
                  // Opens the page holding the first of them (a deep link), from where the rest follow.
                  const first = liveThread.unseen[0]!;
                  liveThread.clearUnseen();
                  openAt(first);
                }}
              >
                {`Show ${plural(liveThread.unseen.length, 'new reply', 'new replies')}`}
              </Button>
            </div>
          ) : null}
          <p role="status" className="visually-hidden">
            {pagingStatus}
          </p>
          <p role="status" className="visually-hidden">
            {liveThread.unseen.length > 0 ? `${plural(liveThread.unseen.length, 'new reply', 'new replies')} since you opened the thread.` : liveThread.announcement}
          </p>
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
              onPosted={(message, replyId) => {
                setStatus(message);
                context.showReply(replyId);
              }}
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
