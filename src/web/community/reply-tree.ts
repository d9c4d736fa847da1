import type { Reply } from '../../shared/api/community.js';

export interface ReplyNode {
  reply: Reply;
  children: ReplyNode[];
}

/** Replies as a tree by parentId, in the order they came. A reply whose parent is not shown joins the top level. */
export function buildReplyTree(replies: Reply[]): ReplyNode[] {
  const nodes = new Map(replies.map((reply) => [reply.id, { reply, children: [] as ReplyNode[] }]));
  const roots: ReplyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.reply.parentId ? nodes.get(node.reply.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
