import { and, eq } from 'drizzle-orm';
import { groupMembers, groups } from '../../db/schema/index.js';
import { memberIn } from '../../test-support/community.js';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

/** Test steps for the actions tests: a group moderator, and an action with a reason. */
export async function groupModeratorOf(hearth: TestApp, slug: string) {
  const member = await memberIn(hearth, slug);
  const [group] = await hearth.deps.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug));
  await hearth.deps.db
    .update(groupMembers)
    .set({ role: 'moderator' })
    .where(and(eq(groupMembers.groupId, group!.id), eq(groupMembers.userId, member.user.id)));
  return member;
}

export function act(client: TestClient, kind: string, target: { type: 'post' | 'reply' | 'member'; id: string }, extra: Record<string, unknown> = {}) {
  return client.post('/api/moderation/actions', { kind, target, reasonTemplate: 'be_kind', reason: 'This community asks everyone to be kind.', ...extra });
}
