import type { Reply, ThreadRepliesResponse, ThreadResponse } from '../../../shared/api/community.js';
import type { Deps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { postPolicy } from './policies.js';
import { reactorsHiddenFrom } from './blocked-reactors.js';
import { placeOf, sealCursor } from './thread-cursor.js';
import { presentPost, presentPostPlaceholder, presentReactions, presentReply, presentReplyPlaceholder, type Viewer } from './presenters.js';
import type { ThreadHead } from './queries.js';
import { findNewestReplies, findReplyBatch, findReplyInThread, findThreadPageHead, NEWEST, type BatchRequest, type PageReply } from './thread-queries.js';
import { isStaffRole } from './visibility.js';
import { withWriterExtras, type WriteContext } from './writer-extras.js';

/**
 * Paged threads. A page holds up to `limit` replies THIS reader is shown, in
 * reading order. Replies they are not shown (held or removed with nothing shown
 * below, a blocked member's under their handle) are skipped by reading further
 * batches, and every cursor is the key of a reply they are shown, set only when
 * another reply they are shown lies beyond it: neither a cursor nor a short or
 * empty last page tells anyone that a hidden reply exists. Cursors go out
 * sealed and come in opened (thread-cursor.ts): a reader sees no key.
 */

type ReadDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** Rows read per batch beyond the page and the one that says "more": most threads hide nothing, so one batch fills a page. */
const BATCH_SLACK = 5;

const viewerOf = (auth: AuthContext): Viewer => ({ id: auth.user.id, isStaff: isStaffRole(auth.user.role) });

/** Whether this reader is shown the reply at all (as itself or as a placeholder). */
function isShownTo(row: PageReply, auth: AuthContext): boolean {
  return postPolicy.replyView(row.reply, row.shown, auth) !== 'none' && !postPolicy.hiddenByBlock({ blocked: row.blocked, anonymous: row.reply.anonymous }, auth);
}

/** After the key K: K itself sorts before `K0`, and every key after K sorts at or after it (keys are [0-9a-f]). */
const justAfter = (key: string) => `${key}0`;

/**
 * Fills a page of up to `limit` replies shown to the reader from `first`, then
 * further batches in the same direction. `more`: a shown reply lies beyond.
 */
async function fill(deps: ReadDeps, auth: AuthContext, postId: string, request: BatchRequest, first: PageReply[], limit: number) {
  const kept: PageReply[] = [];
  let rows = first;
  for (;;) {
    for (const row of rows) {
      if (!isShownTo(row, auth)) continue;
      kept.push(row);
      if (kept.length > limit) return { items: kept.slice(0, limit), more: true };
    }
    const last = rows.at(-1);
    if (rows.length < request.size || !last) return { items: kept, more: false };
    const from = request.direction === 'after' ? justAfter(last.reply.sortKey) : last.reply.sortKey;
    rows = await findReplyBatch(deps.db, postId, auth.user.id, { ...request, from });
  }
}

/** Whether the reader is shown any reply before `key`. */
async function shownBefore(deps: ReadDeps, auth: AuthContext, postId: string, key: string): Promise<boolean> {
  const request: BatchRequest = { direction: 'before', from: key, size: 1 + BATCH_SLACK };
  const { more } = await fill(deps, auth, postId, request, await findReplyBatch(deps.db, postId, auth.user.id, request), 0);
  return more;
}

/** The newest reply (by when it was written) this reader is shown. */
async function newestShown(deps: ReadDeps, auth: AuthContext, postId: string): Promise<PageReply | undefined> {
  const size = 1 + BATCH_SLACK;
  let olderThan = NEWEST;
  for (;;) {
    const rows = await findNewestReplies(deps.db, postId, auth.user.id, olderThan, size);
    const found = rows.find((row) => isShownTo(row, auth));
    const last = rows.at(-1);
    if (found || rows.length < size || !last) return found;
    olderThan = { createdAt: last.createdAtText, id: last.reply.id };
  }
}

/** The reply a deep link opens at, when this reader is shown it; otherwise nothing, exactly as for an id that never existed. */
async function anchorFor(deps: ReadDeps, auth: AuthContext, postId: string, at: string | undefined): Promise<PageReply | undefined> {
  if (at === undefined) return undefined;
  if (at === 'newest') return newestShown(deps, auth, postId);
  const row = await findReplyInThread(deps.db, postId, at, auth.user.id);
  return row && isShownTo(row, auth) ? row : undefined;
}

/** Reads the head and a first batch, refusing a thread this reader may not read (404 'That post', as for one that never existed). */
async function readableHead(deps: ReadDeps, auth: AuthContext, postId: string, first: BatchRequest) {
  const found = await findThreadPageHead(deps.db, postId, auth.user.id, first);
  if (!found || !postPolicy.canReadThread(found.head, auth)) throw notFound('That post');
  return found;
}

async function presentPageReplies(deps: ReadDeps, rows: PageReply[], head: ThreadHead, auth: AuthContext): Promise<Reply[]> {
  const viewer = viewerOf(auth);
  const hidden = await reactorsHiddenFrom(deps.db, auth.user.id, rows.map(({ reply, reactions }) => ({ authorId: reply.authorId, reactions })));
  return rows.map(({ reply, authorHandle, authorRole, alias, shown, reactions }) =>
    postPolicy.replyView(reply, shown, auth) === 'placeholder'
      ? presentReplyPlaceholder(reply)
      : presentReply(
          reply,
          { authorId: reply.authorId, anonymous: reply.anonymous, handle: authorHandle, role: authorRole, alias },
          presentReactions(reactions, reply.authorId, viewer, head.group.showReactionCounts, hidden),
          viewer,
        ),
  );
}

export interface ThreadPageQuery {
  limit: number;
  at?: string | undefined;
  /** A place (a sort key): the page starting there, inclusive. */
  from?: string | undefined;
}

/**
 * The head post and a page of replies: the first page, or with `at` the page
 * starting at that reply (a deep link, or `newest`: the newest reply the reader
 * is shown), or with `from` the page starting at that place, with
 * `prevCursor` when they are shown replies before it.
 */
export async function getThreadPage(deps: ReadDeps, auth: AuthContext, postId: string, query: ThreadPageQuery, context?: WriteContext): Promise<ThreadResponse> {
  const secret = deps.config.secrets.sessionSecret;
  const from = query.from === undefined ? undefined : placeOf(secret, postId, 'from', query.from);
  const anchor = await anchorFor(deps, auth, postId, query.at);
  const start = anchor?.reply.sortKey ?? from;
  const request: BatchRequest = { direction: 'after', from: start ?? '', size: query.limit + 1 + BATCH_SLACK };
  const { head, postReactions, batch } = await readableHead(deps, auth, postId, request);
  const page = await fill(deps, auth, postId, request, batch, query.limit);
  const group = { id: head.group.id, slug: head.group.slug, name: head.group.name };
  const post =
    postPolicy.postView(head.post, auth) === 'placeholder'
      ? presentPostPlaceholder(head.post, group, head.muted)
      : presentPost(
          { post: head.post, group, author: { authorId: head.post.authorId, anonymous: head.post.anonymous, handle: head.authorHandle, role: head.authorRole, alias: head.alias } },
          presentReactions(
            postReactions,
            head.post.authorId,
            viewerOf(auth),
            head.group.showReactionCounts,
            await reactorsHiddenFrom(deps.db, auth.user.id, [{ authorId: head.post.authorId, reactions: postReactions }]),
          ),
          head.muted,
          viewerOf(auth),
        );
  // From a place, the page's first reply is the nearest shown one: hidden replies between the two change nothing before it.
  const first = anchor?.reply.sortKey ?? (from === undefined ? undefined : (page.items[0]?.reply.sortKey ?? from));
  const prevCursor = first !== undefined && (await shownBefore(deps, auth, postId, first)) ? first : null;
  return withWriterExtras(
    deps,
    auth,
    {
      post,
      replies: await presentPageReplies(deps, page.items, head, auth),
      nextCursor: page.more ? sealCursor(secret, postId, page.items.at(-1)!.reply.sortKey) : null,
      prevCursor: prevCursor === null ? null : sealCursor(secret, postId, prevCursor),
      anchor: anchor?.reply.id ?? null,
    },
    context,
  );
}

export type RepliesPageQuery = { limit: number } & ({ after: string; before?: undefined } | { before: string; after?: undefined });

/**
 * A further page: the replies after `after` (nextCursor when more follow), or
 * those just before `before`, still in reading order (prevCursor when more come
 * before). Read as the thread is: 404 'That post' when the reader may not.
 */
export async function getThreadReplies(deps: ReadDeps, auth: AuthContext, postId: string, query: RepliesPageQuery, context?: WriteContext): Promise<ThreadRepliesResponse> {
  const size = query.limit + 1 + BATCH_SLACK;
  const secret = deps.config.secrets.sessionSecret;
  const request: BatchRequest =
    query.after !== undefined
      ? { direction: 'after', from: justAfter(placeOf(secret, postId, 'after', query.after)), size }
      : { direction: 'before', from: placeOf(secret, postId, 'before', query.before), size };
  const { head, batch } = await readableHead(deps, auth, postId, request);
  const page = await fill(deps, auth, postId, request, batch, query.limit);
  if (request.direction === 'after') {
    const replies = await presentPageReplies(deps, page.items, head, auth);
    const nextCursor = page.more ? sealCursor(secret, postId, page.items.at(-1)!.reply.sortKey) : null;
    return withWriterExtras(deps, auth, { replies, nextCursor, prevCursor: null }, context);
  }
  const items = page.items.reverse();
  const replies = await presentPageReplies(deps, items, head, auth);
  return withWriterExtras(deps, auth, { replies, nextCursor: null, prevCursor: page.more ? sealCursor(secret, postId, items[0]!.reply.sortKey) : null }, context);
}
