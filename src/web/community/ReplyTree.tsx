import { ReplyItem } from './ReplyItem.js';
import type { ReplyNode } from './reply-tree.js';

/**
 * Threaded replies: nested lists, indented a little per level (capped on phones
 * by CSS). A stand-in for earlier replies not loaded is only the indent.
 */
export function ReplyTree({ nodes, nested = false }: { nodes: ReplyNode[]; nested?: boolean }) {
  return (
    <ol className={`reply-list${nested ? ' reply-list--nested' : ''}`}>
      {nodes.map((node, index) => (
        <li key={node.reply?.id ?? `earlier-${index}`} className={`reply-list__item${node.reply ? '' : ' reply-list__item--earlier'}`}>
          {node.reply ? <ReplyItem reply={node.reply} /> : null}
          {node.children.length > 0 ? <ReplyTree nodes={node.children} nested /> : null}
        </li>
      ))}
    </ol>
  );
}
