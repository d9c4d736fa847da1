// Counts the SQL round trips of one reply create and one post create on PostgreSQL (every
// query a pg client sends, BEGIN and COMMIT included), for issue 14's write path.
// `HEARTH_TEST_DRIVER=postgres TEST_DATABASE_URL=postgres://… npx tsx bench/write-round-trips.ts` (VERBOSE=1 lists each statement's start).
import pg from 'pg';
import { createTestApp } from '../src/server/test-support/test-app.js';
import { memberIn, writePost, writeReply } from '../src/server/test-support/community.js';

if (process.env.HEARTH_TEST_DRIVER !== 'postgres' || !process.env.TEST_DATABASE_URL) throw new Error('set HEARTH_TEST_DRIVER=postgres and TEST_DATABASE_URL');

let counting = false;
const seen: string[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const first = args[0] as string | { text?: string; name?: string };
    const text = typeof first === 'string' ? first : (first.text ?? `prepared ${first.name}`);
    seen.push(text.replace(/\s+/g, ' ').slice(0, 110));
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

async function count(label: string, write: () => Promise<unknown>) {
  seen.length = 0;
  counting = true;
  await write();
  counting = false;
  console.log(`${label}: ${seen.length} round trips`);
  if (process.env.VERBOSE) for (const text of seen) console.log(`  ${text}`);
}

const hearth = await createTestApp({ RATE_LIMIT_POSTS_PER_10_MINUTES: '1000000' });
try {
  const author = await memberIn(hearth, 'anxiety');
  const replier = await memberIn(hearth, 'anxiety');
  const { post } = await writePost(author.client, 'anxiety');
  await writeReply(replier.client, post.id); // warm: prepared statements, caches
  await count('reply create (named)', () => writeReply(replier.client, post.id, { body: 'Box breathing helps me, four in, four hold, four out.' }));
  await count('reply create (anonymous)', () => writeReply(replier.client, post.id, { body: 'You are not alone in this, it does get easier.', anonymous: true }));
  await count('post create', () => writePost(author.client, 'anxiety', { title: 'Another evening', body: 'Quiet day, went for a walk by the river.' }));
} finally {
  await hearth.close();
}
