import type { InfiniteData } from '@tanstack/react-query';
import type { Post, Reply } from '../../shared/api/community.js';

/**
 * Where a page of a thread starts: the head (the post and its first replies,
 * the page starting at reply `at`, or the page starting at place `from`), or
 * the replies after / just before a cursor the server gave with an earlier
 * page. The server gives a "before" page no next cursor, so a refetch, which
 * reads the pages again from the first one loaded, goes on after it from the
 * PLACE it came before (its cursor, as `from`), not from a reply: the reply
 * that followed it may since have been removed, and a deep link to a reply the
 * reader is no longer shown opens the thread's first page.
 */
export type ThreadPageParam =
  | { kind: 'head'; at: string | undefined; from?: string }
  | { kind: 'after'; cursor: string }
  | { kind: 'before'; cursor: string };

/** The page after `last` in reading order, if any. */
export function nextPageParam(last: ThreadPage, lastParam: ThreadPageParam): ThreadPageParam | undefined {
  if (last.nextCursor) return { kind: 'after', cursor: last.nextCursor };
  if (lastParam.kind === 'before') return { kind: 'head', at: undefined, from: lastParam.cursor };
  return undefined;
}

/** The page just before `first`, if any. */
export function previousPageParam(first: ThreadPage): ThreadPageParam | undefined {
  return first.prevCursor ? { kind: 'before', cursor: first.prevCursor } : undefined;
}

/** One page as the web app keeps it: every page has the same shape; only the head carries the post and the anchor. */
export interface ThreadPage {
  post: Post | null;
  replies: Reply[];
  nextCursor: string | null;
  prevCursor: string | null;
  anchor: string | null;
}

export type ThreadPages = InfiniteData<ThreadPage, ThreadPageParam>;

/** What the thread page shows of the pages loaded so far. */
export interface LoadedThread {
  post: Post;
  /** In the server's reading order, each once. */
  replies: Reply[];
  /** The reply the thread was opened at (a deep link, or the newest), when the reader is shown it. */
  anchor: string | null;
  /** Every reply of the thread is loaded: no page before the first nor after the last. */
  complete: boolean;
}

export function loadedThread(data: InfiniteData<ThreadPage, unknown> | undefined): LoadedThread | undefined {
  const head = data?.pages.find((page) => page.post !== null);
  if (!data || !head?.post) return undefined;
  const seen = new Set<string>();
  const replies: Reply[] = [];
  for (const page of data.pages) {
    for (const reply of page.replies) {
      // A reply written between two page loads can move across a page's edge: it is shown once.
      if (seen.has(reply.id)) continue;
      seen.add(reply.id);
      replies.push(reply);
    }
  }
  const first = data.pages[0];
  const last = data.pages[data.pages.length - 1];
  return { post: head.post, replies, anchor: head.anchor, complete: first?.prevCursor === null && last?.nextCursor === null };
}

/** The same pages with the post and each reply passed through `change` (an optimistic reaction, an edit). */
export function mapThreadPages(
  data: ThreadPages,
  change: { post?: (post: Post) => Post; reply?: (reply: Reply) => Reply },
): ThreadPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      post: page.post && change.post ? change.post(page.post) : page.post,
      replies: change.reply ? page.replies.map(change.reply) : page.replies,
    })),
  };
}

/** The newest of the replies given (by when it was written), for "Jump to newest" on a thread loaded whole. */
export function newestReply(replies: Reply[]): Reply | undefined {
  let newest: Reply | undefined;
  for (const reply of replies) if (!newest || reply.createdAt > newest.createdAt) newest = reply;
  return newest;
}
