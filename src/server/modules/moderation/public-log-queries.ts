import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PublicLogKind } from '../../../shared/api/moderation-public-log.js';
import { rowsOf, type Database } from '../../db/index.js';
import { badRequest } from '../../http/errors.js';
import { isSortKey } from '../feeds/cursor.js';

/**
 * Actions that change what others read in a group, and so belong in its public
 * log. Left out: warnings (between a moderator and one member), site-wide
 * suspensions and bans (not a group's event, even when taken from a group's
 * queue), lifts (a lift of a ban would name a site sanction), and dismissals (a
 * dismissed report would tell the author that someone reported them).
 */
export const PUBLIC_ACTION_KINDS = ['content_warning', 'hide', 'remove', 'restore', 'approve', 'lock', 'unlock', 'move', 'mute'] as const;
/** Overturned appeals of these show as "… on appeal". */
const OVERTURNABLE = ['content_warning', 'hide', 'remove', 'lock', 'move', 'mute'] as const;
/** Kinds an overturn is recorded as (the undo, written by the appeals code as its own action): shown once, as the overturn. */
const UNDO_KINDS = ['restore', 'unlock', 'content_warning', 'move', 'lift'] as const;

const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `);

export interface PublicLogQueryRow {
  id: string;
  kind: PublicLogKind;
  original: string;
  target_type: string;
  reason_template: string | null;
  rule_name: string | null;
  automatic: boolean;
  hours: number | null;
  hour: string;
}

const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/;
const cursorSchema = z.object({ h: z.string().regex(HOUR).refine(isSortKey), id: z.uuid() });
export type PublicLogCursor = z.infer<typeof cursorSchema>;

export const encodePublicLogCursor = (cursor: PublicLogCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodePublicLogCursor(raw: string | undefined): PublicLogCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('"cursor" is not a cursor this server gave out.', 'cursor', 'invalid_field');
  }
}

/**
 * One page of a group's public log: its actions and its overturned appeals,
 * by hour (newest first) and then by id, so the order inside an hour says
 * nothing about which came first. No actor, subject, free-text reason or target id
 * is selected: what is not read cannot leak.
 */
export async function publicLogPage(db: Database, groupId: string, cursor: PublicLogCursor | undefined, limit: number): Promise<PublicLogQueryRow[]> {
  const hourOf = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24":00:00Z"')`);
  const after = cursor ? sql`where (e.hour, e.id) < (${cursor.h}, ${cursor.id}::uuid)` : sql``;
  const result = await db.execute(sql`
    with overturned as (
      select ap.id, ap.decided_at as at, a.kind::text as original, a.target_type::text as target_type, a.target_id
      from appeals ap
      join moderation_actions a on a.id = ap.action_id
      where ap.status = 'overturned' and ap.decided_at is not null and a.group_id = ${groupId}
        and a.kind::text in (${list(OVERTURNABLE)})
    ),
    entries as (
      select a.id, a.kind::text as kind, a.kind::text as original, a.target_type::text as target_type,
        a.reason_template, r.name as rule_name, (a.actor_id is null and a.automod_rule_id is not null) as automatic,
        case when a.until is null then null else round(extract(epoch from (a.until - a.created_at)) / 3600)::int end as hours,
        ${hourOf('a.created_at')} as hour
      from moderation_actions a
      left join automod_rules r on r.id = a.automod_rule_id
      where a.group_id = ${groupId} and a.kind::text in (${list(PUBLIC_ACTION_KINDS)})
        and not (a.kind::text in (${list(UNDO_KINDS)}) and exists (
          select 1 from overturned o
          where o.target_type = a.target_type::text and o.target_id = a.target_id
            and a.created_at between o.at - interval '5 seconds' and o.at + interval '5 seconds'))
      union all
      select o.id, 'overturned', o.original, o.target_type, null, null, false, null, ${hourOf('o.at')}
      from overturned o
    )
    select * from entries e
    ${after}
    order by e.hour desc, e.id desc
    limit ${limit}`);
  return rowsOf<PublicLogQueryRow>(result);
}
