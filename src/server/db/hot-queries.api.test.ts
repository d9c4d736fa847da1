import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/api/accounts.js';
import { generateKey, MessageKeyring } from '../crypto/message-keys.js';
import { findLiveSession } from '../modules/accounts/queries.js';
import { countUnreadFor } from '../modules/conversations/queries.js';
import type { Cursor } from '../modules/feeds/cursor.js';
import { feedPage, type FeedKind } from '../modules/feeds/queries.js';
import { memberPostsPage } from '../modules/members/profile-queries.js';
import { findThreadHead } from '../modules/posts/queries.js';
import { findNewestReplies, findReplyBatch, findReplyInThread, findThreadPageHead, NEWEST } from '../modules/posts/thread-queries.js';
import { getMyUnread } from '../modules/moderation/actions-me.js';
import { listQueue } from '../modules/moderation/queue-queries.js';
import { listUnresolvedAlerts } from '../modules/safety-team/alerts-queries.js';
import { SEARCH_CANDIDATES, searchContent } from '../modules/search/queries.js';
import { seedAtScale, type ScaleSeedResult } from '../seed/scale.js';
import { createTestDatabase, testDriver, type TestDatabase } from '../test-support/test-database.js';
import { rowsOf, type Database } from './database.js';
import * as schema from './schema/index.js';
import { users } from './schema/index.js';

const testKeys = new MessageKeyring([generateKey()], { kind: 'env' });

/**
 * The hot queries, as the app builds them (its own query functions, their SQL captured
 * through drizzle's logger), EXPLAINed against a database seeded at scale: none may
 * read a large table sequentially, and the feeds must read rows in proportion to the
 * page, not to the table. 60k rows (8.6k posts, 26k replies, 26k reactions) is enough
 * for the planner to prefer a sequential scan of posts when its index is missing.
 */
const SEEDED_ROWS = 60_000;
/** A sequential scan of a table with more rows than this fails the test. */
const LARGE_TABLE = 1_000;
const PAGE = 21;

interface Statement {
  sql: string;
  params: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

const onPostgres = testDriver === 'postgres';

describe.skipIf(!onPostgres)('hot queries stay indexed at scale (PostgreSQL only: the plans checked are PostgreSQL’s planner’s; skipped on PGlite)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Database;
  let captured: Statement[] = [];
  let tableRows: Map<string, number>;
  let seeded: ScaleSeedResult;
  let reader: { id: string; role: Role };
  let moderator: { id: string; role: Role };
  let author: { id: string; handle: string; role: Role };
  let readerGroups: number;

  /** The SQL the app sends for `run`, each statement with its parameters. */
  async function statementsOf(run: (db: Database) => Promise<unknown>): Promise<Statement[]> {
    captured = [];
    await run(db);
    expect(captured.length, 'the query function sent no SQL').toBeGreaterThan(0);
    return captured;
  }

  /**
   * The executed plan of a statement, as planned for its parameters, or (`generic`) as a prepared
   * statement's plan for any parameters, which PostgreSQL switches to after a few executions.
   */
  async function planOf(statement: Statement, generic: boolean): Promise<PlanNode> {
    const client = await pool.connect();
    try {
      let result;
      if (generic) {
        await client.query('set plan_cache_mode = force_generic_plan');
        await client.query(`prepare hot_statement as ${statement.sql}`);
        // EXECUTE takes its arguments as literals (a utility statement has no bind parameters).
        const literals = statement.params.map((value) => (value === null || value === undefined ? 'null' : client.escapeLiteral(String(value))));
        result = await client.query(`explain (analyze, format json) execute hot_statement(${literals.join(', ')})`);
      } else {
        result = await client.query(`explain (analyze, format json) ${statement.sql}`, statement.params);
      }
      return (result.rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan;
    } finally {
      await client.query('deallocate all; reset plan_cache_mode');
      client.release();
    }
  }

  /**
   * Fails naming the query and the table when any statement of `run` scans a large table sequentially,
   * in its plan for these parameters or in its generic plan (the one a prepared statement settles on).
   */
  async function expectIndexed(name: string, run: (db: Database) => Promise<unknown>): Promise<PlanNode[]> {
    const plans: PlanNode[] = [];
    for (const statement of await statementsOf(run)) {
      for (const generic of [false, true]) {
        const plan = await planOf(statement, generic);
        plans.push(plan);
        const scans = nodesOf(plan)
          .filter((node) => node['Node Type'] === 'Seq Scan' && (tableRows.get(node['Relation Name'] ?? '') ?? 0) > LARGE_TABLE)
          .map((node) => `${node['Relation Name']} (${tableRows.get(node['Relation Name']!)} rows)`);
        expect(scans, `${name}${generic ? ' (generic plan)' : ''}: a sequential scan of a large table`).toEqual([]);
      }
    }
    return plans;
  }

  /** Rows the most expensive of these plans read from `table` (returned plus filtered out), over every loop. */
  function rowsRead(plans: PlanNode[], table: string): number {
    return Math.max(...plans.map((plan) => readFrom(plan, table)));
  }

  function readFrom(plan: PlanNode, table: string): number {
    return nodesOf(plan)
      .filter((node) => node['Relation Name'] === table)
      .reduce((sum, node) => sum + ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * (node['Actual Loops'] ?? 1), 0);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    db = drizzle(pool, { schema, logger: { logQuery: (text, params) => void captured.push({ sql: text, params }) } }) as unknown as Database;
    const made = await database.handle.db
      .insert(users)
      .values([
        { handle: 'hot_reader', passwordHash: '!', role: 'member' },
        { handle: 'hot_moderator', passwordHash: '!', role: 'moderator' },
      ])
      .returning({ id: users.id, role: users.role });
    reader = made[0]!;
    moderator = made[1]!;
    seeded = await seedAtScale(database.handle.db, { rows: SEEDED_ROWS, readers: [reader.id] });
    // Sessions for every seeded member, so the session lookup runs against a table worth indexing.
    await database.handle.db.execute(sql`insert into sessions (user_id, token_hash, expires_at)
      select u.id, md5(u.id::text || k), now() + interval '30 days' from users u, generate_series(1, 3) k`);
    // A block and a mute, so the feeds' block and mute rules are in the plans with something to find.
    await database.handle.db.execute(sql`insert into blocks (blocker_id, blocked_id) values (${reader.id}, ${seeded.memberIds[0]!})`);
    await database.handle.db.execute(sql`insert into mutes (user_id, target_type, target_id) values (${reader.id}, 'group', ${seeded.groupIds.at(-1)!})`);
    await database.handle.db.execute(sql`analyze`);
    const [prolific] = rowsOf<{ id: string; handle: string }>(
      await database.handle.db.execute(sql`select u.id, u.handle from posts p join users u on u.id = p.author_id group by u.id order by count(*) desc limit 1`),
    );
    author = { ...prolific!, role: 'member' };
    tableRows = new Map(
      rowsOf<{ name: string; rows: number }>(
        await database.handle.db.execute(sql`select c.relname as name, c.reltuples::bigint::int as rows from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'`),
      ).map((row) => [row.name, row.rows]),
    );
    readerGroups = seeded.groupIds.length - 1; // one is muted
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('seeds tables big enough that a missing index would show as a sequential scan', () => {
    expect(tableRows.get('posts')).toBeGreaterThan(5_000);
    expect(tableRows.get('replies')).toBeGreaterThan(20_000);
    expect(tableRows.get('reactions')).toBeGreaterThan(20_000);
  });

  const feeds: [string, (groupId: string) => FeedKind][] = [
    ['home feed, newest', () => ({ kind: 'home', sort: 'newest' })],
    ['home feed, most active', () => ({ kind: 'home', sort: 'active' })],
    ['needs-reply feed', () => ({ kind: 'needs-reply' })],
    ['group feed, newest', (groupId) => ({ kind: 'group', groupId, sort: 'newest' })],
    ['group feed, most active', (groupId) => ({ kind: 'group', groupId, sort: 'active' })],
  ];

  it.each(feeds)('%s: indexed, and reads rows in proportion to the page (first and a later page)', async (name, kindFor) => {
    const feed = kindFor(seeded.groupIds[0]!); // the busiest seeded group
    const first = await feedPage(db, reader, feed, undefined, PAGE);
    expect(first).toHaveLength(PAGE);
    const last = first.at(-1)!;
    const cursor: Cursor = { t: last.sortKey, id: last.listing.post.id };
    // Across groups each group's walk reads at most a page (plus the few its rules skip); one group reads one page.
    const bound = (feed.kind === 'group' ? 1 : readerGroups) * PAGE * 1.5 + 2 * PAGE;
    expect(bound, 'the bound must be well under the table, or the check proves nothing').toBeLessThan(tableRows.get('posts')! / 4);
    for (const page of [undefined, cursor]) {
      const plans = await expectIndexed(`${name}${page ? ' (later page)' : ''}`, (db) => feedPage(db, reader, feed, page, PAGE));
      expect(rowsRead(plans, 'posts'), `${name}: rows of posts read for a page of ${PAGE}`).toBeLessThan(bound);
    }
  });

  it('a thread page (first, later, earlier, at a reply, newest) of the biggest thread: indexed, replies read in proportion to the page', async () => {
    const postId = seeded.bigThreadPostId;
    const [middle] = rowsOf<{ id: string; sort_key: string }>(
      await pool.query('select id, sort_key from replies where post_id = $1 order by sort_key offset (select count(*) / 2 from replies where post_id = $1) limit 1', [postId]),
    );
    const size = PAGE + 5;
    const pages: [string, (db: Database) => Promise<unknown>][] = [
      ['thread head', (db) => findThreadHead(db, postId, reader.id)],
      ['thread first page', (db) => findThreadPageHead(db, postId, reader.id, { direction: 'after', from: '', size })],
      ['thread later page', (db) => findReplyBatch(db, postId, reader.id, { direction: 'after', from: middle!.sort_key, size })],
      ['thread earlier page', (db) => findReplyBatch(db, postId, reader.id, { direction: 'before', from: middle!.sort_key, size })],
      ['thread at a reply', (db) => findReplyInThread(db, postId, middle!.id, reader.id)],
      ['thread newest', (db) => findNewestReplies(db, postId, reader.id, NEWEST, size)],
    ];
    const threadReplies = Number(rowsOf<{ n: string }>(await pool.query('select count(*) as n from replies where post_id = $1', [postId]))[0]!.n);
    expect(threadReplies, 'the thread must be much bigger than a page').toBeGreaterThan(10 * size);
    for (const [name, run] of pages) {
      const plans = await expectIndexed(name, run);
      expect(rowsRead(plans, 'replies'), `${name}: replies read for a page of ${size} in a thread of ${threadReplies}`).toBeLessThan(threadReplies / 4);
    }
  });

  it('your posts and a member profile: indexed, rows in proportion to the page', async () => {
    const mine = await expectIndexed('your posts', (db) => feedPage(db, author, { kind: 'mine' }, undefined, PAGE));
    expect(rowsRead(mine, 'posts')).toBeLessThan(4 * PAGE);
    const profile = await expectIndexed('member profile posts', (db) => memberPostsPage(db, reader, author, undefined, PAGE));
    expect(rowsRead(profile, 'posts')).toBeLessThan(4 * PAGE);
  });

  it('the session lookup is indexed', async () => {
    const [session] = rowsOf<{ token_hash: string }>(await pool.query('select token_hash from sessions limit 1'));
    const now = new Date();
    await expectIndexed('session lookup', (db) => findLiveSession(db, session!.token_hash, new Date(now.getTime() - 86_400_000), now));
  });

  it('search, for a rare word and a common one, is indexed and reads matches in proportion to the page', async () => {
    // "feel" and "help" are in nearly half the seeded posts and replies: ranking every match read rows in proportion to the table.
    const common = Number(rowsOf<{ n: string }>(await pool.query("select count(*) as n from posts where search @@ websearch_to_tsquery('english', 'feel')"))[0]!.n);
    expect(common, 'the common word must match far more posts than the search ranks').toBeGreaterThan(10 * SEARCH_CANDIDATES);
    const tableRows = {
      posts: Number(rowsOf<{ n: string }>(await pool.query('select count(*) as n from posts'))[0]!.n),
      replies: Number(rowsOf<{ n: string }>(await pool.query('select count(*) as n from replies'))[0]!.n),
    };
    for (const words of ['podcast manager', 'feel', 'help']) {
      const plans = await expectIndexed(`search "${words}"`, (db) => searchContent(db, reader, words, 20));
      // Only the plans for the words (even-numbered): search is not a named prepared statement, so it is always planned
      // for its words; a generic plan cannot know a word is common and reads every match from the GIN index.
      const planned = plans.filter((_, index) => index % 2 === 0);
      for (const table of ['posts', 'replies'] as const) {
        // The newest-first walk stops after SEARCH_CANDIDATES matches the reader may see; with a common word about a
        // quarter of the rows it passes qualify (the word, a readable group, a listable status), so it reads about
        // 4 × SEARCH_CANDIDATES, more or less with the random seed (812 in one CI run). The bound is the candidates'
        // proportion with room for that spread, and a small share of the table, which reading every match would pass.
        const read = rowsRead(planned, table);
        expect(read, `search "${words}": rows of ${table} read for a page of 20`).toBeLessThan(8 * SEARCH_CANDIDATES);
        expect(read, `search "${words}": rows of ${table} read, against the table's ${tableRows[table]}`).toBeLessThan(tableRows[table] / 8);
      }
    }
    // Two words that always come together: the planner multiplies their frequencies, thinks the pair rare and reads every
    // match from the GIN index (a tenth of the posts here). Indexed, but in proportion to the matches: the known worst case.
    await expectIndexed('search "podcast rest"', (db) => searchContent(db, reader, 'podcast rest', 20));
  });

  it('the moderation queue, the open alerts and the unread counts are indexed', async () => {
    await expectIndexed('moderation queue', (db) => listQueue(db, testKeys, { viewerId: moderator.id, scope: 'all', status: 'open', escalatedFirst: true, limit: 50 }));
    await expectIndexed('open safety alerts', (db) => listUnresolvedAlerts(db, testKeys));
    await expectIndexed('unread messages', (db) => countUnreadFor(db, reader.id));
    await expectIndexed('unread moderation notices', (db) => getMyUnread({ db, clock: { now: () => new Date() } }, { user: { id: reader.id } } as never));
  });
});
