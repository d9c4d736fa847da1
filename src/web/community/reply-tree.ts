import type { Reply } from '../../shared/api/community.js';

/**
 * A reply and the replies under it; or, with `reply` null, a stand-in for
 * earlier replies not loaded (a page opened in the middle), so that what hangs
 * under them still shows at its own depth.
 */
export interface ReplyNode {
  reply: Reply | null;
  children: ReplyNode[];
}

/**
 * Replies as a tree, in the server's reading order (depth-first, parents
 * before children, each level oldest first), which is kept as it comes:
 * - a reply goes under its parent; a reply to a reply at the deepest level has
 *   that same depth and goes beside its parent (where the server puts it);
 * - a reply whose parent comes before the loaded pages (only possible while
 *   no shallower reply has come yet) shows at its own depth, under stand-ins;
 * - a reply whose parent is hidden from the reader (a blocked member's) joins
 *   the top level, so it is never shown as answering someone else.
 */
export function buildReplyTree(replies: Reply[]): ReplyNode[] {
  const roots: ReplyNode[] = [];
  const placed = new Map<string, { node: ReplyNode; depth: number; siblings: ReplyNode[] }>();
  // Stand-ins for the unloaded replies above the first loaded ones, by depth.
  const standIns: ReplyNode[] = [];
  let shallowest = Infinity;

  const standInChildren = (depth: number): ReplyNode[] => {
    if (depth < 0) return roots;
    let standIn = standIns[depth];
    if (!standIn) {
      standIn = { reply: null, children: [] };
      standInChildren(depth - 1).push(standIn);
      standIns[depth] = standIn;
    }
    return standIn.children;
  };

  for (const reply of replies) {
    const node: ReplyNode = { reply, children: [] };
    const parent = reply.parentId ? placed.get(reply.parentId) : undefined;
    let siblings: ReplyNode[];
    if (reply.parentId === null) siblings = roots;
    else if (parent) siblings = parent.depth < reply.depth ? parent.node.children : parent.siblings;
    // Depth-first order: an unloaded parent comes before the pages loaded, which holds only while every reply so far is at least as deep.
    else if (reply.depth <= shallowest) siblings = standInChildren(reply.depth - 1);
    else siblings = roots;
    siblings.push(node);
    placed.set(reply.id, { node, depth: reply.depth, siblings });
    shallowest = Math.min(shallowest, reply.depth);
  }
  return roots;
}
