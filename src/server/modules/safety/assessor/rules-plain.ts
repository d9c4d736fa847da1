/**
 * Plain statements an outside reader finds obvious (issue 12, part 1): suicide
 * named as the only way out, "don't want to be alive" in casual spelling, a
 * plan in a euphemism with a time, waiting at a dangerous place, and the weak
 * signs that confirm each other (means in hand, things given away, "gone by
 * friday", "did it" with how it feels). Data: rules.ts compiles it, in the
 * order of RULES (lexicon.ts); analyse.ts composes hits with a time or with
 * means in hand (plan-composition.ts).
 */
import { PILLS, SOON } from './lexicon-fragments.js';
import type { RuleSpec } from './lexicon.js';

/** A day or a moment named as a deadline ("sunday morning", "the 14th", "by friday"). */
export const WHEN = String.raw`(?:${SOON}|tmrw(?: night)?|tonite|2nite|(?:on |this |next |by |till |until |before )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)?(?: (?:morning|night|evening|afternoon))?|(?:on |by )?the (?:\d{1,2}(?:st|nd|rd|th)|weekend)|by (?:the weekend|morning|the morning|the end of the (?:week|month)|next week)|(?:this|next) (?:month|week)|at (?:midnight|dawn|sunrise|sunset|\d{1,2}(?::\d\d)?(?: ?[ap]m)?)|once (?:the kids|everyone|they|he|she)(?:'re|'s| are| is) (?:asleep|in bed|gone|out))`;

/** Ways of saying "suicide" that are not the word (what the plan and "only way out" rules read). */
const ENDING = String.raw`(?:suicide|death|dying|to die|killing myself|kill(?:ing)? my ?self|ending it(?: all)?|to end it(?: all)?|ending (?:my life|things|everything)|end(?:ing)? my (?:own )?life|taking my (?:own )?life|not being (?:here|alive)|unaliving(?: my ?self)?|to unalive(?: my ?self)?|to kms)`;

/** A first-person euphemism for ending one's life ("finish things", "check out", "be done with it all"). */
const EUPHEMISM = String.raw`(?:end (?:it all|it|things|everything|my life)|finish (?:it all|it|things|everything|my(?:self| life))|be done with (?:it all|everything|all of it|life)|check out(?: for good)?|make (?:it|everything|the pain) (?:all )?stop|stop (?:it all|everything)(?: for good)?|leave this world|say my goodbyes|go (?:to sleep )?for good|not (?:be here|wake up))`;

/** Dangerous places (Samaritans: public places used for suicide), said as where the writer is. */
const PLACE = String.raw`(?:bridge|cliffs?|cliff edge|edge|ledge|(?:train |railway |rail )?tracks|railway(?: line)?|level crossing|platform edge|roof|rooftop|top floor|multi-?storey(?: car park)?|car park roof|overpass|flyover|viaduct|pier|quay|harbou?r wall|dam|quarry|river(?:bank)?|sea wall|(?:the )?water'?s edge|balcony|tower block|terrace)`;

/** Waiting or working up to it, said at such a place. */
const WAITING = String.raw`(?:waiting (?:till|until|for (?:it to get dark|dark|the (?:right moment|courage|nerve|next (?:one|train)|last train|tide)|no ?one|nobody|everyone to))|(?:work(?:ing)?|build(?:ing)?|get(?:ting)?|muster(?:ing)?) up (?:the )?(?:courage|nerve|guts)(?! to (?:ask|tell|talk|call|text|speak|say|apply|quit|leave (?:him|her|my job)|jump in|swim|dive|try|order|book|go (?:in|to (?:the|a) (?:doctor|gp|gym|party))|do (?:the|my|a) (?:talk|speech|presentation)))|brave enough|(?:can'?t|cant|couldn'?t) (?:make|get) my ?self (?:to )?(?:jump|step|go|do it|let go|climb)|(?:make|get|force) my ?self (?:to )?(?:jump|step|let go|climb over|do it)|step(?:ping)? off|climb(?:ed|ing)? over (?:the )?(?:railing|barrier|fence|edge)|(?:on|over) the wrong side of the (?:railing|barrier|fence)|not (?:walking|going|coming|driving) (?:home|back)|(?:the )?next (?:one|train) (?:is|comes|due)|(?:one|a) last look|how (?:cold|deep|far down|high up) (?:the water|it) (?:is|looks)|this time (?:i'?m|im) (?:not|doing))`;

export const PLAIN_RULES: readonly RuleSpec[] = [
  // C-SSRS 2 with hopelessness: suicide as the only option, the way out, the answer.
  {
    signal: 'only_way_out',
    stems: ['only', 'last', 'way out'],
    level: 'high',
    categories: ['suicidal_ideation', 'hopelessness'],
    kind: 'state',
    pattern: String.raw`\b(?:${ENDING}\b[^.!?\n]{0,25}\b(?:is|feels|seems|looks|would be|'s|has become|became|remains)(?: like)? (?:the|my) (?:only|last) (?:real )?(?:option|way out|answer|choice|way|solution|escape|exit|thing left|door left|way (?:this|it|the pain) (?:stops|ends))|(?:the|my) only (?:real )?(?:option|way out|answer|choice|solution|escape|exit|way (?:out|to make (?:it|this|the pain) stop))(?: (?:left|i have|i(?: can)? see|there is|i'?ve got)){0,2}(?: left)? (?:is|would be|feels like|seems(?: like)?|'s) (?:to )?(?:${ENDING}|die|end (?:it|my life|it all|things))|no (?:other )?way out (?:but|except|other than|apart from|besides) (?:to )?(?:${ENDING}|die|end (?:it|my life|it all)))\b`,
  },
  // C-SSRS 2 in casual spelling: "i dont wanna be alive anymore" is active ideation, not a passive wish.
  {
    signal: 'not_alive',
    stems: ['alive', 'live', 'living'],
    level: 'high',
    categories: ['suicidal_ideation'],
    kind: 'state',
    selfNegated: true,
    pattern: String.raw`\b(?:don'?t|dont|do not|dnt|dun|didn'?t|no longer)(?: really| even| just| honestly| fr)? (?:want(?: to| 2| ta)?|wanna|wana|wan) (?:to )?(?:exist or |live or )?(?:be|b) alive\b(?! (?:for|when|to see|in a world|if))|\b(?:don'?t|dont|do not|dnt|dun)(?: really| even| just| honestly)? (?:want(?: to| 2| ta)|wanna|wana) (?:live|be living)(?: anymore| any ?more| no more| any longer| like this anymore)\b`,
  },
  // C-SSRS 4–5 in a euphemism: intent with a time ("going to finish things this week").
  {
    signal: 'plan_euphemism',
    stems: ['going', 'gonna', 'gna', 'planning', 'plan', "'ll", 'will', 'decided', 'made my mind', 'i am', "i'm", 'im ', 'when i'],
    level: 'imminent',
    categories: ['suicide_plan', 'suicidal_ideation'],
    kind: 'plan',
    pattern: String.raw`\b(?:(?:(?:i'?m|im|i am) (?:going to|gonna|gna|planning to|planning on|about to|ready to)|i'?ll|i will|(?:i'?ve |i have )?decided to|planning to|plan(?:ning)? on|(?:i'?ve )?made my mind up to|gonna|going to)(?: finally| actually| just| definitely)? ${EUPHEMISM}\b(?! (?:all )?(?:with|between|at|for|off|up|on (?:the|my|a)|in (?:the|my|a)|early|there|here|of)\b)(?: [^.!?\n]{0,30})?\b${WHEN}\b(?![^.!?\n]{0,30}\b(?:at work|for work|at school|at uni|at the office|so (?:i|we) can|before (?:my|the) (?:holiday|leave|break|trip|move)))|\b${WHEN}\b[^.!?\n]{0,30}\b(?:i'?m|im|i am|i'?ll|i will|is when i|it'?s when i|that'?s when i)(?: finally| just| definitely)? (?:ending it(?: all)?|end(?:ing)? (?:things|everything|my life)|finishing (?:it|things|everything)|checking out|done with (?:it all|everything|all of it|life)|done(?:,)? for good|gone for good|going for good)\b(?! (?:with|between|at|for work|off|up)\b))`,
  },
  // At a dangerous place, and waiting or working up to it (C-SSRS 6–7). Rules never cross a sentence
  // end, so these are two weak cues: together they confirm each other (analyse.ts: two different weak
  // signs count, whatever the model says); alone, the model must read distress in the text (a photo
  // on the bridge, courage to ask someone out are lookalikes).
  {
    signal: 'cue_at_place',
    stems: [
      'bridge',
      'cliff',
      'edge',
      'tracks',
      'railway',
      'crossing',
      'platform',
      'roof',
      'top floor',
      'multi',
      'car park',
      'overpass',
      'flyover',
      'viaduct',
      'pier',
      'quay',
      'harbo',
      'dam',
      'quarry',
      'river',
      'sea wall',
      'water',
      'balcony',
      'tower',
      'terrace',
    ],
    level: 'imminent',
    categories: ['suicide_plan'],
    kind: 'plan',
    needsContext: true,
    pattern: String.raw`(?:\b(?:i'?m|im|i am|i'?m sat|sitting|sat|standing|stood|parked(?: up)?|here|still|back|waiting|out) (?:\w+ ){0,2}|(?:^|(?<=[.!?\n] {0,3})))(?:on|at|by|near|under|above|over|on top of|at the top of|at the edge of|on the edge of|top floor of) (?:the |a |this |my |that )?(?:\w+ )?${PLACE}\b|\btop floor of (?:the |a )?(?:\w+ )?${PLACE}\b`,
  },
  {
    signal: 'cue_working_up',
    stems: ['waiting', 'courage', 'nerve', 'guts', 'brave enough', 'myself', 'my self', 'step', 'climb', 'wrong side', 'walking', 'going', 'coming', 'driving', 'next', 'last look', 'cold', 'deep', 'far down', 'high up', 'this time'],
    level: 'imminent',
    categories: ['suicide_plan'],
    kind: 'plan',
    needsContext: true,
    pattern: String.raw`\b${WAITING}\b`,
  },
  // Means in hand or just acquired ("i have the blade", "picked up the pills today"): weak alone
  // (prescriptions, DIY); with ideation in the text analyse.ts reads it as intent with means.
  {
    signal: 'means_in_hand',
    stems: ['have', "'ve got", 'got', 'bought', 'picked up', 'collected', 'holding', 'saved', 'ordered'],
    level: 'high',
    categories: ['suicide_method'],
    kind: 'plan',
    needsContext: true,
    pattern: String.raw`\b(?:i (?:have|'ve got|have got|got|bought|picked up|collected|ordered)|i'?ve (?:got|bought|picked up|collected|ordered)|(?:i'?m|im|i am) holding|(?:i'?ve |i have )?saved (?:up )?)(?: (?:now|finally|today|already))? (?:the|a|some|enough|my|all the|all my|a bottle of|a box of|a pack of|a new) (?:\w+ )?(?:${PILLS}|rope|noose|blades?|razors?|razor blades|knife|gun|charcoal|hose|cord|belt)\b`,
  },
  // A deadline for being gone ("i'll be gone by friday", "by the weekend it'll all be over"): weak alone
  // (a move, the end of exams); two weak signs together count (analyse.ts).
  {
    signal: 'cue_gone_by',
    stems: ['gone', 'over', 'be here', 'be around'],
    level: 'imminent',
    categories: ['suicide_plan'],
    kind: 'plan',
    needsContext: true,
    pattern: String.raw`\b(?:(?:i'?ll|i will|i'?m going to|im gonna|i'?m gonna) be gone (?:by|before|after|on|this|next|tomorrow|tonight)|(?:it|everything|all this|this)(?:'ll| will)(?: all)? be over (?:by|before|after|on|this|tomorrow|tonight|soon)|(?:by|after|on|before) [^.!?\n]{0,20}\b(?:it|everything)(?:'ll| will)(?: all)? be over|(?:won'?t|wont|will not) be (?:here|around) (?:by|after|on|past|this|next))\b`,
  },
  // Things and pets given away or rehomed (Samaritans warning sign): weak alone (a move, a new baby).
  {
    signal: 'cue_given_away',
    stems: ['home for', 'homes for', 'rehom', 'away', 'sold', 'selling'],
    level: 'imminent',
    categories: ['preparation'],
    kind: 'plan',
    needsContext: true,
    pattern: String.raw`\b(?:found (?:a )?(?:new )?homes? for (?:my|the|both|all) |rehom(?:ed|ing|e) (?:my|the|both|all)|(?:given|gave|giving) away (?:most of |all of |almost all |nearly all |all )?(?:my|the) |(?:sold|selling) (?:my|all my|most of my) )`,
  },
  // "did it" with how it feels now ("did it. feel weird. sorry"): an attempt told in fragments. Weak alone.
  {
    signal: 'cue_done_feeling',
    stems: ['feel', 'numb', 'sleepy', 'drowsy', 'cold', 'eyes open'],
    level: 'imminent',
    categories: ['attempt'],
    kind: 'act',
    needsContext: true,
    pattern: String.raw`\b(?:feel(?:ing|s)? (?:so |really |kinda |very )?(?:weird|dizzy|sleepy|drowsy|floaty|strange|funny|sick|cold|numb|heavy)(?: now| already)?(?=[ \t]*(?:[.!?\n,]|$| and| sorry))|(?:going|getting) (?:numb|sleepy|drowsy|cold)|can'?t keep my eyes open)`,
  },
];
