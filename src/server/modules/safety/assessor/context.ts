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
  | 'persistent';

export interface Judged {
  readonly hit: RuleHit;
  /** The writer's level from this hit; 'none' when a modifier cancels it. */
  readonly level: RiskLevel;
  readonly categories: readonly RiskCategory[];
  readonly modifiers: readonly Modifier[];
}

const NEGATION_RE =
  /\b(?:not|never|no|zero|no intention of|no longer|don'?t|dont|do not|doesn'?t|didn'?t|didnt|won'?t|wont|wouldn'?t|wouldnt|isn'?t|aren'?t|wasn'?t|haven'?t|havent|hasn'?t|nor|no way|nothing like|without)\b/g;
const PSEUDO_NEGATION_RE =
  /^(?:no (?:one|idea|matter|reason|point|way out|hope|future)\b|not|don'?t|dont|do not|didn'?t) (?:sure|know|just|only|even sure|care|understand|remember|get|think it'?s|mean to)\b|^never (?:mind|thought|knew|expected|imagined)\b|^won'?t stop\b|^can'?t stop\b|^(?:not|won'?t|wont|will not) (?:gonna |going to )?(?:lie|lying|kid|kidding|joke|joking|exaggerat\w*)\b|^no (?:lie|joke|cap)\b/;
/** Negated words that are themselves a farewell cue, not a denial: "won't be around", "won't need it". */
const FAREWELL_NEGATION_RE =
  /^(?:won'?t|wont|will not|not|don'?t|dont|do not) (?:be (?:here|around|back|needing)|see me|need (?:it|them|this|that|my|any))\b/;
/**
 * A negation reaches across at most five words and never into a new clause
 * with its own connective or subject: "I don't want help, I just want to die",
 * "it didn't work last night so I'm doing it properly". It carries on when the
 * word after it introduces what is denied: a verb of thinking or saying ("I
 * don't think I want to die", "I never said I want to die"), or "no way I'd",
 * "not once have I", "not that I", "not because I".
 */
const NEGATION_CONNECTIVE_RE = /\b(?:so|because|cos|cuz|coz|then|and now|but)\b/;
const NEGATION_CARRIES_RE =
  /^(?:think|thought|believe|feel|felt|reckon|know|knew|mean|meant|say|saying|said|says|expect|see|saw|that|like|as if|because|cos|cause|way|chance|once|would|could|did|do|does|have|has|had|will|ever|even|really|actually|i|i'?m|im|i'?d|i'?ll|i'?ve|ive)\b/;
const NEW_SUBJECT_RE = /(?:^|\s)(?:i|i'?m|im|i'?ve|ive|i'?ll|i'?d)\b/;
/** The writer says a general question is about themselves. */
const SELF_DISCLOSURE_RE =
  /\b(?:asking for (?:me|myself|a friend \(?me\)?)|(?:because|cause|cos|coz) (?:that'?s|thats) (?:where i am|me)|that'?s (?:where i am|me rn|me right now)|(?:it'?s|this is) me (?:i'?m asking|rn|right now)|i'?m asking for me)\b/;
/** The writer insists the words are meant: a figurative reading no longer applies. */
const SERIOUS_RE =
  /\b(?:not (?:joking|kidding|exaggerating|meme dead|a meme|(?:as )?a joke)|no joke|i mean it|i'?m not messing|dead serious|literally planning)\b/;
const PAST_RE =
  /\b(?:used to|years? ago|(?:a )?long time ago|anniversary of\b|years? (?:out|since|on from|later)|(?:in|through|for|during)(?: most of)? my (?:teens|twenties|thirties|a-?levels|gcses|degree|first year)|i stopped|stopped at|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|few|many|several|couple of) (?:years?|yrs?) (?:ago|back|clean|free|since|now)|when i was (?:a |younger|little|\d+|in |at |still|growing|a teen)|as a (?:kid|teen|teenager|child)|at (?:age )?1\d\b(?! ?(?:am|pm|:|o'?clock))|at age \d+|back (?:then|in|when)|(?:\d+|a few|few|two|three|four|five|six|nine|twelve|eighteen|many|several) (?:months?|weeks?) (?:since|clean|free|without)|since i last|(?:of|during) (?:19\d\d|20[01]\d|202[0-5])|in (?:high school|secondary school|sixth form|my teens|my twenties|my early|20[01]\d|19\d\d)|i'?m \d{2} now|(?:since|in) (?:19|20)\d\d|(?:recovered|no longer|grown out of|got through it|got better|got help)|years? clean)\b/;
const RECENT_RE =
  /\b(?:last night|yesterday|(?<!ago )today|(?<!ago )tonight|this (?:morning|afternoon|evening|week|weekend)|just now|again|right now|lately|recently|at the moment|currently|still|(?:this|last) week|(?:\d+|a few|two|three|couple(?: of)?|an?) (?:hours?|minutes?|nights?|days?) ago|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/;
const ACUTE_RE =
  /\b(?:just now|an? (?:hour|few minutes) ago|(?:\d+|a few|two|twenty|ten|thirty) minutes ago|(?<!ago )tonight|right now|earlier today|earlier|just (?:took|taken|did|swallowed|tried)|i just|this morning|(?<!ago )today)\b/;
const REPORTED_QUESTION_RE = /\b(?:asked (?:me )?(?:if|whether)|wanted to know (?:if|whether)|screening questions?)\b/;
const PRESENT_RE = /\b(?:am|i'm|im|is|are|keep|keeps|now|currently|still|want|wants|think|feel|can't|cant)\b/;
const HYPOTHETICAL_RE =
  /\b(?:what if|is it (?:normal|ok|okay|bad|weird|wrong|common|possible|true|selfish)|hypothetically|how do (?:people|you) (?:know|tell|cope|deal|help|support|talk|respond|handle)|would it be|do people|why do people|can someone explain|in general|statistically|what (?:counts|does it mean)|what should (?:you|one)|how (?:common|often))\b/;
const HELPER_RE =
  /\b(?:if you(?:'re| are|'ve| have| ever| feel| ever feel)?|if (?:anyone|someone|somebody)|anyone (?:who|that)|for (?:anyone|those|people) (?:who|that|struggling)|please (?:call|text|reach out|talk|tell|contact)|you(?:'re| are) not alone|reach out|(?:call|text|ring|contact) (?:988|999|911|112|111|116 ?123|samaritans|shout|a crisis|the crisis|a hotline|lifeline|someone)|crisis (?:line|team|text)|hotline|helpline|lifeline|samaritans)\b/;
const FICTION_RE =
  /\b(?:lyrics?|song|sings?|sang|singing|chorus|the line|quote|quoting|poem|poetry|in the (?:book|film|movie|show|novel|game|episode|series|play)|my (?:character|oc|protagonist|novel|story|book|script|fic|fanfic|screenplay)|the (?:character|protagonist|narrator|villain)|in my (?:story|novel|fic|book|script|writing)|fanfic|fan fiction|fiction|chapter|(?:writing|wrote|reading|read|watched|watching) (?:a|the|this) (?:story|scene|book|novel|film|movie|show|episode)|album|hamlet)\b/;
const HUMOUR_RE = /\b(?:lol+|lmao+|lmfao+|haha\w*|hehe\w*|rofl|jk|jkjk|skull|xd|ded)\b/;
const MUNDANE_RE =
  /\b(?:homework|mock|excel|wedding|speeches|alarm|essay|due|forgot|boss fight|level|final boss|exams?|tests?|quiz|class|lectures?|assignments?|essays?|deadlines?|revision|maths?|chem|physics|traffic|meetings?|mondays?|commute|queue|weather|heat|hangover|cringe|embarrass\w*|awkward|printer|wifi|spreadsheet|emails?|zoom|team(?:s)?|match|game|episode|finale|spoilers?|tiktok|minecraft|fortnite|roblox|gta|song|boss|shift|overtime|dishes|laundry|mother ?in ?law|group chat|presentation|interview)\b/;
const CONDITIONAL_HYPERBOLE_RE =
  /\bif (?:i have to|i hear|i see|i get|i lose|this|that|one more|another|they|he|she|my|we)\b/;
const LOOKALIKE_HARM_RE =
  /\b(?:by accident|accidentally|shaving|chopping|cooking|baking|on (?:a|the) (?:tin|can|knife|nail|corner|door|table|desk|oven|hob|tray|glass|stairs|fence)|paper ?cut|oven|tray|at the gym|gym|lifting|skating|tripped|fell|football|rugby|derby|climbing|hiking|bike|skiing|surgery|tattoo|piercing|workout|training|sparring|boxing)\b/;
const LOOKALIKE_PILLS_RE =
  /\b(?:flu|cold|tissues|bugs|woodlice|project|blister packs|returning|for the week|weekly|organi[sz]er|dosette|pharmacy|prescription|refill|vitamins|chemist|as prescribed|with breakfast|with food|headache|hangover|cramps|period pain|vitamin\w*|multivitamins?|supplements?|fish oil|magnesium|zinc|probiotics?|antibiotics?|hay ?fever)\b/;
/** "Took a handful: fish oil, magnesium": the thing swallowed is named, and it is a supplement. */
const SUPPLEMENT_NAMED_RE =
  /^[^.!?\n]{0,40}?\b(?:vitamin\w*|multivitamins?|supplements?|fish oil|magnesium|zinc|probiotics?|cod liver oil|gummies)\b/;
const LOOKALIKE_FAREWELL_RE =
  /\b(?:away (?:for|on|until|till)|i'?m away|summer|interrail\w*|high board|diving board|board|flagged|charity|donat\w+|clear(?:ing)? out|decluttering|travel\w*|moving|move (?:in|out|house|to)|off to|new (?:job|flat|house|server|group|chapter|account)|holiday|trip|visa|retir\w+|detox|see (?:you|y'?all)|will (?:try to )?post|back (?:in|on|next|soon)|for a (?:while|bit|year|week)|exams?|revision|phone to my|old (?:flat|car|house)|scrapyard|camping|students|neighbour about|work tomorrow|promotion|graduat\w+|lent|easter|christmas|wedding|marathon|gig|concert|game|match|party|telling him|move in together|propos\w+|married|engaged|the move\b|happy (?:one|ending|news)|good news|ask(?:ing)? (?:him|her) out|jump(?:ed)? in|diving|swim\w*|the relationship|break up|dump)\b/;
/**
 * The writer says the harmless reading is a cover story ("told her im going
 * travelling. im not going travelling", "she thinks im decluttering", "told
 * everyone i fell off my bike"): giving things away under a pretext is itself
 * a warning sign, so the lookalike reading no longer applies.
 */
const COVER_STORY_RE =
  /\b(?:(?:i'?m|im|i am) not (?:really |actually )?(?:going (?:travelling|traveling|camping|away|abroad)|travelling|traveling|moving(?! on)|decluttering|camping)\b|(?:it'?s|its|it is|it was) not (?:really |actually )?(?:camping|for (?:the|a) (?:week|while|bit|weekend)|a holiday|a trip|a clear ?out)|(?:it )?(?:isn'?t|wasn'?t) (?:really |actually )?(?:camping|for (?:the|a) (?:week|while|bit|weekend)|a holiday|a trip)|not for a holiday|(?:it'?s|its|it is) not (?:really |actually )?for (?:a|my) (?:story|project|essay|book|class)|\b(?:for (?:a|the) (?:week|while|bit|weekend|night)|just for (?:now|a bit|a while))\b[^?]{0,80}?[.!\n] *(?:it|that) (?:isn'?t|is not|wasn'?t|was not)(?: really)?(?=[ \t]*(?:[.!?\n]|$))|(?:she|he|they|everyone|my \w+) (?:thinks?|thought) (?:i'?m|im|it'?s|its|i was) (?:just )?(?:decluttering|having a clear ?out|clearing out|going camping|going travelling|on holiday)|told (?:\w+ ){0,4}i (?:fell|tripped|walked into|slipped)\b)/;
/** Danger now: "he'll kill me if I don't open it" is no idiom while he is banging on the door. */
const DANGER_NOW_RE =
  /\b(?:right now|banging|outside (?:my|the) (?:door|room|house|flat)|locked (?:myself|us|the door)|hiding|knife|gun|kicking (?:the|my) door)\b/;
/**
 * A wish to be dead that is constant or growing ("every day I think about not
 * being here", "it's getting more real") is active ideation, Columbia 2, not a
 * passing wish (GUIDE.md: "I think about ending it every day" is high).
 */
const PERSISTENT_RE =
  /\b(?:every (?:single )?(?:day|night|morning|hour)|most (?:days|nights|mornings)|all the time|constantly|non-?stop|24\/7|(?:for|since) (?:weeks|months|ages|a year)|(?:it'?s|its) been (?:weeks|months)(?! since)|more and more|(?:it'?s|its|they'?re|thoughts? (?:are|is)) getting (?:more real|worse|stronger|louder|harder to ignore)|getting (?:more real|stronger|louder|harder to ignore)|can'?t stop thinking|every waking)\b/;
/** "…for weeks after the breakup, but I'm fine now": the constant wish is over. */
const BETTER_NOW_RE =
  /\b(?:(?:fine|better|ok|okay|good|well) now|(?:but|and) (?:i'?m|im) (?:fine|ok|okay|better|well)\b|much better)\b/;
/** A next sentence that goes on about the same thought ("It's been months."), not a new topic. */
const CONTINUES_RE =
  /^\s*(?:and |but )?(?:it'?s|its|it has|this has|they'?ve|every|for (?:weeks|months)|most (?:days|nights))\b/;
/** "I'm not going to hurt myself tonight. Tomorrow I can't promise": the denial is taken back. */
const DENIAL_WITHDRAWN_RE =
  /\b(?:(?:can'?t|cannot|cant|won'?t) promise|no promises|not sure (?:i can|how long i can))(?: (?:anything|that|tomorrow|after|later))?(?=\s*(?:[.!?\n,]|$))/;
const POST_NEGATION_RE =
  /^[^.!?\n,]{0,20}\b(?:(?:has|have) never crossed my mind|is not (?:something|an option)|isn'?t (?:something|an option)|not happening|off the table)\b/;
const FIRST_PERSON_RE = /\b(?:i|i'?m|im|i'?ve|ive|me|my|myself)\b/;
const DESIRE_BEFORE_RE =
  /\b(?:want(?:ed|s)? to|wanna|wanting to|urges? to|need to|tempted to|going to|gonna|will|i'?ll|might|could|would|about to|thinking (?:about|of)|thought (?:about|of)|trying not to|try not to|not to|feel like|close to|scared i'?ll|afraid i'?ll)\s+(?:\w+\s+)?$/;
const PAST_VERB_RE = /\b(?:\w+ed|was|were|thought|tried|took|had|felt|did|used|burnt|bit)\b/;
const SUBJECT_RE =
  /\b(?:(?<other>(?:my|our|a|his|her|their|one of my) (?:friends?|best friend|bestie|sister|brother|mum|mom|mother|dad|father|son|daughter|partner|boyfriend|girlfriend|bf|gf|husband|wife|cousin|roommate|flatmate|housemate|students?|colleague|coworker|kids?|child|teen|niece|nephew|grandma|grandad|nan|uncle|aunt|ex|fiancee?|mate|client|patient)|he|she|they|he's|she's|they're|hes|shes|theyre|he'll|she'll|they'll|theyll|he'd|she'd|him|them)|(?<self>i|i'm|im|i've|ive|i'd|i'll|me|myself|we|we're|us)|(?<you>you|you'?re|youre|u|ur|yourself|urself)|(?<generic>anyone|someone|somebody|people|a person|nobody|no one))\b/g;

const WRITER_IN_HIT_RE = /\b(?:i|i'?m|im|i'?ll|i'?ve|ive|i'?d|me)\b/;
const REPORTED_SPEECH_RE =
  /\b(?:said|says|say|saying|told|tells|texted|messaged|wrote|writes|asked|posted|keeps? saying)\b/;

type Subject = 'self' | 'other' | 'you' | 'generic';

/** Precomputed sentence and clause boundaries of one normalised text. */
export class TextContext {
  readonly text: string;
  private readonly sentenceEnds: number[] = [];
  private readonly clauseEnds: number[] = [];

  constructor(text: string) {
    this.text = text;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // . ! ? newline end a sentence; , ; : and "but" end a clause.
      if (c === 46 || c === 33 || c === 63 || c === 10) {
        this.sentenceEnds.push(i);
        this.clauseEnds.push(i);
      } else if (c === 44 || c === 59 || c === 58) {
        this.clauseEnds.push(i);
      } else if (
        c === 32 &&
        (text.startsWith(' but ', i) ||
          text.startsWith(' though ', i) ||
          text.startsWith(' although ', i) ||
          text.startsWith(' except ', i))
      ) {
        this.clauseEnds.push(i);
      }
    }
  }

  private cover: boolean | undefined;
  private readonly tested = new Map<RegExp, Map<number, boolean>>();

  /**
   * re.test(text[from, to)), remembered per regex and start: every hit in a
   * sentence asks the same questions of it (a flood of hits in one long
   * sentence would otherwise re-read it once per hit).
   */
  testOnce(re: RegExp, from: number, to: number): boolean {
    let byStart = this.tested.get(re);
    if (byStart === undefined) {
      byStart = new Map();
      this.tested.set(re, byStart);
    }
    let result = byStart.get(from);
    if (result === undefined) {
      result = re.test(this.text.slice(from, to));
      byStart.set(from, result);
    }
    return result;
  }

  /** The text calls a harmless reading a cover story (COVER_STORY_RE); computed once per text. */
  coverStory(): boolean {
    this.cover ??= COVER_STORY_RE.test(this.text);
    return this.cover;
  }

  private bounds(ends: readonly number[], pos: number): [number, number] {
    let start = 0;
    for (const e of ends) {
      if (e >= pos) return [start, e];
      start = e + 1;
    }
    return [start, this.text.length];
  }

  sentence(pos: number): [number, number] {
    return this.bounds(this.sentenceEnds, pos);
  }

  clause(pos: number): [number, number] {
    return this.bounds(this.clauseEnds, pos);
  }
}

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
]);
/** Research for schoolwork is a lookalike of method research ("how high are the cliffs, for my geography project"). */
const SCHOOLWORK_RE =
  /\bfor (?:a|my|our|the) (?:\w+ ){0,2}(?:project|essay|homework|assignment|coursework|dissertation|presentation|module|class|lesson|podcast|article)\b/;
const METHOD_SIGNALS = new Set(['method', 'method_research', 'cue_place', 'cue_how']);

type Tense = 'acute' | 'recent' | 'past' | 'none';

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
function tenseOf(ctx: TextContext, hit: RuleHit): Tense {
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
      REPORTED_QUESTION_RE.test(before))
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
  if (FAREWELL_SIGNALS.has(rule.signal) && LOOKALIKE_FAREWELL_RE.test(lookalikeWindow) && !coverStory)
    return none('lookalike');

  // An act preceded by a desire or a modal is an urge, not an act ("want to cut").
  if (rule.urge !== undefined && DESIRE_BEFORE_RE.test(text.slice(Math.max(cs, hit.start - 40), hit.start))) {
    mods.push('urge');
    level = cap(level, rule.urge);
  }

  if (rule.kind !== 'recovery') {
    const tense = tenseOf(ctx, hit);
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
