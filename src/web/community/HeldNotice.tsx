import { Link } from 'react-router';
import type { HeldDecisionView } from '../../shared/api/community.js';
import type { HoldSource } from '../../shared/api/moderation.js';
import { Button, Notice } from '../design/index.js';

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
  heldBy,
  isYou,
  reason,
  reasonShownAbove = false,
  keptWithPost = false,
  decision,
  editTo,
  onEdit,
}: {
  /** The safety team's newest decision (the author's own view only): its kind words replace the generic reason. */
  decision?: HeldDecisionView | undefined;
  /** Who holds it (author and staff only): moderation holds are explained as such, not as the safety team's. */
  heldBy?: HoldSource | undefined;
  /** Where the author edits a post (asked to edit out the details)… */
  editTo?: string;
  /** …or how they open the editor of a reply. */
  onEdit?: () => void;
  contentType: 'post' | 'reply';
  /** A reply held only because the post it answers is held (not for its own words). */
  keptWithPost?: boolean;
  isYou: boolean;
  reason?: string | undefined;
  /** The support card above already says why: do not repeat it. */
  reasonShownAbove?: boolean;
}) {
  // Words kept while the writer's posting is paused or the thread is locked are the safety team's to decide, like the assessor's.
  if (heldBy && !isSafetyHold(heldBy)) return <ModerationHeldNotice contentType={contentType} heldBy={heldBy} isYou={isYou} reason={reason} />;
  if (isYou && decision) return <DecisionNotice contentType={contentType} decision={decision} editTo={editTo} onEdit={onEdit} />;
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

const DECISION_TITLES: Record<HeldDecisionView['decision'], (what: string) => string> = {
  released: (what) => `Your ${what} is visible to the group again`,
  kept: (what) => `Our safety team read your ${what}: it stays between you and us for now`,
  edit_requested: (what) => `Our safety team asks you to edit your ${what}`,
};

/** What the safety team decided, in their kind words, and for an edit request the way to edit. */
function DecisionNotice({
  contentType,
  decision,
  editTo,
  onEdit,
}: {
  contentType: 'post' | 'reply';
  decision: HeldDecisionView;
  editTo?: string | undefined;
  onEdit?: (() => void) | undefined;
}) {
  return (
    <Notice tone="info" className="held-notice" title={DECISION_TITLES[decision.decision](contentType)}>
      <p>{decision.message}</p>
      {decision.decision === 'edit_requested' ? (
        editTo ? (
          <p>
            <Link to={editTo}>Edit your {contentType}</Link>
          </p>
        ) : onEdit ? (
          <p>
            <Button variant="secondary" onClick={onEdit}>
              Edit your {contentType}
            </Button>
          </p>
        ) : null
      ) : null}
      {decision.decision === 'released' ? null : (
        <p>
          If you need to talk to someone now, <Link to="/help">get help now</Link>.
        </p>
      )}
    </Notice>
  );
}

/** Holds the safety team decides about (posts/holds.ts): shown as the safety team's, with help one tap away. */
type SafetyHold = 'assessor' | 'sanction' | 'locked';
const SAFETY_HOLDS: ReadonlySet<HoldSource> = new Set<SafetyHold>(['assessor', 'sanction', 'locked']);
const isSafetyHold = (heldBy: HoldSource): heldBy is SafetyHold => SAFETY_HOLDS.has(heldBy);

const MODERATION_TITLES: Record<Exclude<HoldSource, SafetyHold>, (what: string) => string> = {
  approval: (what) => `Your ${what} is waiting for a moderator`,
  automod: (what) => `Only you and the moderators can see this ${what} for now`,
  moderator: (what) => `A moderator has hidden this ${what} for now`,
};

/**
 * Held by moderation rather than the safety flow: a new member's post waiting
 * for approval, automod's hold (naming its rule), or a moderator's. Said
 * plainly and kindly: nothing is lost, and a person will look.
 */
function ModerationHeldNotice({
  contentType,
  heldBy,
  isYou,
  reason,
}: {
  contentType: 'post' | 'reply';
  heldBy: Exclude<HoldSource, SafetyHold>;
  isYou: boolean;
  reason?: string | undefined;
}) {
  if (!isYou) {
    return (
      <Notice tone="info" className="held-notice" title={`This ${contentType} is held for the moderators`}>
        <p>Only its author and the moderators can see it.</p>
      </Notice>
    );
  }
  return (
    <Notice tone="info" className="held-notice" title={MODERATION_TITLES[heldBy](contentType)}>
      {reason ? <p>{reason}</p> : null}
      {contentType === 'post' ? <p>Others cannot reply or react until a moderator has looked at it. You can still add to it.</p> : null}
    </Notice>
  );
}
