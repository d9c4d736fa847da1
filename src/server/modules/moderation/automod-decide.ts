import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import { automodConfigSchemas } from '../../../shared/api/moderation-automod.js';
import type { AutomodAction } from '../../../shared/api/moderation.js';
import { isAtLeast, type RiskLevel } from '../../../shared/risk.js';
import type { Deps } from '../../deps.js';
import type { Database } from '../../db/index.js';
import { posts, replies, users } from '../../db/schema/index.js';
import { accountPolicy } from '../accounts/policies.js';
import type { AuthContext } from '../accounts/session-service.js';
import { countLinks, matchesSelfHarmEncouragement, matchesSlurs, sameWordsKey } from './automod-match.js';
import { rulesFor, type AutomodRuleRow } from './automod-rules.js';
import { readModerationSettings } from './automod-settings.js';
import { moderatedGroupIds } from './moderator-scope.js';

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
  matches: AutomodRuleRow[];
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

export async function decideAutomod(deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'authLimiters'>>, auth: AuthContext, write: AutomodWrite): Promise<AutomodDecision> {
  const inCrisis = isAtLeast(write.assessment.level, 'high');
  const userId = auth.user.id;
  // The posting limit: never for words written in crisis (nothing written in crisis is refused).
  if (write.write === 'create' && !inCrisis) await deps.authLimiters?.memberPost(userId);
  // Staff speak for the community; the Hearth Safety account writes the automatic replies.
  if (accountPolicy.isStaff(auth.user.role) || auth.user.isSystem) return { ...NOTHING, write: write.write };
  const matches: AutomodRuleRow[] = [];
  for (const rule of await rulesFor(deps.db, write.groupId)) {
    // In crisis a hold becomes a flag: no rule hides these words from peers.
    if (await ruleMatches(deps.db, rule, write, userId, inCrisis)) matches.push(inCrisis && rule.action === 'hold' ? { ...rule, action: 'flag' } : rule);
  }
  matches.sort((a, b) => STRENGTH[b.action] - STRENGTH[a.action]);
  const strongest = matches[0]?.action;
  let hold: AutomodDecision['hold'] = strongest === 'hold' ? 'automod' : null;
  if (!hold && !inCrisis && (await waitsForApproval(deps.db, write, userId))) hold = 'approval';
  const warningRule = matches.find((rule) => rule.action === 'content_warning');
  return { matches, hold, contentWarning: warningRule ? warningRule.name : null, write: write.write };
}

async function ruleMatches(db: Database, rule: AutomodRuleRow, write: AutomodWrite, userId: string, inCrisis: boolean): Promise<boolean> {
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
      return isNewAccount(db, userId);
    }
    case 'rate_limit': {
      const config = automodConfigSchemas.rate_limit.safeParse(rule.config);
      if (inCrisis || write.write !== 'create' || !config.success) return false;
      // This write counts too: more than maxPosts within the window.
      return (await writtenWithin(db, userId, config.data.minutes)) + 1 > config.data.maxPosts;
    }
    case 'duplicate': {
      const config = automodConfigSchemas.duplicate.safeParse(rule.config);
      if (inCrisis || write.write !== 'create' || !config.success) return false;
      return sameWordsWithin(db, userId, sameWordsKey(write.body), config.data.minutes);
    }
  }
}

/**
 * Posts and replies carry the database's time (created_at default now()), so
 * the windows below are measured against the database's clock as well.
 */
const since = (minutes: number) => sql`now() - make_interval(mins => ${minutes})`;

async function writtenWithin(db: Database, userId: string, minutes: number): Promise<number> {
  const [postCount] = await db.select({ n: count() }).from(posts).where(and(eq(posts.authorId, userId), gt(posts.createdAt, since(minutes))));
  const [replyCount] = await db
    .select({ n: count() })
    .from(replies)
    .where(and(eq(replies.authorId, userId), eq(replies.automatic, false), gt(replies.createdAt, since(minutes))));
  return (postCount?.n ?? 0) + (replyCount?.n ?? 0);
}

const wordsKeySql = (column: typeof posts.body | typeof replies.body) => sql`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

/**
 * Short words are said twice by people, not spammers ("Thank you ❤", "Same here"):
 * only a text at least this long counts as a duplicate.
 */
export const DUPLICATE_MIN_CHARACTERS = 40;

async function sameWordsWithin(db: Database, userId: string, key: string, minutes: number): Promise<boolean> {
  if (key.length < DUPLICATE_MIN_CHARACTERS) return false;
  const post = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.authorId, userId), gt(posts.createdAt, since(minutes)), sql`${wordsKeySql(posts.body)} = ${key}`))
    .limit(1);
  if (post.length > 0) return true;
  const reply = await db
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.authorId, userId), gt(replies.createdAt, since(minutes)), sql`${wordsKeySql(replies.body)} = ${key}`))
    .limit(1);
  return reply.length > 0;
}

/** Younger than the site's new-account age (site_settings `moderation`). */
async function isNewAccount(db: Database, userId: string): Promise<boolean> {
  const { newAccountDays } = await readModerationSettings(db);
  if (newAccountDays === 0) return false;
  const [row] = await db
    .select({ isNew: sql<boolean>`${users.createdAt} > now() - make_interval(days => ${newAccountDays})` })
    .from(users)
    .where(eq(users.id, userId));
  return row?.isNew === true;
}

/** A new post by a member with fewer than N posts in this group (its moderators excepted). */
async function waitsForApproval(db: Database, write: AutomodWrite, userId: string): Promise<boolean> {
  const limit = write.holdNewMemberPosts ?? 0;
  if (limit <= 0 || write.contentType !== 'post' || write.write !== 'create') return false;
  if ((await moderatedGroupIds(db, userId)).includes(write.groupId)) return false;
  const [row] = await db
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.authorId, userId), eq(posts.groupId, write.groupId), ne(posts.status, 'removed_by_author')));
  return (row?.n ?? 0) < limit;
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
