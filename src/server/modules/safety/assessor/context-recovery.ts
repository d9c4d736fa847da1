/**
 * Readings of a hit that need the sentences around it (issue 12): a risk phrase
 * in someone else's question answered by a denial, a past crisis told beside a
 * present recovery, and thanks for help with a crisis that is over. context.ts
 * applies them.
 */
import type { RuleHit } from './rules.js';
import type { TextContext } from './text-context.js';
import { ATTRIBUTED_BEFORE_RE, DENIAL_CLAUSE_SPLIT_RE, DENIAL_START_RE, DENIAL_TAKEN_BACK_RE, DISOWNED_ANSWER_RE, DISOWNED_RE, PAST_FRAME_RE, RECOVERY_NOW_RE, RELAPSE_RE } from './context-phrases.js';

/** Start and end of the sentence after the one ending at `se` (skipping empty ones), or null. */
export function nextSentence(ctx: TextContext, se: number): [number, number] | null {
  let pos = se + 1;
  while (pos < ctx.text.length) {
    const [ns, ne] = ctx.sentence(pos);
    if (ctx.text.slice(ns, ne).trim().length > 0) return [ns, ne];
    pos = ne + 1;
  }
  return null;
}

/**
 * Someone else's question or belief about the writer ("people keep asking if I'm
 * suicidal", "everyone thinks I want to die") or words the writer disowns ("I
 * never said I…"), answered by a denial in a later clause of the sentence or at
 * the start of the next ("I'm not", "I don't", "no, I'm just sad"): the risk
 * phrase is what others say, not what the writer says. "…and honestly I am"
 * keeps it.
 */
export function attributedAndDenied(ctx: TextContext, hit: RuleHit, before: string): boolean {
  if (!ATTRIBUTED_BEFORE_RE.test(before)) return false;
  const text = ctx.text;
  const [, se] = ctx.sentence(hit.start);
  const next = nextSentence(ctx, se);
  // The denial is taken back ("I said no but I lied").
  if (DENIAL_TAKEN_BACK_RE.test(text.slice(hit.end, next?.[1] ?? se))) return false;
  // "I said…" answers only words the writer disowns ("I never said I…, I said I'm tired").
  const disowned = DISOWNED_RE.test(before);
  const denial = (c: string): boolean => DENIAL_START_RE.test(c) || (disowned && DISOWNED_ANSWER_RE.test(c));
  if (text.slice(hit.end, se).split(DENIAL_CLAUSE_SPLIT_RE).some(denial)) return true;
  return next !== null && denial(text.slice(next[0], next[1]));
}

/** A question about the writer answered yes ("the GP asked if I'm suicidal and honestly I am"): no hypothetical. */
export function affirmedAttribution(ctx: TextContext, hit: RuleHit, before: string): boolean {
  if (!ATTRIBUTED_BEFORE_RE.test(before)) return false;
  const [, se] = ctx.sentence(hit.start);
  return DENIAL_TAKEN_BACK_RE.test(ctx.text.slice(hit.end, nextSentence(ctx, se)?.[1] ?? se));
}

/**
 * A crisis framed as past in the hit's clause ("when I was suicidal last year",
 * "back when I wanted to die", "I used to be") with a present recovery statement
 * in its sentence or the next ("I'm doing so much better now", "I'm safe", "in a
 * good place now"), and no sign that it came back ("again", "lately").
 */
export function pastAndRecovered(ctx: TextContext, hit: RuleHit): boolean {
  const text = ctx.text;
  const [cs, ce] = ctx.clause(hit.start);
  if (!PAST_FRAME_RE.test(text.slice(cs, ce))) return false;
  const [ss, se] = ctx.sentence(hit.start);
  const end = nextSentence(ctx, se)?.[1] ?? se;
  const window = text.slice(ss, end);
  return RECOVERY_NOW_RE.test(window) && !RELAPSE_RE.test(window);
}

/**
 * A thank-you whose crisis is past is no farewell ("thank you all for being there
 * when I was suicidal last year. I'm doing so much better now"): past framing and
 * a present recovery statement in the sentences around it, no relapse.
 */
export function pastThanks(ctx: TextContext, hit: RuleHit, matched: string): boolean {
  if (!/\bthank/.test(matched)) return false;
  const text = ctx.text;
  const [ss, se] = ctx.sentence(hit.start);
  const start = ss > 0 ? ctx.sentence(ss - 1)[0] : ss;
  const end = nextSentence(ctx, se)?.[1] ?? se;
  const window = text.slice(start, end);
  return PAST_FRAME_RE.test(window) && RECOVERY_NOW_RE.test(window) && !RELAPSE_RE.test(window);
}
