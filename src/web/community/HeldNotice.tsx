import { Link } from 'react-router';
import { Notice } from '../design/index.js';

/**
 * Shown on content held from other members (it described a method or something
 * happening right now). The author is told plainly, never silenced. The reason
 * comes from the support card when the member has it in this session; a held
 * post read later carries no reason, so the same words are said here.
 */
const REASON_WHEN_UNKNOWN =
  'It may describe a way of harming yourself, or something that is happening right now. Details like these can put other people who are struggling at risk. You have not done anything wrong, and you are not alone: help is here.';

/** Nothing others could see is added under a held post: to them it reads as removed (posts/service.ts). */
const PAUSED = 'Replies and reactions are paused while it is held.';
const PAUSED_FOR_AUTHOR =
  'Others cannot reply or react while it is held. You can still write under it: only you and our safety team will see what you add.';
const KEPT_WITH_POST = 'Your post is held for now, so what you write under it is kept with it: no one else sees it.';

export function HeldNotice({
  contentType,
  isYou,
  reason,
  reasonShownAbove = false,
  keptWithPost = false,
}: {
  contentType: 'post' | 'reply';
  /** A reply held only because the post it answers is held (not for its own words). */
  keptWithPost?: boolean;
  isYou: boolean;
  reason?: string | undefined;
  /** The support card above already says why: do not repeat it. */
  reasonShownAbove?: boolean;
}) {
  if (!isYou) {
    return (
      <Notice tone="info" className="held-notice" title={`This ${contentType} is held`}>
        <p>Only its author and the safety team can see it.</p>
        {contentType === 'post' ? <p>{PAUSED}</p> : null}
      </Notice>
    );
  }
  return (
    <Notice
      tone="info"
      className="held-notice"
      title={`Only you and our safety team can see this ${contentType} for now`}
    >
      {contentType === 'post' ? <p>{PAUSED_FOR_AUTHOR}</p> : null}
      {keptWithPost ? (
        <p>{KEPT_WITH_POST}</p>
      ) : reasonShownAbove ? (
        <p>The support above says why.</p>
      ) : (
        <>
          <p>{reason ?? REASON_WHEN_UNKNOWN}</p>
          <p>
            If you need to talk to someone now, <Link to="/help">get help now</Link>.
          </p>
        </>
      )}
    </Notice>
  );
}
