import type { HoldSource } from '../../../shared/api/moderation.js';
import { forbidden } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { sanctionHoldFor, type ActiveSanction } from '../moderation/sanctions.js';
import { raisesAlert, shouldHold, type WriteAssessment } from '../safety/assessment-service.js';
import { isStaffRole } from './visibility.js';

/**
 * Whether a post, reply or edit is held, and by whom; decided AFTER the
 * assessor, so that nothing written in crisis is refused or lost. A member
 * whose posting is paused (muted here, suspended, banned) or who replies in a
 * locked thread is refused (403, saying until when and why), unless the words
 * raise an alert: then they are kept, held for the writer and the safety team
 * ('sanction', 'locked'), the alert is raised and the support card shown.
 * Otherwise the assessor holds words that describe a method or an attempt.
 * `sanctions`: those in force on the writer now (writer-context.ts, read for this write).
 */
export function holdForWrite(
  auth: AuthContext,
  write: { groupId: string; assessment: WriteAssessment; lockedThread?: boolean; sanctions: ActiveSanction[] },
): HoldSource | null {
  const inCrisis = raisesAlert(write.assessment);
  // A locked thread takes no replies, from its author too; staff may still answer in it.
  const locked = write.lockedThread === true && !isStaffRole(auth.user.role);
  if (locked && !inCrisis) throw forbidden('This thread is locked by the moderators: it can be read but takes no new replies.');
  const paused = sanctionHoldFor(write.sanctions, write.groupId, inCrisis);
  if (paused) return paused;
  if (locked) return 'locked';
  return shouldHold(write.assessment) ? 'assessor' : null;
}

/**
 * The status an edit leaves: words the assessor would hold are held; an edit
 * lifts only the assessor's own hold. Content a moderator hid, automod held, a
 * new member's post waiting for approval, or words kept while the writer's
 * posting was paused or the thread locked stay held until a moderator or the
 * safety team decides, whatever the edit says (otherwise editing would undo it).
 */
export function statusAfterEdit(content: { status: string; heldBy: string | null }, hold: HoldSource | null): { status?: 'held' | 'visible'; heldBy?: string | null } {
  const heldByOthers = content.status === 'held' && content.heldBy !== null && content.heldBy !== 'assessor';
  if (heldByOthers) return {};
  if (hold) return { status: 'held', heldBy: hold };
  return content.status === 'held' ? { status: 'visible', heldBy: null } : {};
}
