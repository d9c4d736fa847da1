import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import type { AuditQuery } from '../../../shared/api/moderation-audit.js';
import type { Database } from '../../db/index.js';
import { auditLog, automodRules, groups, userRole, users } from '../../db/schema/index.js';
import { moderationPolicy } from '../moderation/policy.js';
import { sortKeyText, type Cursor } from '../feeds/cursor.js';

const DAY_MS = 86_400_000;
/** The roles whose handle the log shows, and so the only ones the actor filter can find. */
const NAMED_ROLES = userRole.enumValues.filter(moderationPolicy.auditNamesActor);

export interface AuditRow {
  id: string;
  sortKey: string;
  createdAt: Date;
  actorId: string | null;
  actorHandle: string | null;
  actorRole: Role | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

/**
 * One page of the audit log, newest first, keyset-paged by (created_at, id).
 * An actor handle that matches nobody finds nothing (not every entry); nor does a
 * member's handle (the presenter never shows it, so a search must not find it).
 */
export async function searchAudit(db: Database, query: AuditQuery, cursor: Cursor | undefined, limit: number): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.targetType) where.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) where.push(eq(auditLog.targetId, query.targetId));
  if (query.from) where.push(gte(auditLog.createdAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) where.push(lt(auditLog.createdAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)));
  if (query.actor) {
    where.push(sql`${auditLog.actorId} in (select ${users.id} from ${users} where lower(${users.handle}) = lower(${query.actor}) and ${inArray(users.role, NAMED_ROLES)})`);
  }
  if (cursor) {
    const at = sql`${cursor.t}::timestamptz`;
    where.push(or(lt(auditLog.createdAt, at), and(eq(auditLog.createdAt, at), lt(auditLog.id, cursor.id)))!);
  }
  return db
    .select({
      id: auditLog.id,
      sortKey: sortKeyText(auditLog.createdAt),
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorHandle: users.handle,
      actorRole: users.role,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}

/** Every action name and target type in the log, for the filters. */
export async function auditVocabulary(db: Database): Promise<{ actions: string[]; targetTypes: string[] }> {
  const actions = await db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  const targetTypes = await db.selectDistinct({ value: auditLog.targetType }).from(auditLog).orderBy(auditLog.targetType);
  return { actions: actions.map((row) => row.value), targetTypes: targetTypes.map((row) => row.value) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (values: Iterable<string>) => [...new Set([...values].filter((value) => UUID.test(value)))];

/** Handles, group names and rule names for the ids a page mentions: three small lookups per page at most. */
export async function auditNames(db: Database, ids: { users: Iterable<string>; groups: Iterable<string>; rules: Iterable<string> }) {
  const userIds = uuids(ids.users);
  const groupIds = uuids(ids.groups);
  const ruleIds = uuids(ids.rules);
  const [userRows, groupRows, ruleRows] = await Promise.all([
    userIds.length ? db.select({ id: users.id, name: users.handle }).from(users).where(inArray(users.id, userIds)) : [],
    groupIds.length ? db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, groupIds)) : [],
    ruleIds.length ? db.select({ id: automodRules.id, name: automodRules.name }).from(automodRules).where(inArray(automodRules.id, ruleIds)) : [],
  ]);
  const map = (rows: { id: string; name: string }[]) => new Map(rows.map((row) => [row.id, row.name]));
  return { users: map(userRows), groups: map(groupRows), rules: map(ruleRows) };
}
export type AuditNames = Awaited<ReturnType<typeof auditNames>>;
