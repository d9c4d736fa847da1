import { automodConfigSchemas } from '../../../shared/api/moderation-automod.js';
import type { AutomodAction } from '../../../shared/api/moderation.js';
import { isAtLeast, type RiskLevel } from '../../../shared/risk.js';
import type { Deps } from '../../deps.js';
import { accountPolicy } from '../accounts/policies.js';
import type { AuthContext } from '../accounts/session-service.js';
import { countLinks, matchesSelfHarmEncouragement, matchesSlurs, sameWordsKey } from './automod-match.js';
import type { AutomodRuleRow } from './automod-rules.js';
import { parseModerationSettings } from './automod-settings.js';

/** A rule as automod-record.ts records a match of it. */
export type AutomodRuleRef = Pick<AutomodRuleRow, 'id' | 'kind' | 'action' | 'name'>;

/** An enabled rule that applies to the write, with what the writer-context query found for it. */
export interface AutomodRuleFacts extends AutomodRuleRef {
  config: unknown;
  /** rate_limit: the writer's posts and replies (not automatic ones) within the rule's window; null when not counted. */
  recentWrites: number | null;
  /** duplicate: the same words by the writer within the rule's window; null when not looked up. */
  sameWords: boolean | null;
}

/** Everything automod decides a write from, read before the write in the writer-context query. */
export interface AutomodFacts {
  rules: AutomodRuleFacts[];
  /** site_settings `moderation` as stored (parsed with its defaults here). */
  moderationSettings: unknown;
  /** now() − the account's created_at, in seconds, on the database's clock. */
  accountAgeSeconds: number | null;
  /** For the new-member hold only (null otherwise): whether the writer moderates the group, and their posts in it. */
  moderatesGroup: boolean | null;
  postsInGroup: number | null;
}

/** What the writer-context query looks up for automod (automodNeeds). */
export interface AutomodNeeds {
  rules: boolean;
  countWrites: boolean;
  /** The same-words key of the body, when the duplicate rule could apply (long enough, a create, not in crisis). */
  duplicateKey: string | null;
  approval: boolean;
}

/**
 * What automod decides about one write (issue 13 items 5 and 6), before the
 * write's transaction: the rules that matched, whether it is held (and by
 * whom), and a content warning naming a rule. The posts service uses it for
 * the insert or update; automod-record.ts writes the hits, queue items,
 * actions and notices in the same transaction.
 *
 * A person in crisis is never held or refused for their own words: content
 * the assessor rates high or imminent skips the posting limit, the rate, link
 * and duplicate rules and the new-member hold (the assessor may still hold
 * it, as always). Slurs and encouragement of self-harm still match, but only
 * flag: the queue sees it, the words stay with the writer's peers, and the
 * safety flow is unchanged.
 */
export interface AutomodDecision {
  matches: AutomodRuleRef[];
  hold: 'automod' | 'approval' | null;
  contentWarning: string | null;
  write: 'create' | 'edit';
}

export interface AutomodWrite {
  contentType: 'post' | 'reply';
  write: 'create' | 'edit';
  groupId: string;
  /** Everything the member wrote (a post's title and body). */
  text: string;
  /** The body alone: what "the same words" compares. */
  body: string;
  assessment: { level: RiskLevel };
  /** The group's "hold a new member's first N posts" (posts only, when created). */
  holdNewMemberPosts?: number;
}

const STRENGTH: Record<AutomodAction, number> = { hold: 3, content_warning: 2, flag: 1 };
const NOTHING: Omit<AutomodDecision, 'write'> = { matches: [], hold: null, contentWarning: null };

/**
 * Short words are said twice by people, not spammers ("Thank you ❤", "Same here"):
 * only a text at least this long counts as a duplicate.
 */
export const DUPLICATE_MIN_CHARACTERS = 40;

/** Whether automod looks at this writer at all: staff speak for the community; the Hearth Safety account writes the automatic replies. */
const exempt = (auth: AuthContext) => accountPolicy.isStaff(auth.user.role) || auth.user.isSystem;

/**
 * What the writer-context query (posts/writer-context.ts) must look up for automod to decide this write: only
 * the facts a rule could use (words in crisis skip the rate, duplicate and approval rules, an edit the first two).
 */
export function automodNeeds(auth: AuthContext, write: AutomodWrite): AutomodNeeds {
  const inCrisis = isAtLeast(write.assessment.level, 'high');
  if (exempt(auth)) return { rules: false, countWrites: false, duplicateKey: null, approval: false };
  const creating = write.write === 'create' && !inCrisis;
  const key = sameWordsKey(write.body);
  return {
    rules: true,
    countWrites: creating,
    duplicateKey: creating && key.length >= DUPLICATE_MIN_CHARACTERS ? key : null,
    approval: creating && write.contentType === 'post' && (write.holdNewMemberPosts ?? 0) > 0,
  };
}

/**
 * Decides with the facts the writer-context query returned (`facts`: the enabled rules with what each needs,
 * read in that one query so that a rule changed on any node applies to the next write).
 */
export async function decideAutomod(deps: Partial<Pick<Deps, 'authLimiters'>>, auth: AuthContext, write: AutomodWrite, facts: AutomodFacts): Promise<AutomodDecision> {
  const inCrisis = isAtLeast(write.assessment.level, 'high');
  const userId = auth.user.id;
  // The posting limit: never for words written in crisis (nothing written in crisis is refused).
  if (write.write === 'create' && !inCrisis) await deps.authLimiters?.memberPost(userId);
  if (exempt(auth)) return { ...NOTHING, write: write.write };
  const matches: AutomodRuleRef[] = [];
  for (const rule of facts.rules) {
    // In crisis a hold becomes a flag: no rule hides these words from peers.
    if (ruleMatches(rule, write, facts, inCrisis)) matches.push(inCrisis && rule.action === 'hold' ? { ...rule, action: 'flag' } : rule);
  }
  matches.sort((a, b) => STRENGTH[b.action] - STRENGTH[a.action]);
  const strongest = matches[0]?.action;
  let hold: AutomodDecision['hold'] = strongest === 'hold' ? 'automod' : null;
  if (!hold && !inCrisis && waitsForApproval(write, facts)) hold = 'approval';
  const warningRule = matches.find((rule) => rule.action === 'content_warning');
  return { matches: matches.map(({ id, kind, action, name }) => ({ id, kind, action, name })), hold, contentWarning: warningRule ? warningRule.name : null, write: write.write };
}

function ruleMatches(rule: AutomodRuleFacts, write: AutomodWrite, facts: AutomodFacts, inCrisis: boolean): boolean {
  switch (rule.kind) {
    case 'slurs': {
      const config = automodConfigSchemas.slurs.safeParse(rule.config);
      return config.success && matchesSlurs(write.text, config.data);
    }
    case 'self_harm_encouragement':
      return matchesSelfHarmEncouragement(write.text);
    case 'link_limit': {
      const config = automodConfigSchemas.link_limit.safeParse(rule.config);
      if (inCrisis || !config.success || countLinks(write.text) <= config.data.maxLinks) return false;
      return isNewAccount(facts);
    }
    case 'rate_limit': {
      const config = automodConfigSchemas.rate_limit.safeParse(rule.config);
      if (inCrisis || write.write !== 'create' || !config.success || rule.recentWrites === null) return false;
      // This write counts too: more than maxPosts within the window.
      return rule.recentWrites + 1 > config.data.maxPosts;
    }
    case 'duplicate': {
      const config = automodConfigSchemas.duplicate.safeParse(rule.config);
      if (inCrisis || write.write !== 'create' || !config.success) return false;
      return rule.sameWords === true;
    }
  }
}

/** Younger than the site's new-account age (site_settings `moderation`), by the database's clock. */
function isNewAccount(facts: AutomodFacts): boolean {
  const { newAccountDays } = parseModerationSettings(facts.moderationSettings);
  if (newAccountDays === 0 || facts.accountAgeSeconds === null) return false;
  return facts.accountAgeSeconds < newAccountDays * 86_400;
}

/** A new post by a member with fewer than N posts in this group (its moderators excepted). */
function waitsForApproval(write: AutomodWrite, facts: AutomodFacts): boolean {
  const limit = write.holdNewMemberPosts ?? 0;
  if (limit <= 0 || write.contentType !== 'post' || write.write !== 'create') return false;
  if (facts.moderatesGroup === true) return false;
  return (facts.postsInGroup ?? 0) < limit;
}

/**
 * The status and warning a write takes with automod's decision. `base` is what
 * the write would be without automod: the assessor's hold stays the assessor's
 * (its safety flow is unchanged), any other hold stays as it is, and a warning
 * the writer chose is kept.
 */
export function withAutomod<T extends { status?: 'held' | 'visible'; heldBy?: string | null }>(
  decision: AutomodDecision,
  base: T,
  current: { status: string; heldBy: string | null; contentWarning: string | null } = { status: 'visible', heldBy: null, contentWarning: null },
): T & { contentWarning?: string } {
  const status = base.status ?? current.status;
  const next: T & { contentWarning?: string } = { ...base };
  if (decision.hold && status !== 'held') Object.assign(next, { status: 'held', heldBy: decision.hold });
  if (decision.contentWarning && !current.contentWarning) next.contentWarning = decision.contentWarning;
  return next;
}
