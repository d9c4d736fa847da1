import type { Reply } from '../../shared/api/community.js';
import type { ThreadPages } from './thread-pages.js';

/**
 * Live changes to a thread's loaded pages (the server's `thread:<id>` events,
 * presented for this reader). A new reply is the newest of its level, so in
 * the reading order (depth-first, each level oldest first) it comes right
 * after the last reply under the reply it sits under: its parent, or for a
 * reply to the deepest level, that parent's own parent, which it sits beside.
 * It lands there when that place is on the loaded pages; otherwise (its place
 * lies beyond the pages loaded, or under a reply this reader is not shown) it
 * is counted as a new reply the reader can open.
 */
export function placeNewReply(data: ThreadPages, reply: Reply): ThreadPages | null {
  const flat = data.pages.flatMap((page, pageIndex) => page.replies.map((entry, index) => ({ entry, pageIndex, index })));
  if (flat.some(({ entry }) => entry.id === reply.id)) return data;
  const lastPage = data.pages[data.pages.length - 1];
  const endLoaded = lastPage !== undefined && lastPage.nextCursor === null;
  // The depth of the reply it sits under: everything deeper after the parent is still that reply's subtree.
  const containerDepth = reply.depth - 1;
  let from = 0;
  if (reply.parentId !== null) {
    const parent = flat.findIndex(({ entry }) => entry.id === reply.parentId);
    if (parent < 0) return null;
    from = parent + 1;
  } else if (!endLoaded) {
    return null;
  }
  for (let at = from; at < flat.length; at++) {
    if (reply.parentId !== null && flat[at]!.entry.depth <= containerDepth) return insertAt(data, flat[at]!.pageIndex, flat[at]!.index, reply);
  }
  if (!endLoaded) return null;
  const pageIndex = data.pages.length - 1;
  return insertAt(data, pageIndex, data.pages[pageIndex]!.replies.length, reply);
}

function insertAt(data: ThreadPages, pageIndex: number, index: number, reply: Reply): ThreadPages {
  return {
    ...data,
    pages: data.pages.map((page, at) => (at === pageIndex ? { ...page, replies: [...page.replies.slice(0, index), reply, ...page.replies.slice(index)] } : page)),
  };
}

/** The reply as the server now presents it to this reader, where it is loaded. */
export function replaceReply(data: ThreadPages, reply: Reply): ThreadPages {
  return { ...data, pages: data.pages.map((page) => ({ ...page, replies: page.replies.map((entry) => (entry.id === reply.id ? reply : entry)) })) };
}

/** A reply this reader is no longer shown. */
export function dropReply(data: ThreadPages, replyId: string): ThreadPages {
  return { ...data, pages: data.pages.map((page) => ({ ...page, replies: page.replies.filter((entry) => entry.id !== replyId) })) };
}

export function hasReply(data: ThreadPages | undefined, replyId: string): boolean {
  return data?.pages.some((page) => page.replies.some((entry) => entry.id === replyId)) ?? false;
}
