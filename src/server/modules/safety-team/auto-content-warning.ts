import type { Assessment } from '../../../shared/risk.js';
import { isAtLeast } from '../../../shared/risk.js';

/**
 * The automatic content warning (#chatsafe): a visible post assessed `high` or
 * above carries the suicide and self-harm warning for other members, so those
 * who chose to fold these topics (ContentWarningGate) are protected. The writer
 * sees that it was added and can change or remove it by editing.
 */
export const AUTO_CONTENT_WARNING_TEXT = 'Suicide and self-harm';
export const AUTO_CONTENT_WARNING_TOPICS = ['suicide', 'self-harm'] as const;

export interface ContentWarningFields {
  contentWarning: string | null;
  contentWarningTopics: string[];
}

export interface AutoWarningResult extends ContentWarningFields {
  autoContentWarning: boolean;
}

/** Whether the assessment asks for the warning (the writer's own risk, not worry about someone else). */
export function wantsAutoWarning(assessment: Pick<Assessment, 'level' | 'categories'>, held: boolean): boolean {
  if (held || !isAtLeast(assessment.level, 'high')) return false;
  return !(assessment.categories.length > 0 && assessment.categories.every((category) => category === 'concern_for_other'));
}

/**
 * The warning with both topics added. A warning the writer wrote is kept (its
 * words are theirs); only missing topics are added. When the writer's own
 * warning already covers both topics nothing changes and nothing is marked
 * automatic.
 */
export function withAutoWarning(current: ContentWarningFields): AutoWarningResult {
  const missing = AUTO_CONTENT_WARNING_TOPICS.filter((topic) => !current.contentWarningTopics.includes(topic));
  if (missing.length === 0 && current.contentWarning) return { ...current, autoContentWarning: false };
  return {
    contentWarning: current.contentWarning || AUTO_CONTENT_WARNING_TEXT,
    contentWarningTopics: [...current.contentWarningTopics, ...missing],
    autoContentWarning: true,
  };
}

/**
 * On an edit: what the post's warning becomes.
 * - The writer changed the warning in this edit: theirs stands, not automatic.
 * - Else an automatic warning already on the post stays.
 * - Else it is added when the edit newly raises the post to `high` (the level
 *   before was lower): a writer who removed an earlier automatic warning
 *   themselves is not overruled while the post stays at that level.
 */
export function warningAfterEdit(input: {
  assessment: Pick<Assessment, 'level' | 'categories'>;
  held: boolean;
  previousLevelWasHigh: boolean;
  writerChangedWarning: boolean;
  current: ContentWarningFields & { autoContentWarning: boolean };
}): AutoWarningResult | null {
  if (input.writerChangedWarning) return { ...input.current, autoContentWarning: false };
  if (input.current.autoContentWarning) return null;
  if (!wantsAutoWarning(input.assessment, input.held) || input.previousLevelWasHigh) return null;
  const next = withAutoWarning(input.current);
  return next.autoContentWarning ? next : null;
}
