import { sql, type SQL } from 'drizzle-orm';
import type { AssessorFigures, DurationFigure, SafetyFigures } from '../../../shared/api/safety-figures.js';
import { rowsOf, type Database } from '../../db/index.js';
import { safetyAlerts, safetyAlertState, safetyReviewItems } from '../../db/schema/index.js';

const DAY_MS = 86_400_000;

/** Seconds from the alert's creation to `to`, for percentile_cont (nulls, e.g. never claimed, are ignored). */
const secondsSince = (to: SQL) => sql`extract(epoch from (${to} - ${safetyAlerts.createdAt}))::float8`;
const median = (expr: SQL) => sql`percentile_cont(0.5) within group (order by ${expr})`;
const p90 = (expr: SQL) => sql`percentile_cont(0.9) within group (order by ${expr})`;

const minutes = (seconds: unknown): number | null => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 60) * 100) / 100);
const int = (value: unknown): number => Number(value ?? 0);

/** How many of the alerts were resolved with `outcome` (from safety_alerts left join safety_alert_state). */
const resolvedAs = (outcome: string) => sql`count(*) filter (where ${safetyAlerts.status} = 'resolved' and ${safetyAlertState.outcome} = ${outcome})::int`;
/** One such count per outcome, each named after it: the columns `outcomes` are read from. */
const outcomeCounts = sql`${resolvedAs('real_concern')} as real_concern,
  ${resolvedAs('not_a_concern')} as not_a_concern,
  ${resolvedAs('referred_to_emergency_services')} as referred_to_emergency_services,
  ${resolvedAs('other')} as other`;

function duration(count: unknown, medianSeconds: unknown, p90Seconds: unknown): DurationFigure {
  return { count: int(count), medianMinutes: minutes(medianSeconds), p90Minutes: minutes(p90Seconds) };
}

/**
 * The safety team's figures for the last `days` UTC days (today and the
 * days before it, up to `now`): time to claim and to first outreach (median and 90th
 * percentile, from the alert's creation), alerts by level, outcomes, how many
 * escalated, and a per-day series (UTC days) for the chart.
 */
export async function safetyFigures(db: Database, now: Date, days: 7 | 30): Promise<SafetyFigures> {
  // From the start of the first day, so the totals and the per-day rows count the same alerts.
  const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const window = sql`${safetyAlerts.createdAt} >= ${from.toISOString()}::timestamptz and ${safetyAlerts.createdAt} <= ${now.toISOString()}::timestamptz`;
  const claim = secondsSince(sql`${safetyAlerts.claimedAt}`);
  const outreach = secondsSince(sql`${safetyAlertState.firstOutreachAt}`);
  const [totals] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select count(*)::int as alerts,
        count(${safetyAlerts.claimedAt})::int as claimed,
        ${median(claim)} as claim_median,
        ${p90(claim)} as claim_p90,
        count(${safetyAlertState.firstOutreachAt})::int as outreached,
        ${median(outreach)} as outreach_median,
        ${p90(outreach)} as outreach_p90,
        count(*) filter (where ${safetyAlerts.level} = 'high')::int as high,
        count(*) filter (where ${safetyAlerts.level} = 'imminent')::int as imminent,
        count(${safetyAlertState.escalatedAt})::int as escalated,
        count(*) filter (where ${safetyAlerts.status} <> 'resolved')::int as unresolved,
        ${outcomeCounts}
      from ${safetyAlerts}
      left join ${safetyAlertState} on ${safetyAlertState.alertId} = ${safetyAlerts.id}
      where ${window}`),
  );
  const day = sql`to_char(${safetyAlerts.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const perDay = rowsOf<{ day: string; alerts: unknown; escalated: unknown; claim_median: unknown }>(
    await db.execute(sql`
      select ${day} as day, count(*)::int as alerts, count(${safetyAlertState.escalatedAt})::int as escalated, ${median(claim)} as claim_median
      from ${safetyAlerts}
      left join ${safetyAlertState} on ${safetyAlertState.alertId} = ${safetyAlerts.id}
      where ${window}
      group by 1`),
  );
  const byDay = new Map(perDay.map((row) => [row.day, row]));
  const daily: SafetyFigures['daily'] = [];
  // Every day of the window, with zeros where nothing happened, so the chart's axis is honest.
  for (let i = days - 1; i >= 0; i--) {
    const key = new Date(now.getTime() - i * DAY_MS).toISOString().slice(0, 10);
    const row = byDay.get(key);
    daily.push({ day: key, alerts: int(row?.alerts), escalated: int(row?.escalated), medianClaimMinutes: minutes(row?.claim_median) });
  }
  const t = totals ?? {};
  return {
    days,
    from: from.toISOString(),
    to: now.toISOString(),
    alerts: int(t['alerts']),
    timeToClaim: duration(t['claimed'], t['claim_median'], t['claim_p90']),
    timeToFirstOutreach: duration(t['outreached'], t['outreach_median'], t['outreach_p90']),
    byLevel: [
      { level: 'high', count: int(t['high']) },
      { level: 'imminent', count: int(t['imminent']) },
    ],
    outcomes: (['real_concern', 'not_a_concern', 'referred_to_emergency_services', 'other'] as const).map((name) => ({ outcome: name, count: int(t[name]) })),
    unresolved: int(t['unresolved']),
    escalated: int(t['escalated']),
    daily,
  };
}

/**
 * How the assessor is doing on this community, over every alert it raised
 * (reason `assessment`; a member asking for a person is not its judgment):
 * per level, the outcomes staff recorded and the precision, and the review
 * list's decisions that mark its misses.
 */
export async function assessorFigures(db: Database): Promise<Omit<AssessorFigures, 'modelVersion' | 'local'>> {
  const levels = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select ${safetyAlerts.level} as level, count(*)::int as alerts,
        count(*) filter (where ${safetyAlerts.status} = 'resolved' and ${safetyAlertState.outcome} is not null)::int as resolved,
        ${outcomeCounts}
      from ${safetyAlerts}
      left join ${safetyAlertState} on ${safetyAlertState.alertId} = ${safetyAlerts.id}
      where ${safetyAlerts.reason} = 'assessment'
      group by 1`),
  );
  const [review] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select count(*) filter (where ${safetyReviewItems.kind} = 'elevated' and ${safetyReviewItems.decision} is not null)::int as elevated_reviewed,
        count(*) filter (where ${safetyReviewItems.kind} = 'elevated' and ${safetyReviewItems.decision} = 'raise_to_alert')::int as elevated_raised,
        count(*) filter (where ${safetyReviewItems.kind} = 'worry' and ${safetyReviewItems.decision} = 'raise_to_alert')::int as worry_raised
      from ${safetyReviewItems}`),
  );
  return {
    levels: (['high', 'imminent'] as const).map((level) => {
      const row = levels.find((candidate) => candidate['level'] === level) ?? {};
      const resolved = int(row['resolved']);
      const confirmed = int(row['real_concern']) + int(row['referred_to_emergency_services']);
      return {
        level,
        alerts: int(row['alerts']),
        resolved,
        outcomes: {
          real_concern: int(row['real_concern']),
          not_a_concern: int(row['not_a_concern']),
          referred_to_emergency_services: int(row['referred_to_emergency_services']),
          other: int(row['other']),
        },
        precision: resolved > 0 ? Math.round((confirmed / resolved) * 1000) / 1000 : null,
      };
    }),
    review: {
      elevatedReviewed: int(review?.['elevated_reviewed']),
      elevatedRaised: int(review?.['elevated_raised']),
      worryRaised: int(review?.['worry_raised']),
    },
  };
}
