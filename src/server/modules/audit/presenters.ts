import type { AuditEntry } from '../../../shared/api/moderation-audit.js';
import { moderationPolicy } from '../moderation/policy.js';
import { allowedDetails } from './details.js';
import type { AuditNames, AuditRow } from './queries.js';

/** The ids of members, groups and rules a page of rows mentions, to name them in one lookup each. */
export function idsToName(rows: readonly AuditRow[]) {
  const ids = { users: new Set<string>(), groups: new Set<string>(), rules: new Set<string>() };
  for (const row of rows) {
    if ((row.targetType === 'user' || row.targetType === 'member') && row.targetId) ids.users.add(row.targetId);
    if (row.targetType === 'group' && row.targetId) ids.groups.add(row.targetId);
    for (const detail of allowedDetails(row.details, row.targetType)) {
      if (detail.kind === 'user') ids.users.add(detail.value);
      if (detail.kind === 'group') ids.groups.add(detail.value);
      if (detail.kind === 'rule') ids.rules.add(detail.value);
    }
  }
  return ids;
}

function targetLabel(row: AuditRow, names: AuditNames): string | null {
  if (!row.targetId) return null;
  if (row.targetType === 'user' || row.targetType === 'member') return names.users.get(row.targetId) ?? null;
  if (row.targetType === 'group') return names.groups.get(row.targetId) ?? null;
  return null;
}

/**
 * Who acted, as the policy allows: staff by handle; a member never by handle (their own
 * rows, such as answering the alert on their anonymous post, would name them); an id
 * with no account left is a deleted member, not "automatic".
 */
function presentActor(row: AuditRow): AuditEntry['actor'] {
  if (row.actorId === null) return null;
  if (row.actorHandle === null || row.actorRole === null) return { kind: 'former_member', handle: null };
  if (!moderationPolicy.auditNamesActor(row.actorRole)) return { kind: 'member', handle: null };
  return { kind: 'staff', handle: row.actorHandle };
}

/** One entry as an admin reads it: who acted (null: automatic), the allowed details, named. */
export function presentAuditEntry(row: AuditRow, names: AuditNames): AuditEntry {
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: presentActor(row),
    action: row.action,
    target: { type: row.targetType, id: row.targetId, label: targetLabel(row, names) },
    details: allowedDetails(row.details, row.targetType).map((detail) => {
      const named =
        detail.kind === 'user' ? names.users.get(detail.value) : detail.kind === 'group' ? names.groups.get(detail.value) : detail.kind === 'rule' ? names.rules.get(detail.value) : undefined;
      return { key: detail.key, label: detail.label, value: named ?? detail.value };
    }),
  };
}
