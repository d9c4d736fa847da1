import { useState } from 'react';
import type { Reply } from '../../shared/api/community.js';
import { useCommunitySettings } from '../api/community-queries.js';
import { Badge, Button, ConfirmPanel, RelativeTime, VisuallyHidden } from '../design/index.js';
import { AutomaticReplyHelp } from '../safety/AutomaticReplyHelp.js';
import { AuthorName } from './AuthorName.js';
import { BlockConfirm } from './BlockConfirm.js';
import { ContentBody } from './ContentBody.js';
import { ContentMenu, type ContentMenuItem } from './ContentMenu.js';
import { ContentWarningGate } from './ContentWarningGate.js';
import { replyGate } from './content-warnings.js';
import { EditReplyForm } from './EditReplyForm.js';
import { HeldNotice } from './HeldNotice.js';
import { ReactionsBar } from './ReactionsBar.js';
import { ReplyForm } from './ReplyForm.js';
import { useThreadContext, type ThreadContextValue } from './thread-context.js';
import { replyElementId, replyLink } from './thread-focus.js';
import { WorryForm } from './WorryForm.js';
import { useModerationTools } from '../moderation/useModerationTools.js';
import { useRemoveContent } from './thread-mutations.js';

type Author = NonNullable<Reply['author']>;

export function authorNameOf(author: Author): string {
  return author.kind === 'anonymous' ? author.alias : author.handle;
}

/** Puts a reply's link on the clipboard, or says it where it can be copied by hand. */
async function copyLink(path: string, announce: (message: string) => void) {
  const url = new URL(path, window.location.origin).toString();
  try {
    await navigator.clipboard.writeText(url);
    announce('Link to this reply copied.');
  } catch {
    announce(`We could not copy the link. Here it is to copy yourself: ${url}`);
  }
}

/** One reply: who and when, what they said, reactions, and the ways to answer it. */
export function ReplyItem({ reply }: { reply: Reply }) {
  return reply.author ? <AuthoredReply reply={reply} author={reply.author} /> : <ReplyPlaceholder reply={reply} />;
}

/**
 * A reply kept only so the replies under it keep their context (removed, or
 * held for review: the server sends both alike, with no author). It says when,
 * and nothing of who or why.
 */
function ReplyPlaceholder({ reply }: { reply: Reply }) {
  const thread = useThreadContext();
  return (
    <article className={replyClass(reply.id, thread)} aria-label="a reply that is no longer available" {...replyTargetProps(reply.id, thread)}>
      <p className="reply__meta">
        <RelativeTime iso={reply.createdAt} />
      </p>
      <ContentBody status={reply.status} bodyHtml={null} />
    </article>
  );
}

/** The reply opened at is marked calmly (a border, never a flash); the one focus moves to takes it from code only. */
function replyClass(replyId: string, thread: ThreadContextValue, extra = ''): string {
  return `reply${extra}${thread.targetReply === replyId ? ' reply--target' : ''}`;
}

function replyTargetProps(replyId: string, thread: ThreadContextValue) {
  return { id: replyElementId(replyId), tabIndex: thread.focusReply === replyId ? -1 : undefined };
}

function AuthoredReply({ reply, author }: { reply: Reply; author: Author }) {
  const thread = useThreadContext();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'remove' | 'block' | 'worry' | null>(null);
  const settings = useCommunitySettings();
  const remove = useRemoveContent(thread.postId);
  const removed = reply.status === 'removed_by_author' || reply.status === 'removed_by_staff' || reply.status === 'unavailable';
  const name = reply.automatic ? 'Hearth Safety' : authorNameOf(author);
  const mine = author.isYou;
  const subject = mine ? 'your reply' : `${name}’s reply`;
  const replyOpen = thread.replyingTo === reply.id;
  // The support card just shown says why; later reads carry the reason on the reply (author and staff only).
  const cardHeldReason = thread.support.find((entry) => entry.contentId === reply.id)?.card.held?.reason;
  const heldReason = cardHeldReason ?? reply.heldReason ?? undefined;
  // A reply staff released from review is read behind the warning they chose, folded as the member prefers.
  const gate = replyGate({ ...reply, author }, settings.data?.contentWarningPreferences);
  const body = <ContentBody status={reply.status} bodyHtml={reply.bodyHtml} />;

  const menu: ContentMenuItem[] = [];
  if (mine && !removed) {
    menu.push({ label: 'Edit', onSelect: () => setEditing(true) });
    menu.push({ label: 'Remove', onSelect: () => setConfirm('remove'), danger: true });
  }
  // The automatic reply is written by Hearth, not a person: no worry about it, no block of it.
  if (!mine && !reply.automatic && reply.status === 'visible') menu.push({ label: 'I’m worried about this person', onSelect: () => setConfirm('worry') });
  if (author.kind === 'member' && !mine && !reply.automatic) {
    const handle = author.handle;
    menu.push({ label: `Block ${handle}`, onSelect: () => setConfirm('block'), danger: true });
  }
  const moderation = useModerationTools({
    contentType: 'reply',
    contentId: reply.id,
    postId: thread.postId,
    author,
    status: reply.status,
    automatic: reply.automatic ?? false,
  });
  menu.push(...moderation.menu);
  menu.push({ label: 'Copy link', onSelect: () => void copyLink(replyLink(thread.postId, reply.id), thread.announce) });

  return (
    <article className={replyClass(reply.id, thread, mine ? ' reply--mine' : '')} aria-label={subject} {...replyTargetProps(reply.id, thread)}>
      <p className="reply__meta">
        {reply.automatic ? (
          <>
            <span className="reply__system-name">Hearth Safety</span> <Badge>Automatic message</Badge>
          </>
        ) : (
          <AuthorName author={author} verb="replied" />
        )}
        <span aria-hidden="true"> · </span>
        <RelativeTime iso={reply.createdAt} />
        {reply.edited ? <span className="reply__edited"> · edited</span> : null}
      </p>
      {reply.status === 'held' || (mine && reply.heldDecision?.decision === 'released' && reply.status === 'visible') ? (
        <HeldNotice
          contentType="reply"
          heldBy={reply.heldBy}
          isYou={mine}
          reason={heldReason}
          reasonShownAbove={Boolean(cardHeldReason)}
          keptWithPost={thread.yourPostHeld && mine && !cardHeldReason}
          decision={reply.heldDecision}
          onEdit={() => setEditing(true)}
        />
      ) : null}
      {editing ? (
        <EditReplyForm reply={reply} onClose={() => setEditing(false)} />
      ) : gate ? (
        <ContentWarningGate warning={gate.warning} subject={subject} initiallyOpen={gate.initiallyOpen}>
          {body}
        </ContentWarningGate>
      ) : (
        body
      )}
      {reply.automatic ? <AutomaticReplyHelp /> : null}
      {!removed && reply.status === 'visible' ? (
        <ReactionsBar
          postId={thread.postId}
          target={{ type: 'reply', id: reply.id }}
          reactions={reply.reactions}
          isAuthor={mine}
          subject={subject}
        />
      ) : null}
      <div className="reply__actions">
        {!removed && thread.canParticipate ? (
          <Button
            variant="quiet"
            aria-expanded={replyOpen}
            onClick={() => thread.setReplyingTo(replyOpen ? null : reply.id)}
          >
            Reply<VisuallyHidden> to {mine ? 'your reply' : name}</VisuallyHidden>
          </Button>
        ) : null}
        <ContentMenu subject={subject} items={menu} />
      </div>
      {confirm === 'remove' ? (
        <ConfirmPanel
          title="Remove your reply?"
          confirmLabel="Remove reply"
          busyLabel="Removing…"
          busy={remove.isPending}
          danger
          onConfirm={() =>
            remove.mutate(
              { type: 'reply', id: reply.id },
              {
                onSuccess: () => {
                  setConfirm(null);
                  thread.announce('Your reply is removed.');
                },
              },
            )
          }
          onCancel={() => setConfirm(null)}
        >
          <p>If others have replied to it, they will see “This reply is no longer available” in its place, and their replies stay.</p>
          {remove.isError ? <p className="field__error">{remove.error.message}</p> : null}
        </ConfirmPanel>
      ) : null}
      {confirm === 'worry' ? <WorryForm contentType="reply" contentId={reply.id} onClose={() => setConfirm(null)} /> : null}
      {moderation.panel}
      {confirm === 'block' && author.kind === 'member' ? (
        <BlockConfirm
          handle={author.handle}
          onBlocked={() => {
            thread.announce(`You blocked ${name}. Their posts and replies are hidden from you.`);
            thread.refresh();
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      {replyOpen ? (
        <ReplyForm
          postId={thread.postId}
          parentId={reply.id}
          replyingTo={mine ? 'your reply' : name}
          defaultAnonymous={thread.defaultAnonymous}
          postedAnonymouslyByYou={thread.postedAnonymouslyByYou}
          autoFocus
          onSupport={thread.onSupport}
          onPosted={(message, replyId) => {
            thread.setReplyingTo(null);
            thread.announce(message);
            thread.showReply(replyId);
          }}
          onCancel={() => thread.setReplyingTo(null)}
        />
      ) : null}
    </article>
  );
}
