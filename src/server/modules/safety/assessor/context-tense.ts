/**
 * When a rule hit happened, for the writer: now (acute), lately, in the past,
 * or not said: the time reference closest to the hit. context.ts reads what it means.
 */
import type { RuleHit } from './rules.js';
import { ACUTE_RE, PAST_RE, PAST_VERB_RE, PRESENT_RE, RECENT_RE } from './context-phrases.js';
import type { TextContext } from './text-context.js';

export type Tense = 'acute' | 'recent' | 'past' | 'none';

/** Last match of a global regex in text[from, to), as its start index, or -1. */
const globalCache = new Map<RegExp, RegExp>();
function lastIndexOf(re: RegExp, text: string, from: number, to: number): number {
  let g = globalCache.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, 'g');
    globalCache.set(re, g);
  }
  g.lastIndex = 0;
  const window = text.slice(from, to);
  let found = -1;
  let m: RegExpExecArray | null;
  while ((m = g.exec(window)) !== null) found = from + m.index;
  return found;
}

/**
 * The time reference closest to the hit decides: a marker before the hit in
 * its clause first ("two years ago I cut"), then one after it in the sentence
 * ("I cut again last night"), then one before it in the sentence.
 */
export function tenseOf(ctx: TextContext, hit: RuleHit): Tense {
  const text = ctx.text;
  const [ss, se] = ctx.sentence(hit.start);
  const [cs] = ctx.clause(hit.start);
  const classify = (from: number, to: number, pickLast: boolean): Tense => {
    const window = text.slice(from, to);
    const find = (re: RegExp): number => {
      if (pickLast) return lastIndexOf(re, text, from, to);
      const at = window.search(re);
      return at < 0 ? -1 : from + at;
    };
    const past = find(PAST_RE);
    const recent = Math.max(find(RECENT_RE), -1);
    const acute = find(ACUTE_RE);
    const best = (a: number, b: number): boolean => a >= 0 && (b < 0 || (pickLast ? a > b : a < b));
    if (acute >= 0 && !best(past, acute)) return 'acute';
    if (recent >= 0 && !best(past, recent)) return 'recent';
    return past >= 0 ? 'past' : 'none';
  };
  const inClause = classify(cs, hit.start, true);
  if (inClause !== 'none') return inClause;
  const after = classify(hit.end, se, false);
  if (after !== 'none') return after;
  const beforeInSentence = classify(ss, cs, true);
  if (
    beforeInSentence === 'past' &&
    PRESENT_RE.test(text.slice(cs, hit.end)) &&
    !PAST_VERB_RE.test(text.slice(cs, hit.end))
  )
    return 'none';
  return beforeInSentence;
}
