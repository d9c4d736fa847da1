import { sql } from 'drizzle-orm';
import { APPEAL_STATUSES, REPORT_REASONS } from '../../../shared/api/moderation.js';
import type { ModerationFigures } from '../../../shared/api/moderation-figures.js';
import { rowsOf, type Database } from '../../db/index.js';

const DAY_MS = 86_400_000;
const int = (value: unknown): number => Number(value ?? 0);
const minutes = (seconds: unknown): number | null => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 60) * 100) / 100);

/**
 * Moderation figures over the last `days` UTC days (today and the days before
 * it, up to `now`), as the safety figures count them: reports by reason, time
 * from a queue item to the first action a person took on it (median and 90th
 * percentile with percentile_cont), appeals by status, automod hits by rule.
 */
export async function moderationFigures(db: Database, now: Date, days: 7 | 30 | 90): Promise<ModerationFigures> {
  const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const inWindow = (column: string) => sql`${sql.raw(column)} >= ${from.toISOString()}::timestamptz and ${sql.raw(column)} <= ${now.toISOString()}::timestamptz`;

  const reasons = rowsOf<{ reason: string; count: unknown }>(
    await db.execute(sql`select r.reason::text as reason, count(*)::int as count from reports r where ${inWindow('r.created_at')} group by 1`),
  );

  // The first action by a person (automod's own hold is not a response), on the item or on its target after it was raised;
  // an item a person closed with no action row counts from when they closed it.
  const [timing] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with items as (
        select i.created_at, i.status,
          least(
            (select min(a.created_at) from moderation_actions a
              where a.actor_id is not null and a.created_at >= i.created_at
                and (a.item_id = i.id or (a.target_type::text = i.target_type::text and a.target_id = i.target_id))),
            case when i.resolved_by is not null then i.resolved_at end
          ) as first_at
        from moderation_items i
        where ${inWindow('i.created_at')}
      )
      select count(*)::int as items,
        count(first_at)::int as acted,
        percentile_cont(0.5) within group (order by extract(epoch from (first_at - created_at))::float8) as median,
        percentile_cont(0.9) within group (order by extract(epoch from (first_at - created_at))::float8) as p90,
        count(*) filter (where first_at is null and status = 'open')::int as waiting
      from items`),
  );

  const appeals = rowsOf<{ status: string; count: unknown }>(
    await db.execute(sql`select ap.status::text as status, count(*)::int as count from appeals ap where ${inWindow('ap.created_at')} group by 1`),
  );

  const hits = rowsOf<{ rule: string; scope: string | null; count: unknown }>(
    await db.execute(sql`
      select r.name as rule, g.name as scope, count(*)::int as count
      from automod_hits h
      join automod_rules r on r.id = h.rule_id
      left join groups g on g.id = r.group_id
      where ${inWindow('h.created_at')}
      group by r.id, r.name, g.name
      order by count desc, r.name`),
  );

  const byReason = new Map(reasons.map((row) => [row.reason, int(row.count)]));
  const byStatus = new Map(appeals.map((row) => [row.status, int(row.count)]));
  const t = timing ?? {};
  return {
    days,
    from: from.toISOString(),
    to: now.toISOString(),
    reportsByReason: REPORT_REASONS.map((reason) => ({ reason, count: byReason.get(reason) ?? 0 })),
    timeToFirstAction: {
      items: int(t['items']),
      acted: int(t['acted']),
      medianMinutes: minutes(t['median']),
      p90Minutes: minutes(t['p90']),
      waiting: int(t['waiting']),
    },
    appeals: APPEAL_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    automodHits: hits.map((row) => ({ rule: row.rule, scope: row.scope ?? 'Site-wide', count: int(row.count) })),
  };
}
