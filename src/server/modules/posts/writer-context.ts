import { sql } from 'drizzle-orm';
import type { SanctionKind } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import type { AutomodFacts, AutomodNeeds, AutomodRuleFacts } from '../moderation/automod-decide.js';
import { MODERATION_SETTINGS_KEY } from '../moderation/automod-settings.js';
import { worstFirst, type ActiveSanction } from '../moderation/sanctions.js';

/**
 * What a post, reply or edit is decided from, read in ONE query after the
 * assessor and before the write's transaction: the writer's anonymity default,
 * the sanctions in force on them now, and what automod's rules need (the
 * enabled rules of the site and the group, and per rule the writer's recent
 * writes or the same words again; the account's age; the new-member hold's
 * count). Nothing here is cached: a sanction, a rule or a setting changed on
 * any node applies to the very next write. Until issue 14 these were up to
 * nine queries, one after another, on every write.
 */
export interface WriterContext {
  anonymousByDefault: boolean;
  /** In force now (not lifted, not ended by `now`), worst first. */
  sanctions: ActiveSanction[];
  automod: AutomodFacts;
}

interface ContextRow {
  anonymous_by_default: boolean;
  sanctions: { id: string; kind: SanctionKind; groupId: string | null; reason: string; untilMs: number | null }[] | null;
  rules: (Omit<AutomodRuleFacts, 'recentWrites'> & { recentWrites: number | string | null })[];
  moderation_settings: unknown;
  account_age_seconds: number | string | null;
  moderates_group: boolean | null;
  posts_in_group: number | string | null;
}

/**
 * A rule's window in minutes, from its stored config; null when the config is not a plain whole number (automod
 * then treats the rule as invalid, as automodConfigSchemas does, and the counts it would need are never used).
 */
const windowOf = sql.raw(`make_interval(mins => case when (r.config->>'minutes') ~ '^[0-9]{1,6}$' then (r.config->>'minutes')::int end)`);

/** The same-words key in SQL (automod-match.ts sameWordsKey is the same rule in JavaScript). */
const wordsKey = (column: string) => sql.raw(`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`);

const param = {
  userId: sql.placeholder('userId'),
  groupId: sql.placeholder('groupId'),
  now: sql.placeholder('now'),
  rules: sql.placeholder('rules'),
  countWrites: sql.placeholder('countWrites'),
  duplicateKey: sql.placeholder('duplicateKey'),
  approval: sql.placeholder('approval'),
};

/**
 * A named prepared statement (db/prepared.ts): planned once per connection, where planning its subqueries
 * cost more than running them. Posts and replies carry the database's time (created_at default now()): their
 * windows use its clock too. Sanctions end by the app's clock (deps.clock), as everywhere else they are read.
 */
function buildWriterContext(db: Database, name: string) {
  const { userId, groupId } = param;
  return db
    .select({
      anonymous_by_default: sql<boolean>`coalesce((select ms.anonymous_by_default from member_settings ms where ms.user_id = ${userId}), false)`,
      sanctions: sql<ContextRow['sanctions']>`(
        select json_agg(json_build_object('id', s.id, 'kind', s.kind, 'groupId', s.group_id, 'reason', s.reason,
                                          'untilMs', (extract(epoch from s.until) * 1000)::float8))
          from sanctions s
         where s.user_id = ${userId} and s.lifted_at is null and (s.until is null or s.until > ${param.now}::timestamptz))`,
      rules: sql<ContextRow['rules']>`(
        select coalesce(json_agg(json_build_object(
                 'id', r.id, 'kind', r.kind, 'action', r.action, 'name', r.name, 'config', r.config,
                 'recentWrites', case when r.kind = 'rate_limit' and ${param.countWrites}::boolean then
                     (select count(*) from posts p where p.author_id = ${userId} and p.created_at > now() - ${windowOf})
                   + (select count(*) from replies x where x.author_id = ${userId} and not x.automatic and x.created_at > now() - ${windowOf})
                   end,
                 'sameWords', case when r.kind = 'duplicate' and ${param.duplicateKey}::text is not null then
                     exists (select 1 from posts p where p.author_id = ${userId} and p.created_at > now() - ${windowOf}
                               and ${wordsKey('p.body')} = ${param.duplicateKey}::text)
                     or exists (select 1 from replies x where x.author_id = ${userId} and x.created_at > now() - ${windowOf}
                               and ${wordsKey('x.body')} = ${param.duplicateKey}::text)
                   end)), '[]'::json)
          from automod_rules r
         where ${param.rules}::boolean and r.enabled and (r.group_id is null or r.group_id = ${groupId}::uuid))`,
      moderation_settings: sql<unknown>`(select st.value from site_settings st where st.key = ${MODERATION_SETTINGS_KEY})`,
      account_age_seconds: sql<number | null>`(select extract(epoch from now() - u.created_at)::float8 from users u where u.id = ${userId}::uuid)`,
      moderates_group: sql<boolean | null>`case when ${param.approval}::boolean then exists (
        select 1 from group_members gm
         where gm.user_id = ${userId} and gm.group_id = ${groupId} and gm.role = 'moderator' and gm.status = 'active') end`,
      posts_in_group: sql<number | string | null>`case when ${param.approval}::boolean then (
        select count(*) from posts p where p.author_id = ${userId} and p.group_id = ${groupId} and p.status <> 'removed_by_author') end`,
    })
    .from(sql`(select 1) as writer`)
    .prepare(name);
}

export async function loadWriterContext(
  db: Database,
  write: { userId: string; groupId: string; now: Date; automod: AutomodNeeds },
): Promise<WriterContext> {
  const { automod } = write;
  const [row] = await prepared(db, 'writer_context', buildWriterContext).execute({
    userId: write.userId,
    groupId: write.groupId,
    now: write.now,
    rules: automod.rules,
    countWrites: automod.countWrites,
    duplicateKey: automod.duplicateKey,
    approval: automod.approval,
  });
  if (!row) throw new Error('the writer-context query returned no row');
  const sanctions = (row.sanctions ?? []).map(({ untilMs, ...sanction }) => ({ ...sanction, until: untilMs === null ? null : new Date(untilMs) }));
  return {
    anonymousByDefault: row.anonymous_by_default === true,
    sanctions: worstFirst(sanctions),
    automod: {
      rules: row.rules.map((rule) => ({ ...rule, recentWrites: rule.recentWrites === null ? null : Number(rule.recentWrites) })),
      moderationSettings: row.moderation_settings,
      accountAgeSeconds: row.account_age_seconds === null ? null : Number(row.account_age_seconds),
      moderatesGroup: row.moderates_group,
      postsInGroup: row.posts_in_group === null ? null : Number(row.posts_in_group),
    },
  };
}
