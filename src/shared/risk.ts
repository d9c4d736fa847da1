/**
 * Risk levels and categories shared by the server (assessor, alerts) and the
 * web app (support cards, moderator queue). Levels follow the Columbia Suicide
 * Severity Rating Scale as described in DESIGN.md "The safety pipeline".
 */
import { z } from 'zod';

/** Ordered from least to most urgent; the order is meaningful (see compareLevels). */
export const RISK_LEVELS = ['none', 'low', 'elevated', 'high', 'imminent'] as const;

export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const RISK_CATEGORIES = [
  'suicidal_ideation',
  'suicide_method',
  'suicide_plan',
  'preparation',
  'attempt',
  'self_harm',
  'hopelessness',
  'abuse',
  'harm_to_others',
  'concern_for_other',
] as const;

export const riskCategorySchema = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.infer<typeof riskCategorySchema>;

const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = {
  none: 0,
  low: 1,
  elevated: 2,
  high: 3,
  imminent: 4,
};

/** Position of a level in RISK_LEVELS (none = 0 … imminent = 4). */
export function levelRank(level: RiskLevel): number {
  return LEVEL_RANK[level];
}

/** Level at a rank, clamped to the valid range. */
export function levelAt(rank: number): RiskLevel {
  const clamped = Math.max(0, Math.min(RISK_LEVELS.length - 1, Math.trunc(rank)));
  return RISK_LEVELS[clamped] ?? 'none';
}

/** Negative when a is less urgent than b, 0 when equal, positive when more urgent. */
export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

/** The most urgent of the given levels; 'none' for no levels. */
export function maxLevel(...levels: RiskLevel[]): RiskLevel {
  let best: RiskLevel = 'none';
  for (const level of levels) if (LEVEL_RANK[level] > LEVEL_RANK[best]) best = level;
  return best;
}

/** True when `level` is at least `floor` (e.g. isAtLeast(level, 'high') → alert staff). */
export function isAtLeast(level: RiskLevel, floor: RiskLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[floor];
}

/** A span of the ORIGINAL text that raised (or lowered) the level, for moderators. */
export const evidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  signal: z.string().min(1),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const assessmentSchema = z.object({
  level: riskLevelSchema,
  categories: z.array(riskCategorySchema),
  evidence: z.array(evidenceSchema),
  /** Model probability that the text is high or imminent (0..1). */
  score: z.number().min(0).max(1),
  /** Rules version + weights version, stored with every assessment for audits. */
  modelVersion: z.string().min(1),
});
export type Assessment = z.infer<typeof assessmentSchema>;
