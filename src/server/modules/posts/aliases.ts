import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { threadAliases } from '../../db/schema/index.js';

// Gentle words only: an alias is what a person in pain is called by strangers.
export const ALIAS_ADJECTIVES = [
  'Quiet', 'Gentle', 'Brave', 'Calm', 'Kind', 'Bright', 'Steady', 'Warm', 'Soft', 'Patient', 'Hopeful', 'Curious',
  'Tender', 'Silver', 'Golden', 'Amber', 'Misty', 'Sunny', 'Starry', 'Mossy', 'Humble', 'Honest', 'Earnest', 'Wise',
  'Still', 'Restful', 'Cosy', 'Dawn', 'Evening', 'Meadow', 'River', 'Willow', 'Cedar', 'Maple', 'Velvet', 'Woolly',
];
export const ALIAS_ANIMALS = [
  'Heron', 'Otter', 'Fox', 'Badger', 'Wren', 'Robin', 'Hare', 'Owl', 'Deer', 'Swan', 'Finch', 'Seal', 'Panda',
  'Koala', 'Dolphin', 'Sparrow', 'Lark', 'Puffin', 'Hedgehog', 'Squirrel', 'Tortoise', 'Lynx', 'Bear', 'Crane',
  'Kingfisher', 'Starling', 'Moth', 'Beaver', 'Lamb', 'Pony', 'Goose', 'Dove', 'Salmon', 'Stoat', 'Marten', 'Ibis',
];

export function randomAlias(): string {
  return `${ALIAS_ADJECTIVES[randomInt(ALIAS_ADJECTIVES.length)]} ${ALIAS_ANIMALS[randomInt(ALIAS_ANIMALS.length)]}`;
}

/**
 * The member's alias in this thread, made on first use. Stable within the thread,
 * independent across threads (a fresh random draw per thread), unique within it.
 */
export async function aliasFor(db: Database, postId: string, userId: string): Promise<string> {
  const [existing] = await db
    .select({ alias: threadAliases.alias })
    .from(threadAliases)
    .where(and(eq(threadAliases.postId, postId), eq(threadAliases.userId, userId)))
    .limit(1);
  if (existing) return existing.alias;
  // 1,296 combinations: a handful of tries always finds a free one in a real thread.
  for (let attempt = 0; attempt < 20; attempt++) {
    const alias = attempt < 15 ? randomAlias() : `${randomAlias()} ${attempt}`;
    const [inserted] = await db.insert(threadAliases).values({ postId, userId, alias }).onConflictDoNothing().returning();
    if (inserted) return inserted.alias;
    const [raced] = await db
      .select({ alias: threadAliases.alias })
      .from(threadAliases)
      .where(and(eq(threadAliases.postId, postId), eq(threadAliases.userId, userId)))
      .limit(1);
    if (raced) return raced.alias;
  }
  throw new Error('could not find a free alias');
}
