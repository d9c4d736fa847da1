import type { Author, Post, PostSummary, Reply, ReactionKind } from '../../../shared/api/community.js';
import { heldReasonFor, holdSourceOf } from '../moderation/automod-held.js';
import type { PostRow, ReactionRow, ReplyRow } from './queries.js';

/**
 * The only way posts and replies leave the server, over HTTP and WebSocket alike.
 * ANONYMITY INVARIANT: for anonymous content nothing here emits the author's id,
 * handle, role or any other stable identifier, whoever is asking; the alias is
 * per thread, and `isYou` is a boolean computed here. Staff see the real author
 * only through the logged reveal action (moderation module).
 */
export interface Viewer {
  id: string;
  isStaff: boolean;
}

export interface AuthorFacts {
  authorId: string;
  anonymous: boolean;
  handle: string;
  role: string;
  alias: string | null;
}

export function presentAuthor(facts: AuthorFacts, viewer: Viewer): Author {
  const isYou = facts.authorId === viewer.id;
  if (facts.anonymous) return { kind: 'anonymous', alias: facts.alias ?? 'Anonymous member', isYou };
  // Staff roles are shown so members know who speaks for the community; plain members carry no badge.
  const role = facts.role === 'member' ? null : facts.role;
  return { kind: 'member', id: facts.authorId, handle: facts.handle, isYou, role };
}

const REMOVED = new Set(['removed_by_author', 'removed_by_staff']);

/** The body a viewer may read: removed content is a placeholder for everyone. */
function readableBody(status: string, body: string, html: string) {
  return REMOVED.has(status) ? { body: null, bodyHtml: null } : { body, bodyHtml: html };
}

const NO_ONE_HIDDEN: ReadonlySet<string> = new Set();

export function presentReactions(
  rows: ReactionRow[],
  contentAuthorId: string,
  viewer: Viewer,
  groupShowsCounts: boolean,
  /** Reactors the viewer is not shown by name (a block either way: blocked-reactors.ts). */
  hiddenReactors: ReadonlySet<string> = NO_ONE_HIDDEN,
): Post['reactions'] {
  const mine = rows.filter((row) => row.userId === viewer.id).map((row) => row.kind as ReactionKind);
  const isAuthor = contentAuthorId === viewer.id;
  let counts: Record<string, number> | null = null;
  if (isAuthor || groupShowsCounts) {
    counts = {};
    for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  }
  return {
    mine,
    counts,
    reactors: isAuthor ? rows.filter((row) => !hiddenReactors.has(row.userId)).map((row) => ({ handle: row.handle, kind: row.kind as ReactionKind })) : null,
  };
}

export interface PostListing {
  post: PostRow;
  group: { id: string; slug: string; name: string };
  author: AuthorFacts;
}

export function presentPostSummary(listing: PostListing, viewer: Viewer): PostSummary {
  const { post } = listing;
  return {
    id: post.id,
    group: listing.group,
    author: presentAuthor(listing.author, viewer),
    title: REMOVED.has(post.status) ? 'Removed' : post.title,
    excerpt: REMOVED.has(post.status) ? '' : post.excerpt,
    contentWarning: post.contentWarning,
    contentWarningTopics: post.contentWarningTopics,
    mood: post.mood as PostSummary['mood'],
    status: post.status,
    replyCount: post.replyCount,
    needsReply: post.answeredAt === null && post.status === 'visible',
    createdAt: post.createdAt.toISOString(),
    lastActivityAt: post.lastActivityAt.toISOString(),
    edited: post.editedAt !== null,
  };
}

export function presentPost(listing: PostListing, reactions: Post['reactions'], muted: boolean, viewer: Viewer): Post {
  return {
    ...presentPostSummary(listing, viewer),
    ...readableBody(listing.post.status, listing.post.body, listing.post.bodyHtml),
    heldReason: listing.post.status === 'held' ? heldReasonFor(listing.post.heldBy) : null,
    // Held content is shown in full only to its author and staff (postView): they learn who holds it.
    ...(listing.post.status === 'held' ? { heldBy: holdSourceOf(listing.post.heldBy) } : {}),
    reactions,
    muted,
    locked: listing.post.lockedAt !== null,
    // Author only: the writer is told the warning was added for them, and that they can change it.
    ...(listing.post.autoContentWarning && listing.author.authorId === viewer.id ? { autoContentWarning: true as const } : {}),
  };
}

/** The title other members see of a post they see only as a placeholder (and the label of its mute). */
export const PLACEHOLDER_POST_TITLE = 'Post no longer available';

/**
 * A post other members see only as a placeholder (removed by its author or by
 * staff, or held for crisis review). Built from nothing but where it is, when,
 * and what its replies moved, so a held and a removed post come out the same:
 * no title, body, author or alias, mood, content warning, edit mark or
 * reactions. `muted` is the viewer's own choice, so it stays.
 */
export function presentPostPlaceholder(
  post: Pick<PostRow, 'id' | 'replyCount' | 'createdAt' | 'lastActivityAt'>,
  group: PostListing['group'],
  muted: boolean,
): Post {
  return {
    id: post.id,
    group,
    author: null,
    title: PLACEHOLDER_POST_TITLE,
    excerpt: '',
    contentWarning: null,
    contentWarningTopics: [],
    mood: null,
    status: 'unavailable',
    replyCount: post.replyCount,
    needsReply: false,
    createdAt: post.createdAt.toISOString(),
    lastActivityAt: post.lastActivityAt.toISOString(),
    edited: false,
    heldReason: null,
    body: null,
    bodyHtml: null,
    reactions: { mine: [], counts: null, reactors: null },
    muted,
    locked: false,
  };
}

export function presentReply(reply: ReplyRow, author: AuthorFacts, reactions: Reply['reactions'], viewer: Viewer): Reply {
  return {
    id: reply.id,
    heldReason: reply.status === 'held' ? heldReasonFor(reply.heldBy) : null,
    ...(reply.status === 'held' ? { heldBy: holdSourceOf(reply.heldBy) } : {}),
    parentId: reply.parentId,
    depth: reply.depth,
    author: presentAuthor(author, viewer),
    ...readableBody(reply.status, reply.body, reply.bodyHtml),
    // The warning staff chose when they released it from review: what everyone reads first.
    contentWarning: REMOVED.has(reply.status) ? null : reply.contentWarning,
    contentWarningTopics: REMOVED.has(reply.status) ? [] : reply.contentWarningTopics,
    status: reply.status,
    createdAt: reply.createdAt.toISOString(),
    edited: reply.editedAt !== null,
    reactions,
    // Everyone sees the Hearth Safety account's automatic reply labelled as such.
    ...(reply.automatic ? { automatic: true as const } : {}),
  };
}

/**
 * A reply other members see only as a placeholder (removed, or held for crisis
 * review, with shown replies under it). Built from nothing but where it sits and
 * when, so a held and a removed reply come out the same: no body, no author or
 * alias, no edit mark, no reactions.
 */
export function presentReplyPlaceholder(reply: Pick<ReplyRow, 'id' | 'parentId' | 'depth' | 'createdAt'>): Reply {
  return {
    id: reply.id,
    heldReason: null,
    parentId: reply.parentId,
    depth: reply.depth,
    author: null,
    body: null,
    bodyHtml: null,
    contentWarning: null,
    contentWarningTopics: [],
    status: 'unavailable',
    createdAt: reply.createdAt.toISOString(),
    edited: false,
    reactions: { mine: [], counts: null, reactors: null },
  };
}
