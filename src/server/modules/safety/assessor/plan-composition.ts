/**
 * Columbia levels 4–5 are ideation PLUS something: a time, or means in hand
 * (C-SSRS "active ideation with specific plan and intent"). Each part alone
 * is a rule hit of its own level ("I want to die" is high; "I have the blade"
 * is a weak cue); together they are imminent, whatever the model thinks of
 * the words (issue 12: a plan with a time, or means with intent, must not be
 * overruled by a weak model score). analyse.ts applies this to
 * counting hits.
 */
import type { Judged } from './context.js';
import type { TextContext } from './text-context.js';

/**
 * A deadline: tonight, tomorrow, a named day, "after the kids are asleep". Not
 * "now", "today" or "soon": "I just want to die right now" is how a bad hour
 * feels, not a plan for one.
 */
const DEADLINE_RE =
  /\b(?:tonight|tonite|2nite|tomorrow|tmrw|this (?:weekend|evening|week)|(?:on|this|next|by|till|until|before) (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:night|morning|evening)|at (?:midnight|dawn|\d{1,2}(?::\d\d)?(?: ?[ap]m)?)\b|(?:after|once|when) (?:the kids|everyone|they(?:'re| are)|the house|my (?:shift|husband|wife|partner|mum|mom|dad|parents))|in (?:an? |\d+ |a few |a couple of )(?:hours?|minutes?|mins?)|by (?:the weekend|morning|the morning|the end of the week))\b/;

/** Ideation a time or means makes a plan: a present wish or intent to die, at high. */
const IDEATION_SIGNALS = new Set([
  'want_die',
  'kill_self',
  'suicide_slang',
  'active_ideation',
  'not_alive',
  'suicidal',
  'only_way_out',
]);
const MEANS_SIGNALS = new Set(['means_in_hand', 'cue_means', 'means']);

const isIdeation = (j: Judged): boolean =>
  IDEATION_SIGNALS.has(j.hit.rule.signal) && j.level === 'high' && j.modifiers.length === 0;

/**
 * Where a deadline belongs to the wish: its clause, and a short clause or
 * sentence straight after it ("I want to die, tonight." / "I want to die. tonight").
 * Not the rest of a sentence turned by "but" ("I want to die, but this weekend
 * my sister visits").
 */
function deadlineWindow(ctx: TextContext, at: number): string {
  const [cs, ce] = ctx.clause(at);
  let end = ce;
  if (ce < ctx.text.length && !ctx.text.startsWith(' but', ce) && !ctx.text.startsWith(' though', ce)) {
    const [, nextEnd] = ctx.clause(ce + 1);
    if (nextEnd - ce <= 30) end = nextEnd;
  }
  return ctx.text.slice(cs, end);
}

/** Ideation hits raised to imminent by a deadline in their sentence (or the next short one) or by means in hand. */
export function composePlans(ctx: TextContext, counting: readonly Judged[]): Judged[] {
  const meansInHand = counting.some((j) => MEANS_SIGNALS.has(j.hit.rule.signal) && j.level !== 'none');
  return counting.map((j) => {
    if (!isIdeation(j)) return j;
    if (DEADLINE_RE.test(deadlineWindow(ctx, j.hit.start))) return { ...j, level: 'imminent', categories: [...j.categories, 'suicide_plan'], modifiers: ['timed'] };
    if (meansInHand) return { ...j, level: 'imminent', categories: [...j.categories, 'suicide_method'], modifiers: ['with_means'] };
    return j;
  });
}
