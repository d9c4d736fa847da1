/**
 * How rule evidence and the model's probabilities make one level.
 * - Strong rule evidence (high or imminent) wins: the rules carry the
 *   Columbia-level meaning (plan, means, attempt) that a bag of words cannot.
 * - Below that, a confident model may lift the level, by at most `maxLift`
 *   steps above the rules and, with no rule evidence at all, to at most
 *   `modelOnlyCap` (and to high only at P(≥ high) ≥ `modelOnlyHigh`): the
 *   model catches what the lexicon misses ("did it again").
 * - When a modifier cancelled a rule hit, the model may not overrule it:
 *   negation, figurative speech, helper talk, quotes and lookalikes cap the
 *   text at low; past, hypothetical and humour at `suppressedCap`; other
 *   rule evidence in the text still counts. Past, hypothetical and humour
 *   misfire ("lol" after a dated plan): a very confident model
 *   (P(≥ high) ≥ `override`) lifts such a text to high, since a missed
 *   crisis costs far more than a false alarm. Texts only about someone
 *   else stay at elevated (concern_for_other, GUIDE.md).
 * - The model's own imminent reading counts: a text the rules or the model
 *   already put at high becomes imminent when P(imminent) reaches
 *   `imminent` and no modifier capped it (an attempt told without the words
 *   the rules know, "did it. feel weird. sorry").
 * - With no rule evidence, the model alone does not alert on fewer than
 *   MODEL_ONLY_MIN_WORDS words: a bag of one or two words ("tonight", "ok
 *   now") is mostly the model's bias, so such a text goes to human review
 *   (elevated) at most.
 * - Context-needing rule hits ("goodbye", "tonight's the night", "wrote the
 *   note") count when P(level ≥ elevated) reaches `gate`: the model tells
 *   "goodbye everyone, off to Australia" from a farewell.
 * The parameters are tuned by scripts/risk/train.ts on out-of-fold
 * predictions of the TRAINING split only and stored in weights.json.
 */
import type { Suppression } from './analyse.js';
import type { CombineParams } from './model.js';
import { modelRank, probAtLeast } from './model.js';
import { levelRank } from '../../../../shared/risk.js';

export interface Combined {
  readonly rank: number;
  /** The model raised the level above the rules. */
  readonly lifted: boolean;
  /** Context-needing rule hits were confirmed by the model and count. */
  readonly weakConfirmed: boolean;
}

/** Fewest words for the model alone (no rule evidence) to put a text at high or above. */
export const MODEL_ONLY_MIN_WORDS = 3;

/** Words in a (normalised) text: runs of non-space characters. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function combineRanks(
  ruleRank: number,
  weakRank: number,
  suppressed: Suppression,
  probs: ArrayLike<number>,
  params: CombineParams,
  words = Number.POSITIVE_INFINITY,
): Combined {
  const weakConfirmed = weakRank > ruleRank && probAtLeast(probs, 2) >= params.gate;
  const rules = weakConfirmed ? weakRank : ruleRank;
  const urgent = params.imminent !== undefined && suppressed === null && probAtLeast(probs, 4) >= params.imminent;
  if (rules >= 3) {
    const rank = rules === 3 && urgent ? 4 : rules;
    return { rank, lifted: rank > rules, weakConfirmed };
  }
  const m = modelRank(probs, params);
  let rank: number;
  if (rules > 0) rank = Math.max(rules, Math.min(m, rules + params.maxLift));
  else {
    rank = Math.min(m, levelRank(params.modelOnlyCap));
    if (rank >= 3 && params.modelOnlyHigh !== undefined && probAtLeast(probs, 3) < params.modelOnlyHigh) rank = 2;
    if (rank >= 3 && words < MODEL_ONLY_MIN_WORDS) rank = 2;
  }
  if (rank === 3 && urgent) rank = 4;
  if (suppressed !== null) {
    const cap = suppressed === 'hard' ? 1 : suppressed === 'other' ? 2 : levelRank(params.suppressedCap);
    rank = Math.min(rank, Math.max(rules, cap));
    // Only soft modifiers (past, hypothetical, humour) may be overruled: hard ones and
    // concern for someone else are about what the words mean, not how sure we are.
    if (suppressed === 'soft' && params.override !== undefined && rank < 3 && probAtLeast(probs, 3) >= params.override)
      rank = 3;
  }
  rank = Math.max(rank, rules);
  return { rank, lifted: rank > rules, weakConfirmed };
}
