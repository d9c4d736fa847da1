import { describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api/community.js';
import { buildReplyTree, type ReplyNode } from './reply-tree.js';

function reply(id: string, parentId: string | null, depth: number): Reply {
  return {
    id,
    heldReason: null,
    parentId,
    depth,
    author: { kind: 'anonymous', alias: 'Quiet Heron', isYou: false },
    bodyHtml: '<p>hello</p>',
    body: 'hello',
    contentWarning: null,
    contentWarningTopics: [],
    status: 'visible',
    createdAt: '2026-01-01T00:00:00.000Z',
    edited: false,
    reactions: { mine: [], counts: null, reactors: null },
  };
}

/** The tree as text: ids, '…' for a stand-in of earlier replies, children in brackets. */
function shape(nodes: ReplyNode[]): string {
  return nodes
    .map((node) => `${node.reply?.id ?? '…'}${node.children.length > 0 ? `[${shape(node.children)}]` : ''}`)
    .join(' ');
}

describe('buildReplyTree', () => {
  it('nests replies under their parents, in the reading order the server gives', () => {
    const tree = buildReplyTree([
      reply('a', null, 0),
      reply('b', 'a', 1),
      reply('d', 'b', 2),
      reply('e', 'a', 1),
      reply('c', null, 0),
    ]);
    expect(shape(tree)).toBe('a[b[d] e] c');
  });

  it('puts a reply to a reply at the deepest level beside its parent, not under it', () => {
    const tree = buildReplyTree([
      reply('a', null, 0),
      reply('b', 'a', 1),
      reply('c', 'b', 2),
      reply('d', 'c', 3),
      reply('e', 'd', 3),
      reply('f', 'c', 3),
      reply('g', 'e', 3),
    ]);
    expect(shape(tree)).toBe('a[b[c[d e f g]]]');
  });

  it('shows replies of a page opened in the middle at their own depth when their parents are on earlier pages', () => {
    // The page starts inside a conversation: x's parent (depth 1) and grandparent (depth 0) are not loaded.
    const tree = buildReplyTree([
      reply('x', 'p1', 2),
      reply('y', 'x', 3),
      reply('z', 'p1', 2),
      reply('w', 'p0', 1),
      reply('v', 'w', 2),
      reply('n', null, 0),
      reply('m', 'n', 1),
    ]);
    expect(shape(tree)).toBe('…[…[x[y] z] w[v]] n[m]');
  });

  it('keeps a reply whose parent is hidden from the reader (a blocked member’s) at the top level', () => {
    const tree = buildReplyTree([reply('a', null, 0), reply('b', 'a', 1), reply('x', 'hidden', 1), reply('y', 'x', 2)]);
    expect(shape(tree)).toBe('a[b] x[y]');
  });
});
