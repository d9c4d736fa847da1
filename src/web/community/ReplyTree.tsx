import { ReplyItem } from './ReplyItem.js';
import type { ReplyNode } from './reply-tree.js';

/** Threaded replies: nested lists, indented a little per level (capped on phones by CSS). */
export function ReplyTree({ nodes, nested = false }: { nodes: ReplyNode[]; nested?: boolean }) {
  return (
    <ol className={`reply-list${nested ? ' reply-list--nested' : ''}`}>
      {nodes.map((node) => (
        <li key={node.reply.id} className="reply-list__item">
          <ReplyItem reply={node.reply} />
          {node.children.length > 0 ? <ReplyTree nodes={node.children} nested /> : null}
        </li>
      ))}
    </ol>
  );
}
