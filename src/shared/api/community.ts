import { z } from 'zod';
import { HOLD_SOURCES } from './moderation.js';
import { supportCardSchema } from './safety.js';
import { text } from './text.js';

/** Contracts of groups, posts, replies, reactions, feeds and search. */

export const TOPICS = [
  { id: 'anxiety', label: 'Anxiety and worry' },
  { id: 'depression', label: 'Low mood and depression' },
  { id: 'grief', label: 'Grief and loss' },
  { id: 'trauma', label: 'Trauma and PTSD' },
  { id: 'caregiving', label: 'Caring for someone' },
  { id: 'lgbtq', label: 'LGBTQ+ life' },
  { id: 'study', label: 'Studying and exams' },
  { id: 'chronic-illness', label: 'Chronic illness and pain' },
  { id: 'money', label: 'Job loss and money worries' },
  { id: 'loneliness', label: 'Loneliness' },
  { id: 'addiction', label: 'Addiction and recovery' },
  { id: 'parenting', label: 'Parenting' },
  { id: 'relationships', label: 'Relationships and family' },
  { id: 'self-harm', label: 'Self-harm' },
  { id: 'sleep', label: 'Sleep' },
] as const;
export const topicIdSchema = z.enum(TOPICS.map((topic) => topic.id) as [string, ...string[]]);

export const CONTENT_WARNING_TOPICS = [
  { id: 'self-harm', label: 'Self-harm' },
  { id: 'suicide', label: 'Suicide' },
  { id: 'abuse', label: 'Abuse' },
  { id: 'eating-disorders', label: 'Eating disorders' },
  { id: 'substance-use', label: 'Substance use' },
  { id: 'death', label: 'Death' },
  { id: 'violence', label: 'Violence' },
] as const;
export const contentWarningTopicSchema = z.enum(CONTENT_WARNING_TOPICS.map((topic) => topic.id) as [string, ...string[]]);
export const contentWarningPreferenceSchema = z.enum(['hide', 'collapse', 'show']);

export const MOODS = ['struggling', 'low', 'okay', 'good', 'hopeful'] as const;
export const moodSchema = z.enum(MOODS);

export const REACTIONS = [
  { id: 'hug', label: 'Hug' },
  { id: 'me_too', label: 'Me too' },
  { id: 'strength', label: 'Sending strength' },
  { id: 'thanks', label: 'Thank you' },
] as const;
export const reactionKindSchema = z.enum(['hug', 'me_too', 'strength', 'thanks']);
export type ReactionKind = z.infer<typeof reactionKindSchema>;

export const groupRoleSchema = z.enum(['member', 'moderator', 'facilitator']);
export const groupVisibilitySchema = z.enum(['public', 'private']);

// ---------- groups ----------

export const groupSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  rules: z.string(),
  tags: z.array(z.string()),
  visibility: groupVisibilitySchema,
  showReactionCounts: z.boolean(),
  archived: z.boolean(),
  memberCount: z.number().int(),
  /** The viewer's membership: null when not a member. */
  membership: z.object({ role: groupRoleSchema, status: z.enum(['active', 'pending']) }).nullable(),
});
export type Group = z.infer<typeof groupSchema>;

export const createGroupRequestSchema = z.strictObject({
  slug: text().trim().min(3).max(48).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'may use lower-case letters, digits and single dashes'),
  name: text().trim().min(3).max(80),
  description: text().trim().min(10).max(500),
  rules: text().trim().min(10).max(5000),
  tags: z.array(topicIdSchema).max(8).default([]),
  visibility: groupVisibilitySchema.default('public'),
  showReactionCounts: z.boolean().default(false),
});

export const updateGroupRequestSchema = z.strictObject({
  name: text().trim().min(3).max(80).optional(),
  description: text().trim().min(10).max(500).optional(),
  rules: text().trim().min(10).max(5000).optional(),
  tags: z.array(topicIdSchema).max(8).optional(),
  visibility: groupVisibilitySchema.optional(),
  showReactionCounts: z.boolean().optional(),
  archived: z.boolean().optional(),
});

export const joinGroupRequestSchema = z.strictObject({
  /** Joining means accepting the group's rules. */
  acceptRules: z.literal(true, 'You need to accept the group rules to join.'),
  message: text().trim().max(500).optional(),
});

// ---------- authors and content ----------

/** How an author appears. An anonymous author carries no id or handle, ever. */
export const authorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), id: z.uuid(), handle: z.string(), isYou: z.boolean(), role: z.string().nullable() }),
  z.object({ kind: z.literal('anonymous'), alias: z.string(), isYou: z.boolean() }),
]);
export type Author = z.infer<typeof authorSchema>;

export const reactionSummarySchema = z.object({
  /** The viewer's own reactions. */
  mine: z.array(reactionKindSchema),
  /** Counts: for the author always; for others only when the group shows counts. */
  counts: z.record(z.string(), z.number().int()).nullable(),
  /** Who reacted: only for the author. */
  reactors: z.array(z.object({ handle: z.string(), kind: reactionKindSchema })).nullable(),
});

const contentStatusSchema = z.enum(['visible', 'held', 'removed_by_author', 'removed_by_staff']);
/**
 * A reply's status, and that of a thread's post, adds `unavailable`: what other
 * members see of removed or held content kept as a placeholder (a reply for the
 * replies under it, a post for its thread). One status for both, so a
 * placeholder never tells them which it is. Feeds list no placeholders.
 */
const placeholderStatusSchema = z.enum([...contentStatusSchema.options, 'unavailable']);

export const postSummarySchema = z.object({
  id: z.uuid(),
  group: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  author: authorSchema,
  title: z.string(),
  excerpt: z.string(),
  contentWarning: z.string().nullable(),
  contentWarningTopics: z.array(z.string()),
  mood: moodSchema.nullable(),
  status: contentStatusSchema,
  replyCount: z.number().int(),
  needsReply: z.boolean(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  edited: z.boolean(),
  /** Only in the author's own "Your posts" list: the durable support card, until folded. */
  supportCard: supportCardSchema.optional(),
});
export type PostSummary = z.infer<typeof postSummarySchema>;

/**
 * What the safety team decided about the viewer's own held content, in kind
 * words for them. Only ever in the author's own view.
 */
export const heldDecisionViewSchema = z.object({
  decision: z.enum(['released', 'kept', 'edit_requested']),
  message: z.string(),
  decidedAt: z.string(),
});
export type HeldDecisionView = z.infer<typeof heldDecisionViewSchema>;

/**
 * Fields only the author's own view carries (absent for everyone else, so other
 * members' and staff's views keep exactly their shape: a card or a decision on
 * a post would tell them it was flagged).
 */
const authorOnlyFields = {
  /** The durable support card, until the writer folds it away. */
  supportCard: supportCardSchema.optional(),
  /** The newest decision of the safety team about this content when it was held. */
  heldDecision: heldDecisionViewSchema.optional(),
};

/** Who holds held content (its author and staff only, the only ones who see it in full): the safety flow, a moderator, automod, or approval of a new member's post. */
const heldBySchema = z.enum(HOLD_SOURCES).optional();

export const replySchema = z.object({
  id: z.uuid(),
  /** Why content is held, for the only people who can see held content: its author and staff. */
  heldReason: z.string().nullable(),
  heldBy: heldBySchema,
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
  /** Null on an `unavailable` placeholder: it says nothing of who wrote it. */
  author: authorSchema.nullable(),
  bodyHtml: z.string().nullable(),
  body: z.string().nullable(),
  /** Set by staff when they release a held reply (members write none): shown first, folded by the member's preferences. */
  contentWarning: z.string().nullable(),
  contentWarningTopics: z.array(z.string()),
  status: placeholderStatusSchema,
  createdAt: z.string(),
  edited: z.boolean(),
  reactions: reactionSummarySchema,
  /** The Hearth Safety account's automatic first reply (present, and true, only on that reply). */
  automatic: z.literal(true).optional(),
  ...authorOnlyFields,
});
export type Reply = z.infer<typeof replySchema>;

export const postSchema = postSummarySchema.extend({
  /** Null on an `unavailable` placeholder: it says nothing of who wrote it. */
  author: authorSchema.nullable(),
  status: placeholderStatusSchema,
  heldReason: z.string().nullable(),
  heldBy: heldBySchema,
  bodyHtml: z.string().nullable(),
  body: z.string().nullable(),
  reactions: reactionSummarySchema,
  muted: z.boolean(),
  /** Locked by the moderators: the thread can be read but takes no new replies. */
  locked: z.boolean(),
  /** Author only: the self-harm and suicide content warning was added automatically (#chatsafe); editing it changes or removes it. */
  autoContentWarning: z.literal(true).optional(),
  ...authorOnlyFields,
});
export type Post = z.infer<typeof postSchema>;

// ---------- thread pages ----------

/** Replies a thread page carries unless the reader asks for another number. */
export const THREAD_PAGE_SIZE = 20;

/**
 * A place in a thread's reading order, given back by the server as
 * `nextCursor` / `prevCursor`: opaque base64url text the server sealed for one
 * thread (server/modules/posts/thread-cursor.ts), 70 to 166 characters. Always
 * the place of a reply the reader is shown, never of one hidden from them.
 */
export const threadCursorSchema = text().regex(/^[A-Za-z0-9_-]{70,166}$/, 'must be a cursor from an earlier page');

const threadPageLimit = z.coerce.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(THREAD_PAGE_SIZE);

/**
 * The first page of a thread: the post and its first replies in reading order
 * (depth-first, each level oldest first). `at` opens the page holding one reply
 * (a deep link) or the newest reply shown to the reader (`newest`); a reply the
 * reader is not shown opens the first page, as one that never existed would.
 * `from` opens the page starting at a place given with an earlier page.
 */
export const threadQuerySchema = z
  .strictObject({
    limit: threadPageLimit,
    at: z.union([z.literal('newest'), z.uuid('must be a reply id or "newest"')]).optional(),
    /**
     * The page starting at this place (a cursor), inclusive: how the web app
     * reads again the pages after one loaded with `before`, from a place
     * rather than a reply that may since have been removed. No anchor.
     */
    from: threadCursorSchema.optional(),
  })
  .refine((query) => query.at === undefined || query.from === undefined, { message: 'give at most one of at and from', path: ['from'] });

/** A further page of replies: those after `after`, or those just before `before` (exactly one of the two). */
export const threadRepliesQuerySchema = z
  .strictObject({ after: threadCursorSchema.optional(), before: threadCursorSchema.optional(), limit: threadPageLimit })
  .refine((query) => (query.after === undefined) !== (query.before === undefined), { message: 'give exactly one of after and before', path: ['after'] });

const threadPageFields = {
  /** More replies follow the last one here: ask for them with `after`. Null at the end of the thread. */
  nextCursor: z.string().nullable(),
  /** Replies come before the first one here (a page opened in the middle): ask for them with `before`. */
  prevCursor: z.string().nullable(),
};

export const threadResponseSchema = z.object({
  post: postSchema,
  replies: z.array(replySchema),
  ...threadPageFields,
  /** The reply the page was opened at (`at`), when the reader is shown it; the web app scrolls to it. */
  anchor: z.uuid().nullable(),
});
export type ThreadResponse = z.infer<typeof threadResponseSchema>;

export const threadRepliesResponseSchema = z.object({ replies: z.array(replySchema), ...threadPageFields });
export type ThreadRepliesResponse = z.infer<typeof threadRepliesResponseSchema>;

/** A write answers with the support card when the risk assessor asks for one (null otherwise). */
export const postWriteResponseSchema = threadResponseSchema.extend({ support: supportCardSchema.nullable() });
export type PostWriteResponse = z.infer<typeof postWriteResponseSchema>;
export const replyWriteResponseSchema = z.object({ reply: replySchema, support: supportCardSchema.nullable() });
export type ReplyWriteResponse = z.infer<typeof replyWriteResponseSchema>;

export const createPostRequestSchema = z.strictObject({
  title: text().trim().min(3, 'must be at least 3 characters').max(160),
  body: text().trim().min(1, 'is required').max(20_000),
  anonymous: z.boolean().optional(),
  contentWarning: text().trim().max(200).nullable().optional(),
  contentWarningTopics: z.array(contentWarningTopicSchema).max(7).default([]),
  mood: moodSchema.nullable().optional(),
});

export const updatePostRequestSchema = z.strictObject({
  title: text().trim().min(3).max(160).optional(),
  body: text().trim().min(1).max(20_000).optional(),
  contentWarning: text().trim().max(200).nullable().optional(),
  contentWarningTopics: z.array(contentWarningTopicSchema).max(7).optional(),
  mood: moodSchema.nullable().optional(),
});

export const createReplyRequestSchema = z.strictObject({
  body: text().trim().min(1, 'is required').max(10_000),
  parentId: z.uuid().nullable().optional(),
  anonymous: z.boolean().optional(),
});

export const updateReplyRequestSchema = z.strictObject({ body: text().trim().min(1).max(10_000) });

export const reactionRequestSchema = z.strictObject({ kind: reactionKindSchema });

// ---------- feeds and search ----------

export const feedQuerySchema = z.strictObject({
  sort: z.enum(['newest', 'active']).default('newest'),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const feedResponseSchema = z.object({ posts: z.array(postSummarySchema), nextCursor: z.string().nullable() });
export type FeedResponse = z.infer<typeof feedResponseSchema>;

export const searchQuerySchema = z.strictObject({
  q: text().trim().min(2, 'must be at least 2 characters').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A snippet as parts, so the client highlights matches without rendering HTML. */
export const snippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));

export const searchResponseSchema = z.object({
  results: z.array(
    z.object({
      type: z.enum(['post', 'reply']),
      postId: z.uuid(),
      replyId: z.uuid().nullable(),
      title: z.string(),
      group: z.object({ slug: z.string(), name: z.string() }),
      author: authorSchema,
      contentWarning: z.string().nullable(),
      contentWarningTopics: z.array(z.string()),
      snippet: snippetSchema,
      createdAt: z.string(),
      rank: z.number(),
    }),
  ),
  groups: z.array(z.object({ slug: z.string(), name: z.string(), description: z.string(), snippet: snippetSchema })),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

// ---------- settings, blocks, mutes ----------

export const communitySettingsSchema = z.object({
  anonymousByDefault: z.boolean(),
  contentWarningPreferences: z.record(z.string(), contentWarningPreferenceSchema),
  topics: z.array(z.string()),
  onboarded: z.boolean(),
});
export type CommunitySettings = z.infer<typeof communitySettingsSchema>;

export const updateCommunitySettingsRequestSchema = z
  .strictObject({
    anonymousByDefault: z.boolean().optional(),
    contentWarningPreferences: z.partialRecord(contentWarningTopicSchema, contentWarningPreferenceSchema).optional(),
    topics: z.array(topicIdSchema).max(TOPICS.length).optional(),
    onboarded: z.boolean().optional(),
  })
  .refine((settings) => Object.keys(settings).length > 0, 'Nothing to change: send at least one setting.');

export const blockedMemberSchema = z.object({ id: z.uuid(), handle: z.string(), blockedAt: z.string() });
export const muteSchema = z.object({
  targetType: z.enum(['post', 'group']),
  targetId: z.uuid(),
  label: z.string(),
  mutedAt: z.string(),
});
