/**
 * Which audit details an admin may read, by flattened key ("before.contentWarning").
 * An allow-list, not a deny-list: writers are told never to put content bodies in
 * `details`, and a key nobody listed here (body, title, text, note…) is dropped
 * even if a writer forgets. `kind` says how a value is named: a member's handle,
 * a group's name, an automatic rule's name, or the value as text.
 */
export type DetailKind = 'text' | 'user' | 'group' | 'rule';

export const AUDIT_DETAIL_KEYS: Record<string, { label: string; kind: DetailKind }> = {
  reason: { label: 'Reason', kind: 'text' },
  reasonTemplate: { label: 'Reason template', kind: 'text' },
  until: { label: 'Until', kind: 'text' },
  actionId: { label: 'Action', kind: 'text' },
  subjectId: { label: 'Member', kind: 'user' },
  userId: { label: 'Member', kind: 'user' },
  groupId: { label: 'Group', kind: 'group' },
  automodRuleId: { label: 'Automatic rule', kind: 'rule' },
  'before.contentWarning': { label: 'Content warning before', kind: 'text' },
  'after.contentWarning': { label: 'Content warning after', kind: 'text' },
  'before.contentWarningTopics': { label: 'Warning topics before', kind: 'text' },
  'after.contentWarningTopics': { label: 'Warning topics after', kind: 'text' },
  'before.groupId': { label: 'Group before', kind: 'group' },
  'after.groupId': { label: 'Group after', kind: 'group' },
  'before.group': { label: 'Group before', kind: 'text' },
  'after.group': { label: 'Group after', kind: 'text' },
  'before.status': { label: 'Status before', kind: 'text' },
  'after.status': { label: 'Status after', kind: 'text' },
  'before.heldBy': { label: 'Held by before', kind: 'text' },
  'after.heldBy': { label: 'Held by after', kind: 'text' },
  'before.lockedAt': { label: 'Locked before', kind: 'text' },
  'after.lockedAt': { label: 'Locked after', kind: 'text' },
  from: { label: 'From', kind: 'text' },
  to: { label: 'To', kind: 'text' },
  role: { label: 'Role', kind: 'text' },
  via: { label: 'Via', kind: 'text' },
  step: { label: 'Step', kind: 'text' },
  decision: { label: 'Decision', kind: 'text' },
  kind: { label: 'Kind', kind: 'text' },
  outcome: { label: 'Outcome', kind: 'text' },
  status: { label: 'Status', kind: 'text' },
  result: { label: 'Result', kind: 'text' },
  attempt: { label: 'Attempt', kind: 'text' },
  contentType: { label: 'Content type', kind: 'text' },
  contentId: { label: 'Content', kind: 'text' },
  messageId: { label: 'Message', kind: 'text' },
  alertId: { label: 'Alert', kind: 'text' },
  reviewItemId: { label: 'Review item', kind: 'text' },
  raisedAlertId: { label: 'Alert raised', kind: 'text' },
  withNote: { label: 'With a note', kind: 'text' },
  signed: { label: 'Signed', kind: 'text' },
  fields: { label: 'Fields', kind: 'text' },
  changed: { label: 'Changed', kind: 'text' },
  count: { label: 'Count', kind: 'text' },
  osUser: { label: 'System account', kind: 'text' },
  itemId: { label: 'Queue item', kind: 'text' },
  sanctionId: { label: 'Sanction', kind: 'text' },
  appealId: { label: 'Appeal', kind: 'text' },
  hours: { label: 'Hours', kind: 'text' },
};

/** Targets that are content: their author is not named from the audit log (anonymity holds; a reveal is its own, logged step). */
export const CONTENT_TARGETS = new Set(['post', 'reply', 'message']);

const ORDER = Object.keys(AUDIT_DETAIL_KEYS);
const MAX_VALUE = 300;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) return asText(value.join(', '));
  return null;
}

export interface AllowedDetail {
  key: string;
  label: string;
  kind: DetailKind;
  value: string;
}

/**
 * The details an admin may read, one level of nesting flattened (before/after),
 * every other key and any nested object dropped. The member affected by an
 * action on content is dropped too: the audit log must not put a handle to an
 * anonymous post.
 */
export function allowedDetails(details: Record<string, unknown>, targetType: string): AllowedDetail[] {
  const flat: [string, unknown][] = [];
  for (const [key, value] of Object.entries(details)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) flat.push([`${key}.${inner}`, innerValue]);
    } else {
      flat.push([key, value]);
    }
  }
  const out: AllowedDetail[] = [];
  for (const [key, raw] of flat) {
    const spec = AUDIT_DETAIL_KEYS[key];
    if (!spec) continue;
    if (spec.kind === 'user' && CONTENT_TARGETS.has(targetType)) continue;
    const value = asText(raw);
    if (value === null) continue;
    out.push({ key, label: spec.label, kind: spec.kind, value });
  }
  // jsonb keeps its own key order: the allow-list's order is the one admins read.
  return out.sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
}
