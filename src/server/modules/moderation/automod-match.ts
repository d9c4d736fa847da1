import { DataSet, englishDataset, englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from 'obscenity';

/**
 * The pure matchers of automod (issue 13 item 5): no database, no clock.
 *
 * Slurs come from a maintained library (obscenity: its English dataset and
 * recommended transformers handle leetspeak, spacing, confusable letters and
 * repeated letters). Only the identity slurs of that dataset are used: people
 * here swear while venting and name what was done to them ("he raped me"),
 * and none of that may be held. Moderators add terms of their own per rule.
 */
/** Ordinary words that contain one ("flame retardant"). */
const ALWAYS_ALLOWED = ['retardant', 'retardants', 'retarding', 'retardation'];
const SLURS = new Set(['abo', 'abeed', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'dyke', 'fag', 'kike', 'nigger', 'retard', 'spastic', 'tranny']);

/** Lower-case letters, digits and single spaces: what a raw obscenity pattern can hold safely. */
function patternSafe(term: string): string {
  return term
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const matchers = new Map<string, RegExpMatcher>();

function slurMatcher(extraTerms: readonly string[], allowedTerms: readonly string[]): RegExpMatcher {
  const key = JSON.stringify([extraTerms, allowedTerms]);
  const cached = matchers.get(key);
  if (cached) return cached;
  const allowed = new Set(allowedTerms.map(patternSafe));
  const dataset = new DataSet<{ originalWord: string }>().addAll(englishDataset);
  dataset.removePhrasesIf((phrase) => !SLURS.has(phrase.metadata?.originalWord ?? '') || allowed.has(phrase.metadata?.originalWord ?? ''));
  for (const raw of extraTerms) {
    const term = patternSafe(raw);
    if (term.length < 2 || allowed.has(term)) continue;
    dataset.addPhrase((phrase) => phrase.setMetadata({ originalWord: term }).addPattern(parseRawPattern(term)));
  }
  const built = dataset.build();
  const matcher = new RegExpMatcher({
    ...built,
    whitelistedTerms: [...(built.whitelistedTerms ?? []), ...ALWAYS_ALLOWED, ...[...allowed].filter((term) => term.length > 0)],
    ...englishRecommendedTransformers,
  });
  // A handful of rule configurations exist at a time; forget them all if that ever grows.
  if (matchers.size > 200) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

/** Letters spelled out one at a time ("r e t a r d", "k.y.s") joined into one word: obscenity leaves spacing to us. */
function joinSpelledOut(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])[\p{L}\p{N}@$](?:[\s.\-_*]+[\p{L}\p{N}@$](?![\p{L}\p{N}])){2,}/gu, (run) => run.replace(/[\s.\-_*]+/g, ''));
}

export function matchesSlurs(text: string, config: { extraTerms: readonly string[]; allowedTerms: readonly string[] }): boolean {
  const matcher = slurMatcher(config.extraTerms, config.allowedTerms);
  if (matcher.hasMatch(text)) return true;
  const joined = joinSpelledOut(text);
  return joined !== text && matcher.hasMatch(joined);
}

/**
 * Encouraging someone else to harm themselves: harassment of the target, not
 * risk to the writer. Every pattern speaks to "you"; the writer's own words
 * about themself ("I want to kill myself") belong to the risk assessor.
 */
function normalise(text: string): string {
  const lowered = joinSpelledOut(text)
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[0@4]/g, (c) => (c === '0' ? 'o' : 'a'))
    .replace(/1/g, 'i')
    .replace(/3/g, 'e')
    .replace(/[5$]/g, 's')
    .replace(/7/g, 't')
    // Three or more of one letter ("kiiiill") count as one.
    .replace(/([a-z])\1{2,}/g, '$1');
  return lowered
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YOU_SELF = '(?:yourself|your self|urself|ur self|yoself|yo self|yourselves)';
const ENCOURAGEMENT: RegExp[] = [
  /\bkys+\b/,
  new RegExp(`\\b(?:kill|end|hang|neck|off|unalive) ${YOU_SELF}\\b`),
  /\b(?:slit|open) (?:your|ur) (?:wrists?|throat)\b/,
  /\bend (?:your|ur) (?:own )?life\b/,
  /\b(?:go|pls|please) (?:and )?(?:die|drop dead)\b/,
  /\b(?:nobody|no one|noone|no body)(?: here)? (?:would|will|is going to|gonna|'d)(?: ever)? (?:miss|care about|notice) (?:you|u)\b/,
  /\b(?:the world|everyone|everybody|we|this group|this place)(?:'s| is| would be| will be|'d be| are| were)? (?:a )?(?:better|happier) (?:place |off )?without (?:you|u)\b/,
  /\bdo (?:us|everyone|everybody|the world) (?:all )?a favou?r and (?:just )?(?:die|kill|end|off|hang|jump|drop dead|unalive|disappear forever|stop breathing)/,
  /\b(?:you|u) (?:should|ought to|need to|deserve to) (?:just )?(?:die|kill (?:yourself|urself)|end it|hang)/,
];

/** Negation just before a match turns it around: "don't kill yourself", "please don't ever end yourself". */
const NEGATED = /\b(?:don't|dont|do not|never|shouldn't|shouldnt|won't|wont|no need to|nobody should|no one should|stop) (?:\w+ ){0,2}$/;
/**
 * Reported to us, not said by the writer: "she told me to kys", "someone wrote kill
 * yourself on my locker", "I got a message saying kys", "I was told to kill myself".
 * A victim telling the group what was done to them must never be held for it. Only
 * someone else speaks here: "I said" and "you wrote" are not reported speech.
 */
const REPORTED_BY_SOMEONE =
  /\b(?:anyone|anybody|people|someone|somebody|whoever|those|they|he|she|others|kids|(?:a|the|some|my|his|her|their|this|that) \w+)(?: who)?(?: (?:always|just|then|even|also|once))? (?:(?:keeps?|kept) )?(?:says?|said|saying|wrote|writes|writing|texted|posted|commented|messaged|yelled|shouted|scrawled|tells? you|told you)(?: that| to me| me)? $/;
const REPORTED = /\b(?:told|tell|tells|telling|said to|says to|wrote to|asked|want|wanted|wants|called|messaged|texted|dm'd|dmd) (?:me|us|him|her|them|my \w+)(?: \w+){0,3} $/;
/** Words someone else sent or left: "a note saying kys", "comments that said kill yourself". */
const REPORTED_MESSAGE = /\b(?:notes?|messages?|texts?|comments?|dms?|letters?|signs?|graffiti|emails?|posts?|replies|reply)(?: \w+){0,3} (?:saying|that said|that says|which said|that read|reading|telling me)(?: that| to)? $/;
/** Passive: "I was told to kill myself", "I keep getting told kys". */
const REPORTED_PASSIVE = /\b(?:was|were|been|being|get|gets|got|getting) (?:told|called)(?: to)? $/;
/** "go die" in the writer's own mouth ("I just want to go die in bed") is about themself. */
const FIRST_PERSON = /\b(?:i|i'm|im|i'll|i'd|me|let me|myself)(?: \w+){0,3} $/;
/** Idioms that only look like it: "kill yourself laughing", "kill yourself trying". */
const IDIOM_AFTER = /^ (?:laughing|with laughter|working|trying|over (?:it|this|that)|for (?:it|this|that|a))\b/;

export function matchesSelfHarmEncouragement(text: string): boolean {
  const normalised = normalise(text);
  for (const [index, pattern] of ENCOURAGEMENT.entries()) {
    for (const match of normalised.matchAll(new RegExp(pattern.source, 'g'))) {
      // A quotation mark before the words ("he said 'kys'") belongs to the speech that reports them.
      const before = normalised.slice(Math.max(0, match.index - 60), match.index).replace(/ ?'+ ?$/, ' ');
      const after = normalised.slice(match.index + match[0].length);
      const negated = NEGATED.test(before) && !/\bwhy (?:don't|dont|do not) (?:you|u) (?:just )?$/.test(before);
      const reported = [REPORTED_BY_SOMEONE, REPORTED, REPORTED_MESSAGE, REPORTED_PASSIVE].some((pattern) => pattern.test(before));
      if (negated || reported || IDIOM_AFTER.test(after)) continue;
      // Only the "go die" pattern can be about the writer themself.
      if (index === 4 && FIRST_PERSON.test(before)) continue;
      return true;
    }
  }
  return false;
}

/** Links in a post's Markdown: addresses with a scheme or starting www., and bare domains of common endings. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>()]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|ru|xyz|info|biz|top|shop|link|click|ly)(?:\/[^\s<>()]*)?\b/gi;

export function countLinks(text: string): number {
  return (text.match(LINK) ?? []).length;
}

/** The same words, whatever the spacing and case: for the duplicate rule. */
export function sameWordsKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
