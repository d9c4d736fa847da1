import { describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api/community.js';
import { buildReplyTree } from './reply-tree.js';

function reply(id: string, parentId: string | null): Reply {
  return {
    id,
    heldReason: null,
    parentId,
    depth: 0,
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

describe('buildReplyTree', () => {
  it('nests replies under their parents, in the order they came', () => {
    const tree = buildReplyTree([
      reply('a', null),
      reply('b', 'a'),
      reply('c', null),
      reply('d', 'b'),
      reply('e', 'a'),
    ]);
    expect(tree.map((node) => node.reply.id)).toEqual(['a', 'c']);
    expect(tree[0]!.children.map((node) => node.reply.id)).toEqual(['b', 'e']);
    expect(tree[0]!.children[0]!.children.map((node) => node.reply.id)).toEqual(['d']);
  });

  it('keeps a reply whose parent is not shown (blocked, held) at the top level', () => {
    const tree = buildReplyTree([reply('x', 'hidden'), reply('y', 'x')]);
    expect(tree.map((node) => node.reply.id)).toEqual(['x']);
    expect(tree[0]!.children.map((node) => node.reply.id)).toEqual(['y']);
  });
});
