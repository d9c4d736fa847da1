/**
 * The rule layer of the assessor: normalise, find rule hits, judge each in
 * context, and reduce them to the writer's rule level. Kept apart from
 * index.ts (which loads the weights) so that scripts/risk/train.ts can run the
 * same rules while it fits the model.
 */
import type { RiskCategory } from '../../../../shared/risk.js';
import { RISK_CATEGORIES, levelRank } from '../../../../shared/risk.js';
import { judge, type Judged } from './context.js';
import { TextContext } from './text-context.js';
import { normalise, type Normalised } from './normalise.js';
import { figurativeSpans, findHits, isSentenceEnd, type RuleHit } from './rules.js';
import { semanticTokens } from './semantic.js';
import { correctSpelling } from './spelling.js';
import { composePlans } from './plan-composition.js';

export interface RuleAnalysis {
  readonly norm: Normalised;
  /** Every rule hit with its judgement, including cancelled ones. */
  readonly judged: readonly Judged[];
  /** Hits that count for the writer (level above none), in text order. */
  readonly counting: readonly Judged[];
  /** Highest rank among counting hits (0 = none … 4 = imminent). */
  readonly rank: number;
  /**
   * Hits of context-needing rules ("goodbye", "tonight's the night") with no
   * other risk in the text: they count only when the model agrees (combine.ts).
   */
  readonly weak: readonly Judged[];
  readonly weakRank: number;
  /**
   * A modifier cancelled or capped a rule hit: 'hard' for negation, figurative
   * speech, helper talk, quotes, fiction and lookalikes (the model may not
   * lift such a text above low), 'soft' for past, hypothetical and humour,
   * 'other' when every counting hit is about someone else (concern_for_other
   * stays elevated for the writer, GUIDE.md, however urgent the words).
   */
  readonly suppressed: Suppression;
}

export type Suppression = 'hard' | 'soft' | 'other' | null;

/** Categories that make a "context-needing" rule (a time, a date, a plan) count. */
const CONTEXT_CATEGORIES: ReadonlySet<RiskCategory> = new Set([
  'suicidal_ideation',
  'suicide_method',
  'attempt',
  'preparation',
  'self_harm',
]);

const HARD = new Set(['negated', 'fiction', 'helper', 'second_person', 'figurative', 'lookalike']);
const SOFT = new Set(['past', 'humour', 'hypothetical']);

const byPosition = (a: Judged, b: Judged): number => a.hit.start - b.hit.start || a.hit.end - b.hit.end;

function maxRank(judged: readonly Judged[]): number {
  let rank = 0;
  for (const j of judged) rank = Math.max(rank, levelRank(j.level));
  return rank;
}

/** Number of different weak signals with non-overlapping spans (one phrase is one sign). */
function distinctWeakSigns(judged: readonly Judged[]): number {
  const seen = new Set<string>();
  const spans: number[] = [];
  for (const j of judged) {
    if (!j.hit.rule.needsContext || j.level === 'none' || seen.has(j.hit.rule.signal)) continue;
    let overlaps = false;
    for (let i = 0; i + 1 < spans.length; i += 2)
      if ((spans[i] ?? 0) < j.hit.end && (spans[i + 1] ?? 0) > j.hit.start) overlaps = true;
    if (overlaps) continue;
    seen.add(j.hit.rule.signal);
    spans.push(j.hit.start, j.hit.end);
  }
  return seen.size;
}

/** Hits judged per rule at most: the first ones and the last ones (a late turn). */
const FIRST_HITS_PER_RULE = 24;
const LAST_HITS_PER_RULE = 8;

/**
 * Judging a hit reads its sentence, so a post of 10,000 "💊" or "kms kms kms"
 * would cost hits × sentence length and hold the event loop for seconds. The
 * same rule firing a hundred times says nothing the first and last few do not.
 */
function boundHits(hits: RuleHit[]): RuleHit[] {
  const limit = FIRST_HITS_PER_RULE + LAST_HITS_PER_RULE;
  if (hits.length <= limit) return hits;
  const byRule = new Map<string, RuleHit[]>();
  for (const hit of hits) {
    const list = byRule.get(hit.rule.signal);
    if (list === undefined) byRule.set(hit.rule.signal, [hit]);
    else list.push(hit);
  }
  const kept: RuleHit[] = [];
  for (const list of byRule.values()) {
    if (list.length <= limit) kept.push(...list);
    else kept.push(...list.slice(0, FIRST_HITS_PER_RULE), ...list.slice(-LAST_HITS_PER_RULE));
  }
  return kept;
}

/** Sentences in a text: a run of terminators ("?!", "...") ends one sentence. */
function sentenceCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length - 1; i++)
    if (isSentenceEnd(text.charCodeAt(i)) && !isSentenceEnd(text.charCodeAt(i + 1))) n++;
  return n;
}

export function analyse(text: string): RuleAnalysis {
  // Disguises undone first (normalise.ts), then slips of the keyboard (spelling.ts).
  const norm = correctSpelling(normalise(text), text);
  const hits = boundHits(findHits(norm.text));
  const idioms = figurativeSpans(norm.text);
  // An idiom ("take a bath", "killing me") is figurative even when no rule fired on it.
  // An idiom in a short text ("this exam is killing me") is what the text is about; in a long
  // post it is one phrase among many ("cut my hair" early, the crisis at the end).
  let suppressed: Suppression = idioms.length > 0 && sentenceCount(norm.text) <= 3 ? 'hard' : null;
  if (hits.length === 0) return { norm, judged: [], counting: [], rank: 0, weak: [], weakRank: 0, suppressed };
  const ctx = new TextContext(norm.text);
  const judged = hits.map((hit) => judge(ctx, hit, idioms));

  let context = false;
  // A context-needing hit also counts beside a plain hit of its own category
  // ("he's outside now" with "my husband hits me").
  const plainCategories = new Set<RiskCategory>();
  for (const j of judged) {
    if (!j.hit.rule.needsContext && j.level !== 'none') for (const c of j.categories) plainCategories.add(c);
    // A cancelled cue ("gave my phone to my brother" read as a lookalike) or a denied
    // plan ("I haven't picked a day") says the phrase is harmless, not that the writer
    // is safe: the model may still read the rest ("I have the rat poison in my bag").
    const phraseOnly = j.hit.rule.needsContext || (j.modifiers.includes('negated') && levelRank(j.hit.rule.level) >= 4);
    if (j.modifiers.some((m) => HARD.has(m))) {
      if (!phraseOnly) suppressed = 'hard';
    } else if (suppressed === null && j.modifiers.some((m) => SOFT.has(m))) suppressed = 'soft';
    if (!j.hit.rule.needsContext && levelRank(j.level) >= 2 && j.categories.some((c) => CONTEXT_CATEGORIES.has(c)))
      context = true;
  }
  const live = judged.filter((j) => j.level !== 'none');
  // Two different warning signs together ("gave my cat away" + "won't need it") confirm each other;
  // so does a cover story for them ("told her I'm going travelling. I'm not"): concealment is a sign.
  if (distinctWeakSigns(judged) >= 2 || ctx.coverStory()) context = true;
  const confirmed = (j: Judged): boolean =>
    !j.hit.rule.needsContext ||
    context ||
    j.modifiers.includes('third_person') ||
    j.categories.some((c) => plainCategories.has(c));
  const counting = composePlans(ctx, live.filter(confirmed).sort(byPosition));
  // A cue waits for the model only if no plain hit of its kind was cancelled as a
  // lookalike or figure of speech ("so much blood, I cut myself shaving").
  const cancelled = new Set<RiskCategory>();
  for (const j of judged)
    if (
      j.level === 'none' &&
      !j.hit.rule.needsContext &&
      j.modifiers.some((m) => m === 'lookalike' || m === 'figurative')
    )
      for (const c of j.hit.rule.categories) cancelled.add(c);
  const weak = live
    .filter((j) => !confirmed(j) && !j.hit.rule.categories.some((c) => cancelled.has(c)))
    .sort(byPosition);
  if (suppressed === null && counting.length > 0 && counting.every((j) => j.modifiers.includes('third_person')))
    suppressed = 'other';
  return { norm, judged, counting, rank: maxRank(counting), weak, weakRank: maxRank(weak), suppressed };
}

/** Categories of the given hits, in the canonical order of RISK_CATEGORIES. */
export function categoriesOf(judged: readonly Judged[]): RiskCategory[] {
  const cats = new Set<RiskCategory>();
  for (const j of judged) for (const c of j.categories) cats.add(c);
  return RISK_CATEGORIES.filter((c) => cats.has(c));
}

/**
 * What the rules saw, as tokens for the linear model ("rule:crisis_cue",
 * "rule:kill_self=none", "mod:negated", "rank=3"): the model learns how much
 * each rule outcome is worth next to the words, e.g. a weak cue in a text
 * that otherwise reads like a crisis.
 */
export function ruleTokens(a: RuleAnalysis): string[] {
  const tokens = new Set<string>();
  // Unconfirmed context-needing hits are left out: the model's P(≥ elevated)
  // is what confirms them (combine.ts gate), and a cue must not vote for itself
  // ("sorry I couldn't stay longer at the party" would confirm its own farewell).
  const waiting = new Set(a.weak);
  for (const j of a.judged) {
    if (waiting.has(j)) continue;
    tokens.add(`rule:${j.hit.rule.signal}`);
    tokens.add(`rule:${j.hit.rule.signal}=${j.level}`);
    for (const m of j.modifiers) tokens.add(`mod:${m}`);
  }
  tokens.add(`rank=${a.rank}`);
  if (a.suppressed !== null) tokens.add(`suppressed=${a.suppressed}`);
  return [...tokens].sort();
}

/** Every binary token the model reads besides the text n-grams: rule outcomes and word classes. */
export function modelTokens(a: RuleAnalysis): string[] {
  return [...ruleTokens(a), ...semanticTokens(a.norm.text)];
}
