import { HELD_REASON } from '../safety/support-card.js';

/**
 * Why the author's own held post or reply is held, by who holds it. Only the
 * assessor's hold speaks of self-harm: a moderator's hide, an automatic rule
 * or a new member's approval must not tell the writer they wrote something
 * dangerous.
 */
export function heldReasonFor(heldBy: string | null): string {
  if (heldBy === 'moderator') return 'A moderator has hidden this from other members while they look at it. You can read why, and appeal, on your Moderation page (Settings, Moderation).';
  if (heldBy === 'automod') return 'An automatic rule held this for a moderator to look at before other members see it. Your Moderation page names the rule.';
  if (heldBy === 'approval') return 'New members’ first posts in this group wait for a moderator’s approval. Other members will see it once it is approved.';
  return HELD_REASON;
}
