import type { Group } from '../../../shared/api/community.js';
import type { GroupWithViewer } from './queries.js';

export function presentGroup(entry: GroupWithViewer): Group {
  const { group, membership } = entry;
  return {
    id: group.id,
    slug: group.slug,
    name: group.name,
    description: group.description,
    rules: group.rules,
    tags: group.tags,
    visibility: group.visibility,
    showReactionCounts: group.showReactionCounts,
    archived: group.archivedAt !== null,
    memberCount: entry.memberCount,
    membership: membership ? { role: membership.role, status: membership.status } : null,
  };
}
