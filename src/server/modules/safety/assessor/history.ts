/**
 * Author history: a rising pattern across the author's recent posts and
 * check-ins raises the current level one step (DESIGN.md "The safety
 * pipeline", layer 3). Escalation over days is itself a warning sign in the
 * C-SSRS "since last contact" follow-up; a single post can look moderate while
 * the trend is not.
 */
import type { RiskLevel } from '../../../../shared/risk.js';
import { levelAt, levelRank } from '../../../../shared/risk.js';

export interface RecentLevel {
  readonly level: RiskLevel;
  readonly at: Date;
}

export interface AssessmentContext {
  /** Levels of the author's recent posts, replies, messages and check-ins (any order). */
  readonly recentLevels?: readonly RecentLevel[];
  /** Clock for the window; defaults to the current time. */
  readonly now?: Date;
}

/** Only posts from the last seven days count as "recent". */
export const HISTORY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** History alone never reaches imminent: that needs a plan, means or an attempt in the text. */
export const HISTORY_CAP: RiskLevel = 'high';
/** The current text must itself show at least this much for history to matter. */
export const HISTORY_FLOOR: RiskLevel = 'low';

/**
 * True when the recent levels (oldest first) followed by the current one
 * never fall and end higher than they began, over at least three points
 * (two earlier posts and this one).
 */
export function isRising(current: RiskLevel, context: AssessmentContext | undefined): boolean {
  const recent = context?.recentLevels;
  if (recent === undefined || recent.length < 2) return false;
  const now = (context?.now ?? new Date()).getTime();
  const inWindow = recent
    .filter((r) => {
      const t = r.at.getTime();
      return t <= now && now - t <= HISTORY_WINDOW_MS;
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  if (inWindow.length < 2) return false;
  const ranks = [...inWindow.map((r) => levelRank(r.level)), levelRank(current)];
  for (let i = 1; i < ranks.length; i++) if ((ranks[i] ?? 0) < (ranks[i - 1] ?? 0)) return false;
  return (ranks[ranks.length - 1] ?? 0) > (ranks[0] ?? 0);
}

/** The level after history: one step up when rising, never above HISTORY_CAP. */
export function applyHistory(
  current: RiskLevel,
  context: AssessmentContext | undefined,
): { level: RiskLevel; raised: boolean } {
  if (levelRank(current) < levelRank(HISTORY_FLOOR) || levelRank(current) >= levelRank(HISTORY_CAP)) {
    return { level: current, raised: false };
  }
  if (!isRising(current, context)) return { level: current, raised: false };
  return { level: levelAt(Math.min(levelRank(current) + 1, levelRank(HISTORY_CAP))), raised: true };
}
