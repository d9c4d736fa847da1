/**
 * Clause-level context that changes what a rule hit means for the WRITER:
 * negation ("I'm not suicidal"), past and recovery ("I used to cut, two years
 * clean"), hypotheticals and general questions, quotes / lyrics / fiction,
 * helper talk ("if you're thinking about suicide, call…"), third-person
 * subjects (concern for someone else), figurative speech and lookalikes.
 * Following corpus/risk/GUIDE.md and the #chatsafe guidelines, helper talk and
 * figurative speech are no risk; worry about another person is `elevated`
 * concern_for_other whatever that person's danger.
 */
import type { RiskCategory, RiskLevel } from '../../../../shared/risk.js';
import { levelAt, levelRank } from '../../../../shared/risk.js';
import type { RuleHit } from './rules.js';
import {
  BETTER_NOW_RE,
  CAME_BACK_RE,
  CONDITIONAL_HYPERBOLE_RE,
  CONTINUES_RE,
  DANGER_NOW_RE,
  DENIAL_WITHDRAWN_RE,
  DESIRE_BEFORE_RE,
  DYE_OBJECT_RE,
  FAREWELL_NEGATION_RE,
  FICTION_RE,
  FIRST_PERSON_RE,
  HELPER_RE,
  HUMOUR_RE,
  HYPOTHETICAL_RE,
  LEISURE_RE,
  LOOKALIKE_FAREWELL_RE,
  LOOKALIKE_GUARD_RE,
  LOOKALIKE_HARM_RE,
  LOOKALIKE_LETTER_RE,
  LOOKALIKE_PILLS_RE,
  MUNDANE_RE,
  NEGATION_CARRIES_RE,
  NEGATION_CONNECTIVE_RE,
  NEGATION_RE,
  NEW_SUBJECT_RE,
  PERSISTENT_RE,
  PLACE_RISK_RE,
  PLACE_WORD_RE,
  POST_NEGATION_RE,
  PSEUDO_NEGATION_RE,
  RELATIONSHIP_END_RE,
  REPORTED_QUESTION_RE,
  REPORTED_SPEECH_RE,
  SCHOOLWORK_RE,
  SELF_DISCLOSURE_RE,
  SERIOUS_RE,
  SUBJECT_RE,
  SUPPLEMENT_NAMED_RE,
  WRITER_IN_HIT_RE,
} from './context-phrases.js';
import { affirmedAttribution, attributedAndDenied, nextSentence, pastAndRecovered, pastThanks } from './context-recovery.js';
import type { TextContext } from './text-context.js';
import { tenseOf } from './context-tense.js';

export type Modifier =
  | 'negated'
  | 'past'
  | 'hypothetical'
  | 'fiction'
  | 'helper'
  | 'second_person'
  | 'third_person'
  | 'figurative'
  | 'humour'
  | 'lookalike'
  | 'urge'
  | 'not_acute'
  | 'undated'
  | 'persistent'
  // Set by plan-composition.ts: ideation with a deadline, or with means in hand (C-SSRS 4–5).
  | 'timed'
  | 'with_means';

export interface Judged {
  readonly hit: RuleHit;
  /** The writer's level from this hit; 'none' when a modifier cancels it. */
  readonly level: RiskLevel;
  readonly categories: readonly RiskCategory[];
  readonly modifiers: readonly Modifier[];
}

type Subject = 'self' | 'other' | 'you' | 'generic';

function subjectBefore(text: string, from: number, to: number): Subject | null {
  if (to <= from) return null;
  const window = text.slice(Math.max(from, to - 120), to);
  let found: Subject | null = null;
  SUBJECT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SUBJECT_RE.exec(window)) !== null) {
    const g = m.groups ?? {};
    found = g['other'] ? 'other' : g['self'] ? 'self' : g['you'] ? 'you' : 'generic';
  }
  return found;
}

function subjectOf(ctx: TextContext, hit: RuleHit): Subject {
  const refl = hit.refl?.replace(' ', '');
  if (refl !== undefined) {
    if (refl === 'myself' || refl === 'meself' || refl === 'myslef') return 'self';
    if (refl === 'yourself' || refl === 'urself') return 'you';
    return 'other';
  }
  const text = ctx.text;
  const [cs] = ctx.clause(hit.start);
  // The hit names the writer itself ("where I'm going", "you won't see me again"),
  // unless it is someone else's reported words ("she said I'm going to do it").
  if (WRITER_IN_HIT_RE.test(text.slice(hit.start, hit.end)) && !REPORTED_SPEECH_RE.test(text.slice(cs, hit.start)))
    return 'self';
  const inClause = subjectBefore(text, cs, hit.start);
  if (inClause !== null) return inClause;
  const [ss] = ctx.sentence(hit.start);
  return subjectBefore(text, ss, cs) ?? 'self';
}

function isNegated(ctx: TextContext, hit: RuleHit): boolean {
  const [cs] = ctx.clause(hit.start);
  const window = ctx.text.slice(Math.max(cs, hit.start - 45), hit.start);
  NEGATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((m = NEGATION_RE.exec(window)) !== null) last = m;
  if (last === null) return false;
  const after = window.slice(last.index);
  if (PSEUDO_NEGATION_RE.test(after) || FAREWELL_NEGATION_RE.test(after)) return false;
  // Negation scope: at most five words between the cue and the hit, in one clause.
  const between = window.slice(last.index + last[0].length).trim();
  if (between.length === 0) return true;
  if (between.split(/\s+/).length > 5) return false;
  if (NEGATION_CARRIES_RE.test(between)) return true;
  return !NEGATION_CONNECTIVE_RE.test(between) && !NEW_SUBJECT_RE.test(between);
}

/** End of the first `n` words after `from` (within the next sentence). */
function nextWords(text: string, from: number, n: number): number {
  let i = from;
  let words = 0;
  // Skip the gap and repeated terminators ("goodbye everyone!! off to australia").
  while (i < text.length && /[\s.!?]/.test(text.charAt(i))) i++;
  while (i < text.length && words < n) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    if (c === 32) words++;
    i++;
  }
  return i;
}

function insideQuotes(text: string, start: number, sentenceStart: number): number {
  // Returns the index of the opening double quote when the hit sits inside one, else -1.
  let open = -1;
  for (let i = sentenceStart; i < start; i++) if (text.charCodeAt(i) === 34) open = open < 0 ? i : -1;
  return open;
}

const cap = (level: RiskLevel, max: RiskLevel): RiskLevel => levelAt(Math.min(levelRank(level), levelRank(max)));

function overlapsAny(spans: readonly number[], start: number, end: number): boolean {
  for (let i = 0; i + 1 < spans.length; i += 2) if ((spans[i] ?? 0) < end && (spans[i + 1] ?? 0) > start) return true;
  return false;
}

// Harm from someone else is the writer's danger whoever the grammatical subject is ("he'll break my door down").
const SUBJECT_FREE_SIGNALS = new Set([
  'abuse',
  'abuse_danger',
  'abuse_danger_now',
  'harm_to_others',
  'concern_for_other',
]);
const FAREWELL_SIGNALS = new Set([
  'crisis_cue',
  'cue_farewell',
  'cue_prep',
  'cue_resolve',
  'cue_means',
  'preparation',
  'active_ideation',
  'attempt_underway',
  'plan',
  'plan_declared',
  'cue_countdown',
  'cue_affairs',
  'cue_place',
  // rules-plain.ts (issue 12): the same harmless readings apply to their words.
  'plan_euphemism',
  'cue_at_place',
  'cue_working_up',
  'means_in_hand',
  'cue_gone_by',
  'cue_given_away',
  'cue_done_feeling',
]);
const METHOD_SIGNALS = new Set(['method', 'method_research', 'cue_place', 'cue_how']);

/** Signals whose hit may name a place of risk ("on the bridge", "edge of the cliff"). */
const PLACE_SIGNALS = new Set([...FAREWELL_SIGNALS, 'attempt_underway', 'attempt_plain', 'method']);

/** What one rule hit means for the writer, given its context. */
export function judge(ctx: TextContext, hit: RuleHit, idioms: readonly number[]): Judged {
  const rule = hit.rule;
  const text = ctx.text;
  const mods: Modifier[] = [];
  const none = (m: Modifier): Judged => ({ hit, level: 'none', categories: [], modifiers: [...mods, m] });
  if (
    overlapsAny(idioms, hit.start, hit.end) &&
    !(rule.signal === 'abuse_danger' && DANGER_NOW_RE.test(ctx.text.slice(...ctx.sentence(hit.start))))
  )
    return none('figurative');

  const [ss, se] = ctx.sentence(hit.start);
  const [cs, ce] = ctx.clause(hit.start);
  const sentence = text.slice(ss, se + 1);
  const clause = text.slice(cs, ce);
  const before = text.slice(ss, hit.start);
  const matched = text.slice(hit.start, hit.end);
  // The next sentence often explains the last ("I'm ready to end it. The relationship I mean!").
  const withNext = text.slice(ss, Math.min(text.length, se + 160));
  // A farewell's harmless reading is in its own sentence or the start of the next
  // ("I'm ready to end it. The relationship I mean!"), not in any later word
  // ("got the rope today. it's friday when they're all at the match").
  const lookalikeWindow = text.slice(ss, nextWords(text, se + 1, 6));

  // Quotes, lyrics, fiction: the words are someone else's (a song, a character).
  const quoteOpen = insideQuotes(text, hit.start, ss);
  const frame = quoteOpen >= 0 ? text.slice(ss, quoteOpen) : before;
  if (FICTION_RE.test(frame) || (quoteOpen >= 0 && FICTION_RE.test(sentence))) return none('fiction');

  // "Die" takes no object: "want to die my hair pink" is "dye".
  if (matched.endsWith('die') && DYE_OBJECT_RE.test(text.slice(hit.end, se))) return none('lookalike');
  // "People ask if I'm suicidal. I'm not": others' words, denied.
  if (attributedAndDenied(ctx, hit, before)) return none('negated');

  let level: RiskLevel = rule.level;
  let categories: readonly RiskCategory[] = rule.categories;

  // General questions and hypotheticals ("is it normal to…?") are low unless said of oneself,
  // there or just after ("…every day for a month? because that's where I am").
  const ownQuestion = ctx.testOnce(SELF_DISCLOSURE_RE, ss, ss + withNext.length);
  const hypoAt = before.search(HYPOTHETICAL_RE);
  const generalQuestion = sentence.trimEnd().endsWith('?') && !FIRST_PERSON_RE.test(sentence);
  if (
    !ownQuestion &&
    ((hypoAt >= 0 && subjectBefore(text, ss + hypoAt, hit.start) !== 'self') ||
      generalQuestion ||
      (REPORTED_QUESTION_RE.test(before) && !affirmedAttribution(ctx, hit, before)))
  ) {
    if (HELPER_RE.test(sentence)) return none('helper');
    mods.push('hypothetical');
    level = cap(level, 'low');
    categories = [];
  }

  if (!SUBJECT_FREE_SIGNALS.has(rule.signal)) {
    let subject = quoteOpen >= 0 ? (subjectBefore(text, ss, quoteOpen) ?? subjectOf(ctx, hit)) : subjectOf(ctx, hit);
    // "Can you OD on melatonin? asking for me": the general "you" is the writer.
    if (ownQuestion && (subject === 'you' || subject === 'generic')) subject = 'self';
    if (subject === 'you') return none(HELPER_RE.test(sentence) ? 'helper' : 'second_person');
    if (subject === 'generic' && !mods.includes('hypothetical')) {
      if (HELPER_RE.test(sentence)) return none('helper');
      mods.push('hypothetical');
      level = cap(level, 'low');
      categories = [];
    } else if (subject === 'other') {
      // GUIDE.md: worry about someone else is elevated concern_for_other for the writer.
      mods.push('third_person');
      if (isNegated(ctx, hit)) return none('negated');
      if (mods.includes('hypothetical')) return { hit, level: 'low', categories: [], modifiers: mods };
      return { hit, level: 'elevated', categories: ['concern_for_other'], modifiers: mods };
    }
  }

  if (
    rule.kind !== 'recovery' &&
    !rule.selfNegated &&
    (isNegated(ctx, hit) || POST_NEGATION_RE.test(text.slice(hit.end, ce))) &&
    !DENIAL_WITHDRAWN_RE.test(text.slice(hit.end, Math.min(text.length, se + 160, hit.end + 200)))
  ) {
    return none('negated');
  }

  const serious = ctx.testOnce(SERIOUS_RE, ss, ss + withNext.length);
  if (rule.figurativeProne && HUMOUR_RE.test(clause) && !serious) {
    // "kms this essay lol" is a joke; "unalive thoughts again lol" is a teenager saying it lightly.
    if (MUNDANE_RE.test(sentence)) return none('figurative');
    mods.push('humour');
    level = cap(level, 'low');
  } else if (rule.figurativeProne && MUNDANE_RE.test(sentence) && (!serious || rule.signal === 'suicide_slang')) {
    const slangOrThreat =
      rule.signal === 'suicide_slang' || rule.signal === 'abuse_danger' || rule.signal === 'harm_to_others';
    if (slangOrThreat || CONDITIONAL_HYPERBOLE_RE.test(clause)) return none('figurative');
  }

  const coverStory = ctx.coverStory();
  if (
    rule.signal === 'self_harm_act' &&
    LOOKALIKE_HARM_RE.test(sentence) &&
    !/on purpose/.test(sentence) &&
    !coverStory
  )
    return none('lookalike');
  if (
    // A whole packet or a month's supply is an overdose whatever it was for; only a named supplement is not.
    ((rule.signal !== 'attempt_plain' &&
      /pills|tablets|meds|paracetamol|medication/.test(matched) &&
      LOOKALIKE_PILLS_RE.test(withNext)) ||
      (/took|taken|swallowed|downed|necked/.test(matched) && SUPPLEMENT_NAMED_RE.test(text.slice(hit.start)))) &&
    !coverStory
  )
    return none('lookalike');
  if (METHOD_SIGNALS.has(rule.signal) && SCHOOLWORK_RE.test(sentence) && !coverStory) return none('lookalike');
  if (
    FAREWELL_SIGNALS.has(rule.signal) &&
    (LOOKALIKE_FAREWELL_RE.test(lookalikeWindow) ||
      (LOOKALIKE_LETTER_RE.test(lookalikeWindow) && !LOOKALIKE_GUARD_RE.test(withNext))) &&
    !coverStory
  )
    return none('lookalike');
  // A place in leisure context ("on the bridge taking sunset photos") with no word of risk near it.
  if (
    PLACE_SIGNALS.has(rule.signal) &&
    PLACE_WORD_RE.test(matched) &&
    LEISURE_RE.test(lookalikeWindow) &&
    !PLACE_RISK_RE.test(withNext) &&
    !coverStory
  )
    return none('lookalike');
  // "Going to end it all with him on saturday": a relationship ends, in this sentence.
  if (FAREWELL_SIGNALS.has(rule.signal) && !coverStory) {
    const ending = RELATIONSHIP_END_RE.exec(sentence);
    if (
      ending !== null &&
      !LOOKALIKE_GUARD_RE.test(withNext) &&
      (rule.needsContext || (ss + ending.index < hit.end && ss + ending.index + ending[0].length > hit.start))
    )
      return none('lookalike');
  }
  if (FAREWELL_SIGNALS.has(rule.signal) && pastThanks(ctx, hit, matched)) return none('lookalike');

  // An act preceded by a desire or a modal is an urge, not an act ("want to cut").
  if (rule.urge !== undefined && DESIRE_BEFORE_RE.test(text.slice(Math.max(cs, hit.start - 40), hit.start))) {
    mods.push('urge');
    level = cap(level, rule.urge);
  }

  if (rule.kind !== 'recovery') {
    let tense = pastAndRecovered(ctx, hit) ? 'past' : tenseOf(ctx, hit);
    // A past crisis told to explain one that is back keeps the current level (GUIDE.md).
    if (tense === 'past' && CAME_BACK_RE.test(text.slice(hit.end, nextSentence(ctx, se)?.[1] ?? se))) tense = 'none';
    if (tense === 'past') {
      mods.push('past');
      level = cap(level, 'low');
    } else if (rule.kind === 'act' && !mods.includes('urge') && tense !== 'acute') {
      const dated = tense === 'recent' ? (rule.recent ?? rule.undated) : rule.undated;
      if (dated !== undefined && levelRank(dated) < levelRank(level)) {
        mods.push(tense === 'recent' ? 'not_acute' : 'undated');
        level = cap(level, dated);
      }
    }
  }
  if (
    rule.signal === 'wish_dead' &&
    level === 'elevated' &&
    !ctx.testOnce(BETTER_NOW_RE, ss, ss + withNext.length) &&
    (PERSISTENT_RE.test(sentence) ||
      (CONTINUES_RE.test(text.slice(se + 1, se + 40)) &&
        PERSISTENT_RE.test(text.slice(se + 1, ctx.sentence(se + 1)[1]))))
  ) {
    mods.push('persistent');
    level = 'high';
  }
  return { hit, level, categories, modifiers: mods };
}
