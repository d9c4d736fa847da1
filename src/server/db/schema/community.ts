import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const groupVisibility = pgEnum('group_visibility', ['public', 'private']);
export const groupRole = pgEnum('group_role', ['member', 'moderator', 'facilitator']);
export const membershipStatus = pgEnum('membership_status', ['active', 'pending']);
/**
 * `held`: kept from other members (method details, per the Samaritans guidelines)
 * but visible to its author and staff. Nothing is ever silently deleted.
 */
export const contentStatus = pgEnum('content_status', ['visible', 'held', 'removed_by_author', 'removed_by_staff']);
export const reactionKind = pgEnum('reaction_kind', ['hug', 'me_too', 'strength', 'thanks']);
export const contentType = pgEnum('content_type', ['post', 'reply']);

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    rules: text('rules').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    visibility: groupVisibility('visibility').notNull().default('public'),
    /** Off by default: members should not chase approval. */
    showReactionCounts: boolean('show_reaction_counts').notNull().default(false),
    /** A new member's first N posts in this group wait for a moderator's approval (0: none are held). */
    holdNewMemberPosts: integer('hold_new_member_posts').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('english', ${groups.name} || ' ' || ${groups.description})`,
    ),
  },
  (table) => [index('groups_search_idx').using('gin', table.search)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: groupRole('role').notNull().default('member'),
    status: membershipStatus('status').notNull().default('active'),
    /** A member accepts the group's rules when joining. */
    rulesAcceptedAt: timestamp('rules_accepted_at', { withTimezone: true }).notNull(),
    requestMessage: text('request_message'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.userId] }), index('group_members_user_idx').on(table.userId)],
);

/** Per-member community settings: anonymity default, content-warning preferences, onboarding. */
export const memberSettings = pgTable('member_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  anonymousByDefault: boolean('anonymous_by_default').notNull().default(false),
  /** topic → 'hide' | 'collapse' | 'show' */
  contentWarningPreferences: jsonb('content_warning_preferences').$type<Record<string, string>>().notNull().default({}),
  topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
  onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
});

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    anonymous: boolean('anonymous').notNull().default(false),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** Plain-text opening for feeds, made once at write time (rendering on every read is slow). */
    excerpt: text('excerpt').notNull().default(''),
    contentWarning: text('content_warning'),
    contentWarningTopics: text('content_warning_topics').array().notNull().default(sql`'{}'::text[]`),
    /** The self-harm and suicide warning was added automatically (a `high` assessment, per #chatsafe); the writer can change it. */
    autoContentWarning: boolean('auto_content_warning').notNull().default(false),
    mood: text('mood'),
    status: contentStatus('status').notNull().default('visible'),
    /** Who holds it while `status` is held (HOLD_SOURCES): only the assessor's own hold is lifted by the author's edit. */
    heldBy: text('held_by'),
    /** A locked thread takes no new replies (a moderation action, with its reason in moderation_actions). */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    replyCount: integer('reply_count').notNull().default(0),
    /** Set by the first reply from someone other than the author: until then the post "needs a reply". */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('english', ${posts.title}), 'A') || setweight(to_tsvector('english', ${posts.body}), 'B')`,
    ),
  },
  (table) => [
    index('posts_group_created_idx').on(table.groupId, table.createdAt, table.id),
    index('posts_group_activity_idx').on(table.groupId, table.lastActivityAt, table.id),
    // A member's own posts and their profile, newest first: the id breaks ties in the keyset.
    index('posts_author_created_idx').on(table.authorId, table.createdAt, table.id),
    // "Needs a reply", per group, oldest first from the cursor: only what that feed can list.
    index('posts_needs_reply_idx')
      .on(table.groupId, table.createdAt, table.id)
      .where(sql`${table.answeredAt} is null and ${table.status} = 'visible'`),
    index('posts_search_idx').using('gin', table.search),
    // Search walks this newest first for a common word, stopping at its candidates (search/queries.ts).
    index('posts_created_idx').on(table.createdAt),
  ],
);

export const replies = pgTable(
  'replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    depth: integer('depth').notNull().default(0),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    anonymous: boolean('anonymous').notNull().default(false),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    status: contentStatus('status').notNull().default('visible'),
    /** Who holds it while `status` is held (HOLD_SOURCES): only the assessor's own hold is lifted by the author's edit. */
    heldBy: text('held_by'),
    /** Set when staff release a held reply with the content warning they chose (Samaritans, #chatsafe). */
    contentWarning: text('content_warning'),
    contentWarningTopics: text('content_warning_topics').array().notNull().default(sql`'{}'::text[]`),
    /** Written by the Hearth Safety account as the automatic first reply to a crisis post (at most one per thread). */
    automatic: boolean('automatic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${replies.body})`),
    /**
     * The reply's place in its thread, in reading order: depth-first, each level
     * oldest first. Written by the database (trigger `replies_sort_key`, migration
     * 0007), never by the app: the parent's key cut to this reply's depth, then
     * this reply's own 48-character segment (created_at in microseconds, 16
     * digits, then the id's 32 hex digits). A reply to the deepest level takes its
     * place among that level chronologically, as it is shown. Collation "C", so
     * keys compare byte by byte; keyset pages of a thread read (post_id, sort_key).
     */
    sortKey: text('sort_key').notNull().default(''),
  },
  (table) => [
    index('replies_post_sort_idx').on(table.postId, table.sortKey),
    index('replies_post_created_idx').on(table.postId, table.createdAt, table.id),
    index('replies_author_idx').on(table.authorId),
    // A reply's answers: whether a hidden reply still shows (a visible one below it) walks down by parent.
    index('replies_parent_idx').on(table.parentId),
    uniqueIndex('replies_automatic_once_key').on(table.postId).where(sql`${table.automatic}`),
    index('replies_search_idx').using('gin', table.search),
    // Search walks this newest first for a common word, stopping at its candidates (search/queries.ts).
    index('replies_created_idx').on(table.createdAt),
  ],
);

/**
 * The alias an anonymous author goes by in one thread: stable within the thread,
 * different across threads, unique within the thread.
 */
export const threadAliases = pgTable(
  'thread_aliases',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (table) => [primaryKey({ columns: [table.postId, table.userId] }), uniqueIndex('thread_aliases_alias_key').on(table.postId, table.alias)],
);

/** Earlier versions of edited content, for staff only. */
export const revisions = pgTable(
  'revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contentType: contentType('content_type').notNull(),
    contentId: uuid('content_id').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    contentWarning: text('content_warning'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('revisions_content_idx').on(table.contentType, table.contentId)],
);

export const reactions = pgTable(
  'reactions',
  {
    contentType: contentType('content_type').notNull(),
    contentId: uuid('content_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: reactionKind('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.contentType, table.contentId, table.userId, table.kind] })],
);

export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.blockerId, table.blockedId] }), index('blocks_blocked_idx').on(table.blockedId)],
);

export const muteTarget = pgEnum('mute_target', ['post', 'group']);

export const mutes = pgTable(
  'mutes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetType: muteTarget('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.targetType, table.targetId] })],
);

/** Every time staff look behind an anonymous alias: who, whom, when and why. */
export const anonymityReveals = pgTable('anonymity_reveals', {
  id: uuid('id').primaryKey().defaultRandom(),
  staffId: uuid('staff_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  contentType: contentType('content_type').notNull(),
  contentId: uuid('content_id').notNull(),
  revealedUserId: uuid('revealed_user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  reason: text('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
