import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/index.js';

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
 * One statement per try (the write path's round trips, issue 14): the alias they
 * have, or a new one inserted when they have none. Neither comes back when the
 * drawn alias is taken or another request made theirs at the same moment; the
 * next try (a new statement, so a fresh snapshot) then finds theirs or draws again.
 */
export async function aliasFor(db: Database, postId: string, userId: string): Promise<string> {
  // 1,296 combinations: a handful of tries always finds a free one in a real thread.
  for (let attempt = 0; attempt < 20; attempt++) {
    const alias = attempt < 15 ? randomAlias() : `${randomAlias()} ${attempt}`;
    const result = await db.execute(sql`
      with existing as (
        select ta.alias from thread_aliases ta where ta.post_id = ${postId} and ta.user_id = ${userId}
      ), inserted as (
        insert into thread_aliases (post_id, user_id, alias)
        select ${postId}, ${userId}, ${alias} where not exists (select 1 from existing)
        on conflict do nothing
        returning alias
      )
      select alias from existing union all select alias from inserted`);
    const [row] = rowsOf<{ alias: string }>(result);
    if (row) return row.alias;
  }
  throw new Error('could not find a free alias');
}
