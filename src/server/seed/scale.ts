import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { TOPICS } from '../../shared/api/community.js';
import { rowsOf, type Database } from '../db/index.js';
import { ALIAS_ADJECTIVES, ALIAS_ANIMALS } from '../modules/posts/aliases.js';
import { repairThreadCounters } from '../modules/posts/queries.js';

/**
 * A community at scale, for benchmarks, EXPLAIN tests and operators trying Hearth out:
 * `rows` is the total of posts + replies + reactions (about 1/7, 3/7, 3/7), plus
 * members (rows/50) in groups (20–60) on the existing topics. Everything is made by
 * set-based SQL (generate_series, INSERT … SELECT), a handful of statements whatever
 * the size. Each run adds a new community (its own handles and slugs), so running it
 * twice adds more.
 *
 * Seeded members cannot sign in: their password hash is not a hash. A benchmark that
 * needs a signed-in reader signs up a member the usual way and passes its id in
 * `readers`: it joins every seeded group.
 */
export interface ScaleSeedOptions {
  rows: number;
  /** Existing members who join every seeded group (a bench's signed-in reader). */
  readers?: string[];
}

export interface ScaleSeedResult {
  posts: number;
  replies: number;
  reactions: number;
  members: number;
  groups: number;
  /** The seeded groups. */
  groupIds: string[];
  /** A few seeded members (who cannot sign in), e.g. to author more content. */
  memberIds: string[];
  /** The visible thread with the most replies (hundreds to thousands), in a seeded group. */
  bigThreadPostId: string;
  milliseconds: number;
}

/** Calm, everyday peer-support words: nothing here may read as a crisis, or the seed would raise alerts. */
const TITLES = [
  'Rough week, small wins', 'Does anyone else feel this way?', 'Trying a new routine', 'Finally talked to my GP',
  'Sunday evening worries', 'Something that helped me today', 'How do you switch off at night?', 'Back after a break',
  'First time posting here', 'A good day for once', 'Struggling to ask for help', 'Tips for busy mornings',
  'Feeling a bit stuck', 'Grateful for this group', 'Learning to rest', 'How do you explain it to family?',
];
const SENTENCES = [
  'I have been feeling a bit flat this week and wanted to share.', 'Going for a short walk each morning is helping more than I expected.',
  'My sister listened to me last night and it made a real difference.', 'I keep putting off small tasks and then feeling bad about it.',
  'Writing things down before bed has calmed my racing thoughts.', 'Some days are easier than others, and today was one of the easier ones.',
  'I am not sure what I need, but it helps to say it somewhere.', 'Thank you all for the kind replies last time.',
  'Work has been busy and I have not had much time for myself.', 'I tried the breathing exercise someone suggested here and it helped.',
  'It is hard to explain to friends why some weeks are heavier.', 'I made a cup of tea and sat in the garden for ten minutes.',
  'My counsellor suggested I notice three good things each day.', 'Sleep has been patchy, but I am trying to keep regular hours.',
  'I felt nervous about posting, so please be gentle.', 'Reading other posts here makes me feel less alone.',
  'I called an old friend and we talked for an hour.', 'Cooking a proper meal felt like a small achievement.',
  'Does anyone have ideas for staying connected when you live alone?', 'I am proud that I went to the appointment even though I was anxious.',
  'The weather has been grey and it seems to affect my mood.', 'I am learning that it is fine to say no sometimes.',
  'Last month was hard, but this one feels a little lighter.', 'I joined a local walking group and met some friendly people.',
  'Hearing that others go through this too really helps.', 'I want to be kinder to myself about the bad days.',
  'A podcast about rest helped me see things differently.', 'My manager was more understanding than I feared.',
];
const REPLIES = [
  'That sounds really hard, thank you for sharing it here.', 'I feel the same way some weeks, you are not alone.',
  'Well done for getting through it, that takes strength.', 'Walking helps me too, especially early in the day.',
  'Sending you a warm thought this evening.', 'I found that writing lists made things feel more manageable.',
  'Be gentle with yourself, small steps still count.', 'Thank you for posting, it made me feel less alone.',
  'Have you tried talking it through with your GP? It helped me.', 'That is a lovely idea, I might try it this week.',
  'It is okay to have days where nothing gets done.', 'I am glad the appointment went well for you.',
];

function textArray(values: readonly string[]): SQL {
  return sql.raw(`array[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')}]::text[]`);
}

/** `count` items of the bank joined with spaces, chosen per row. */
function pick(bank: readonly string[], count = 1): SQL {
  const one = sql`(${textArray(bank)})[1 + floor(random() * ${sql.raw(String(bank.length))})::int]`;
  return count === 1 ? one : sql.join(Array.from({ length: count }, () => one), sql` || ' ' || `);
}

export async function seedAtScale(db: Database, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const started = performance.now();
  const rows = Math.max(70, Math.floor(options.rows));
  const postCount = Math.round(rows / 7);
  const replyCount = Math.round((rows * 3) / 7);
  const reactionTarget = rows - postCount - replyCount;
  const memberCount = Math.max(20, Math.round(rows / 50));
  const groupCount = Math.min(60, Math.max(20, Math.round(Math.sqrt(rows) / 10)));
  // The first 0.5% of posts are the big threads: about a third of depth-0 replies go to them, skewed towards the first.
  const bigPosts = Math.max(1, Math.round(postCount * 0.005));
  const tag = randomBytes(3).toString('hex');
  const readers = options.readers ?? [];
  const n = (value: number) => sql.raw(String(Math.round(value)));

  const result = await db.transaction(async (tx) => {
    const run = (statement: SQL) => tx.execute(statement);

    await run(sql`create temp table seed_groups on commit drop as
      select gen_random_uuid() as id, g as n, t.id as topic, t.label
      from generate_series(1, ${n(groupCount)}) g
      join (select * from unnest(${textArray(TOPICS.map((t) => t.id))}, ${textArray(TOPICS.map((t) => t.label))}) with ordinality as t(id, label, o)) t
        on t.o = 1 + (g - 1) % ${n(TOPICS.length)}`);
    await run(sql`insert into groups (id, slug, name, description, rules, tags, visibility, created_at, updated_at)
      select id, 'scale-' || ${tag} || '-' || n, label || ' circle ' || n,
        'A seeded group for trying Hearth at scale: ' || lower(label) || '.',
        '1. Be kind. Everyone here is going through something.', array[topic],
        (case when n % 10 = 0 then 'private' else 'public' end)::group_visibility,
        now() - interval '400 days', now() - interval '400 days'
      from seed_groups`);

    await run(sql`create temp table seed_members on commit drop as
      select gen_random_uuid() as id, m as n, now() - random() * interval '400 days' as joined from generate_series(1, ${n(memberCount)}) m`);
    // '!' is no argon2 hash: verifying any password against it fails, so these members cannot sign in.
    await run(sql`insert into users (id, handle, password_hash, role, created_at, updated_at, password_changed_at)
      select id, 'scale_' || ${tag} || '_' || n, '!', 'member', joined, joined, joined from seed_members`);
    // Each member joins 1–5 groups (a count fixed by the id's hash), the first groups far more popular.
    await run(sql`insert into group_members (group_id, user_id, role, status, rules_accepted_at, joined_at)
      select g.id, picks.user_id, 'member', 'active', picks.joined, picks.joined
      from (
        select m.id as user_id, m.joined, 1 + floor(${n(groupCount)} * power(random(), 2))::int as gn
        from seed_members m, generate_series(1, 5) k
        where k <= 1 + abs(hashtext(m.id::text)) % 5
        offset 0
      ) picks join seed_groups g on g.n = picks.gn
      on conflict do nothing`);
    for (const reader of readers) {
      await run(sql`insert into group_members (group_id, user_id, role, status, rules_accepted_at)
        select id, ${reader}::uuid, 'member', 'active', now() from seed_groups on conflict do nothing`);
    }
    await run(sql`create temp table seed_gm on commit drop as
      select gm.group_id, gm.user_id,
        row_number() over (order by gm.group_id, gm.user_id)::int as rn,
        row_number() over (partition by gm.group_id order by gm.user_id)::int as k,
        count(*) over (partition by gm.group_id)::int as c
      from group_members gm join seed_members m on m.id = gm.user_id
      where gm.group_id in (select id from seed_groups)`);
    await run(sql`create index on seed_gm (rn)`);
    await run(sql`create index on seed_gm (group_id, k)`);

    // Posts: a random membership (so busy groups get more), over the past year; a third anonymous, ~5% not visible.
    await run(sql`create temp table seed_posts on commit drop as
      with picks as materialized (
        select i, 1 + floor(random() * (select count(*) from seed_gm))::int as rn,
          now() - random() * interval '365 days' as created, random() as a, random() as s
        from generate_series(1, ${n(postCount)}) i
      )
      select gen_random_uuid() as id, picks.i, gm.group_id, gm.user_id as author_id, picks.created, picks.a < 1.0 / 3 as anonymous,
        case when picks.i <= ${n(bigPosts)} or picks.s >= 0.05 then 'visible' when picks.s < 0.03 then 'held'
          when picks.s < 0.04 then 'removed_by_staff' else 'removed_by_author' end as status
      from picks join seed_gm gm on gm.rn = picks.rn`);
    await run(sql`create index on seed_posts (i)`);
    await run(sql`insert into posts (id, group_id, author_id, anonymous, title, body, body_html, excerpt, status, held_by, created_at, last_activity_at)
      select id, group_id, author_id, anonymous, title, body, '<p>' || body || '</p>', left(body, 200), status::content_status,
        case when status = 'held' then 'moderator' end, created, created
      from (select *, ${pick(TITLES)} as title, ${pick(SENTENCES, 3)} as body from seed_posts) p`);

    // Replies, by depth so each parent exists before its children (the sort_key trigger reads the parent).
    await run(sql`create temp table seed_replies (id uuid, post_id uuid, group_id uuid, parent_id uuid, depth int, k int,
      author_id uuid, anonymous boolean, status text, created timestamptz) on commit drop`);
    const shares = [0.5, 0.25, 0.15, 0.1];
    let parents = 0;
    for (let depth = 0; depth < shares.length; depth++) {
      const count = depth === shares.length - 1 ? replyCount - Math.round(replyCount * 0.9) : Math.round(replyCount * shares[depth]!);
      if (count <= 0 || (depth > 0 && parents === 0)) break;
      const target =
        depth === 0
          ? sql`select picks.*, p.id as post_id, p.group_id, null::uuid as parent_id, p.created as after
              from picks join seed_posts p on p.i = picks.target`
          : sql`select picks.*, r.post_id, r.group_id, r.id as parent_id, r.created as after
              from picks join seed_replies r on r.depth = ${n(depth - 1)} and r.k = picks.target`;
      await run(sql`insert into seed_replies
        with picks as materialized (
          select j,
            ${depth === 0 ? sql`case when random() < 0.35 then 1 + floor(${n(bigPosts)} * power(random(), 2))::int else 1 + floor(random() * ${n(postCount)})::int end` : sql`1 + floor(random() * ${n(parents)})::int`} as target,
            random() as who, random() as a, random() as s, random() as t
          from generate_series(1, ${n(count)}) j
        ), placed as materialized (${target})
        select gen_random_uuid(), placed.post_id, placed.group_id, placed.parent_id, ${n(depth)}, row_number() over ()::int,
          gm.user_id, placed.a < 1.0 / 3,
          case when placed.s >= 0.05 then 'visible' when placed.s < 0.03 then 'held' when placed.s < 0.04 then 'removed_by_staff' else 'removed_by_author' end,
          least(now(), placed.after + power(placed.t, 3) * interval '${sql.raw(String(depth === 0 ? 7 : 2))} days' + interval '1 second')
        from placed
        join seed_gm gm on gm.group_id = placed.group_id
          and gm.k = 1 + floor(placed.who * (select c from seed_gm c where c.group_id = placed.group_id limit 1))::int`);
      await run(sql`create index if not exists seed_replies_depth_k on seed_replies (depth, k)`);
      await run(sql`insert into replies (id, post_id, parent_id, depth, author_id, anonymous, body, body_html, status, held_by, created_at)
        select id, post_id, parent_id, depth, author_id, anonymous, body, '<p>' || body || '</p>', status::content_status,
          case when status = 'held' then 'moderator' end, created
        from (select *, ${pick(REPLIES, 2)} as body from seed_replies where depth = ${n(depth)}) r`);
      parents = count;
    }

    // An anonymous author's alias in each thread: distinct within the thread by construction (a per-thread offset).
    const combos = ALIAS_ADJECTIVES.length * ALIAS_ANIMALS.length;
    await run(sql`insert into thread_aliases (post_id, user_id, alias)
      select post_id, user_id,
        (${textArray(ALIAS_ADJECTIVES)})[1 + idx % ${n(ALIAS_ADJECTIVES.length)}] || ' ' || (${textArray(ALIAS_ANIMALS)})[1 + (idx / ${n(ALIAS_ADJECTIVES.length)}) % ${n(ALIAS_ANIMALS.length)}]
          || case when rn > ${n(combos)} then ' ' || rn else '' end
      from (
        select post_id, user_id, rn, (rn - 1 + abs(hashtext(post_id::text)) % ${n(combos)}) % ${n(combos)} as idx
        from (
          select post_id, user_id, row_number() over (partition by post_id order by user_id)::int as rn
          from (select id as post_id, author_id as user_id from seed_posts where anonymous
                union select post_id, author_id from seed_replies where anonymous) authors
        ) numbered
      ) aliased
      on conflict do nothing`);

    // Reactions: 40% on posts, 60% on replies, by random seeded members; a repeated (content, member, kind) is dropped.
    await run(sql`create temp table seed_reply_index on commit drop as select row_number() over ()::int as gi, id, created from seed_replies`);
    await run(sql`create index on seed_reply_index (gi)`);
    await run(sql`create index on seed_members (n)`);
    const kinds = sql`(array['hug', 'me_too', 'strength', 'thanks'])[1 + floor(picks.kind * 4)::int]::reaction_kind`;
    const reactionsOn = async (type: 'post' | 'reply', count: number, content: SQL) => {
      const inserted = await run(sql`with picks as materialized (
          select 1 + floor(random() * ${n(type === 'post' ? postCount : Math.max(1, replyCount))})::int as target,
            1 + floor(random() * ${n(memberCount)})::int as who, random() as kind, random() as t
          from generate_series(1, ${n(count)})
        ), added as (
          insert into reactions (content_type, content_id, user_id, kind, created_at)
          select ${type}::content_type, c.id, m.id, ${kinds}, least(now(), c.created + picks.t * interval '1 day')
          from picks join ${content} c on c.n = picks.target join seed_members m on m.n = picks.who
          on conflict do nothing
          returning 1
        )
        select count(*)::int as added from added`);
      return rowsOf<{ added: number }>(inserted)[0]?.added ?? 0;
    };
    const postReactions = Math.round(reactionTarget * 0.4);
    const reactionCount =
      (await reactionsOn('post', postReactions, sql`(select i as n, id, created from seed_posts)`)) +
      (await reactionsOn('reply', reactionTarget - postReactions, sql`(select gi as n, id, created from seed_reply_index)`));

    // reply_count, last_activity_at and answered_at, by the app's own definition of what a thread shows.
    const [earliest] = rowsOf<{ t: string | null }>(await run(sql`select (min(created) - interval '1 second')::text as t from seed_replies`));
    if (earliest?.t) await repairThreadCounters(tx, new Date(earliest.t));

    const counted = rowsOf<{ posts: number; replies: number; members: number }>(
      await run(sql`select (select count(*) from seed_posts)::int as posts, (select count(*) from seed_replies)::int as replies, (select count(*) from seed_members)::int as members`),
    )[0]!;
    const groupIds = rowsOf<{ id: string }>(await run(sql`select id from seed_groups order by n`)).map((row) => row.id);
    const memberIds = rowsOf<{ id: string }>(await run(sql`select id from seed_members order by n limit 5`)).map((row) => row.id);
    const [big] = rowsOf<{ id: string }>(
      await run(sql`select p.id from posts p join seed_posts s on s.id = p.id where p.status = 'visible' order by p.reply_count desc limit 1`),
    );
    return { ...counted, reactions: reactionCount, groups: groupIds.length, groupIds, memberIds, bigThreadPostId: big?.id ?? '' };
  });
  // Fresh statistics, or the planner would plan these tables as if they were still small.
  await db.execute(sql`analyze`);
  return { ...result, milliseconds: Math.round(performance.now() - started) };
}
