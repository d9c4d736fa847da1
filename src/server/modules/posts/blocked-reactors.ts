import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { blocks } from '../../db/schema/index.js';
import type { ReactionRow } from './queries.js';

/** Which of these members have a block with `userId`, either way. */
export async function blockedWith(db: Database, userId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(or(and(eq(blocks.blockedId, userId), inArray(blocks.blockerId, userIds)), and(eq(blocks.blockerId, userId), inArray(blocks.blockedId, userIds))));
  return new Set(rows.map((row) => (row.blockerId === userId ? row.blockedId : row.blockerId)));
}

/**
 * Reactors an author is not shown by name: members with a block either way. Reacting to anonymous content is
 * allowed across a block (refusing it would say whose it is), but a block must stop a member's name reaching the
 * person who blocked them, live or on a reload. Only the author is shown reactors, so only their own content counts.
 */
export async function reactorsHiddenFrom(db: Database, viewerId: string, contents: { authorId: string; reactions: ReactionRow[] }[]): Promise<Set<string>> {
  const reactorIds = new Set(contents.filter((content) => content.authorId === viewerId).flatMap((content) => content.reactions.map((row) => row.userId)));
  return blockedWith(db, viewerId, [...reactorIds]);
}
