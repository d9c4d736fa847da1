/**
 * The assessor's vocabulary: evasive spellings, emoji, and the regular
 * expressions (on NORMALISED text, see normalise.ts) behind each rule.
 *
 * Levels follow the Columbia Suicide Severity Rating Scale (C-SSRS): wish to be
 * dead (1) → active ideation (2) → method (3) → intent (4) → plan (5) →
 * preparatory behaviour (6) → attempt (7); plus self-harm, harm from others,
 * harm to others and concern for someone else (corpus/risk/GUIDE.md).
 * This file is data: rules.ts compiles it once, context.ts applies modifiers.
 */
import type { RiskCategory, RiskLevel } from '../../../../shared/risk.js';
import { OTHER_RULES } from './rules-other.js';
import { PLAIN_RULES } from './rules-plain.js';
import { SUICIDE_RULES } from './rules-suicide.js';
import { WARNING_SIGN_RULES } from './rules-warning-signs.js';


/** Emoji that stand for a method or for death, read as words. */
export const EMOJI_TOKENS: ReadonlyMap<number, string> = new Map([
  [0x1faa6, 'grave'], // 🪦
  [0x26b0, 'coffin'], // ⚰
  [0x1f48a, 'pills'], // 💊
  [0x1f52a, 'knife'], // 🔪
  [0x1fa78, 'blood'], // 🩸
  [0x1f309, 'bridge'], // 🌉
  [0x1f52b, 'gun'], // 🔫
  [0x1faa2, 'rope'], // 🪢
  [0x1fa92, 'razor'], // 🪒
  [0x2620, 'skull'], // ☠
  [0x1f480, 'skull'], // 💀 (mostly "I'm dead" = laughing; a humour marker, see context.ts)
  [0x1f602, 'lol'], // 😂
  [0x1f923, 'lol'], // 🤣
  [0x1f62d, 'sob'], // 😭
  [0x1f494, 'heartbreak'], // 💔
  [0x1f44b, 'wave'], // 👋 (a goodbye)
  [0x2702, 'scissors'], // ✂
  [0x1fa79, 'bandage'], // 🩹
  [0x1f684, 'train'], // 🚄
  [0x1f686, 'train'], // 🚆
  [0x1f682, 'train'], // 🚂
]);

/** Words people censor with '*' ("s*icide", "k*ll"); matched letter by letter. */
export const CENSORED_WORDS: ReadonlyMap<number, readonly string[]> = (() => {
  const words = [
    'suicide',
    'suicidal',
    'jump',
    'hang',
    'kill',
    'killing',
    'die',
    'dead',
    'death',
    'cut',
    'cutting',
    'myself',
    'selfharm',
  ];
  const byLength = new Map<number, string[]>();
  for (const w of words) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
  return byLength;
})();

/** How the verb's time reference moves an act's level (see context.ts). */
export type RuleKind =
  | 'state' // a feeling or thought now ("I want to die"): past markers cap at low
  | 'act' // something done ("I cut", "I took them all"): undated acts keep `undated`
  | 'recovery' // already resolved ("two years clean"): no negation, no past capping
  | 'plan'; // intent with a time or means: needs a suicide context when `needsContext`

export interface RuleSpec {
  readonly signal: string;
  readonly level: RiskLevel;
  readonly categories: readonly RiskCategory[];
  readonly pattern: string;
  /**
   * Literal substrings of which every match contains at least one: a cheap
   * String#includes check skips the regular expression on most texts
   * (rules.test.ts proves the stems against the whole corpus).
   */
  readonly stems: readonly string[];
  readonly kind: RuleKind;
  /** Level of an act with no time marker ("I tried to kill myself" with no date). */
  readonly undated?: RiskLevel;
  /** Level of an act dated recently but not just now ("last week"); defaults to `undated`. */
  readonly recent?: RiskLevel;
  /** Level when a desire or modal precedes an act ("want to cut" vs "cut"). */
  readonly urge?: RiskLevel;
  /** Only counts when another suicide / self-harm signal of the writer is present. */
  readonly needsContext?: boolean;
  /** Hyperbole-prone words ("kms", "kill me"): humour markers cap them. */
  readonly figurativeProne?: boolean;
  /** Pattern already contains its own negator ("don't want to live"): skip negation. */
  readonly selfNegated?: boolean;
}


/** Every rule, in the order they are tried. */
export const RULES: readonly RuleSpec[] = [...SUICIDE_RULES, ...PLAIN_RULES, ...WARNING_SIGN_RULES, ...OTHER_RULES];

/** Fixed expressions that are never risk ("this exam is killing me"): matches inside them are dropped. */
export const FIGURATIVE_IDIOMS = String.raw`\b(?:(?:is|are|was|were|'s|it'?s|feet|back|legs|head|heat|suspense|this|that) (?:\w+ )?(?:literally |actually |honestly |lowkey )?killing me|kill(?:ed|ing)? it|dying (?:to|for)|dying (?:of|from) (?:laughter|laughing|embarrassment|boredom|the heat|cringe|cuteness|hunger|thirst)|dead (?:tired|on my feet|ringer|end|serious|set|easy|good|funny|last|inside lol)|deadline|to die for|over my dead body|kill (?:two birds|time|the (?:lights|engine|mood|vibe|music)|for (?:a|some|an))|drop dead gorgeous|(?:bored|scared|embarrassed|laughed|laughing|worried|freezing|starving) to death|(?:shoot|kill|end) me now|(?:could|would|gonna|going to|will|'ll) (?:literally )?kill (?:him|her|them|my \w+|you)(?: \w+)? (?:for|if|when)\b|(?:mum|mom|dad|he|she|they|boss|teacher|coach|parents|wife|husband)(?:'s| is| will| 's going to| is going to| is gonna|'ll) (?:literally )?(?:going to |gonna )?kill me (?:when|if|for)|cut (?:my |the )?(?:hair|fringe|bangs|nails|losses|ties|back|down|carbs|class|corners|cord|grass|lawn|cake|onions?)|cutting (?:back|down|edge|class|corners|board|carbs|my hair)|jump(?:ing|ed)? (?:on a call|in the shower|into bed|at the chance|to conclusions|the gun|ship|through hoops|on the bandwagon|on the trampoline|into the pool|in the lake|in the sea)|hang(?:ing)? (?:out|up|on|in there|with)|take a (?:bath|nap|shower|walk|break)|overdos(?:e|ed|ing) on (?:caffeine|coffee|sugar|netflix|chocolate|memes|tv)|bridge (?:club|course|the gap|loan|of my nose)|goodbye (?:party|drinks|card|to (?:my )?(?:old|the old))|suicide squad|(?:sewer ?slide|suicide|unalive) (?:forest|documentar\w*|jokes?|memes?|squad)|(?:this|that) (?:\w+ )?(?:is|was) suicide|(?:career|social|political) suicide|killer (?:app|workout|heels)|(?:pills|meds|tablets|vitamins) (?:\w+ ){0,3}(?:for the week|in(?:to)? the weekly box|for the month)|pill (?:box|organi[sz]er)|dosette|take a long bath|rope swing|jump(?:ing)? up and down)`;
