import { describe, expect, it } from 'vitest';
import type { Post, Reply } from '../../shared/api/community.js';
import { dropReply, placeNewReply, replaceReply } from './live-thread.js';
import type { ThreadPage, ThreadPages } from './thread-pages.js';

const post = { id: 'p' } as unknown as Post;
const reply = (id: string, depth = 0, parentId: string | null = null, body = id): Reply => ({ id, depth, parentId, body }) as unknown as Reply;
const page = (replies: Reply[], next: string | null = null, head = false): ThreadPage => ({ post: head ? post : null, replies, prevCursor: null, nextCursor: next, anchor: null });
const pages = (...list: ThreadPage[]): ThreadPages => ({ pages: list, pageParams: list.map(() => ({ kind: 'head' as const, at: undefined })) });
const ids = (data: ThreadPages | null) => data?.pages.map((p) => p.replies.map((r) => r.id));

describe('placeNewReply', () => {
  // a
  //   a1
  //     a11
  //       a111
  // b
  const loaded = pages(page([reply('a'), reply('a1', 1, 'a'), reply('a11', 2, 'a1')], 'x', true), page([reply('a111', 3, 'a11'), reply('b')]));

  it('puts an answer after the last reply under its parent, on the page holding that place', () => {
    expect(ids(placeNewReply(loaded, reply('a2', 1, 'a')))).toEqual([['a', 'a1', 'a11'], ['a111', 'a2', 'b']]);
    expect(ids(placeNewReply(loaded, reply('a12', 2, 'a1')))).toEqual([['a', 'a1', 'a11'], ['a111', 'a12', 'b']]);
    // An answer to the deepest level sits beside its parent, after the last of them.
    expect(ids(placeNewReply(loaded, reply('a112', 3, 'a111')))).toEqual([['a', 'a1', 'a11'], ['a111', 'a112', 'b']]);
  });

  it('appends a reply to the post when the thread’s end is loaded, and counts it as new when it is not', () => {
    expect(ids(placeNewReply(loaded, reply('c')))).toEqual([['a', 'a1', 'a11'], ['a111', 'b', 'c']]);
    const firstPageOnly = pages(page([reply('a'), reply('b')], 'x', true));
    expect(placeNewReply(firstPageOnly, reply('c'))).toBeNull();
    // Under the last loaded reply with more pages to come: its place may be beyond them.
    expect(placeNewReply(firstPageOnly, reply('b1', 1, 'b'))).toBeNull();
    // Under a reply not loaded (or not shown to this reader).
    expect(placeNewReply(loaded, reply('z1', 1, 'z'))).toBeNull();
  });

  it('leaves a reply already loaded where it is', () => {
    expect(placeNewReply(loaded, reply('b'))).toBe(loaded);
  });
});

describe('replaceReply and dropReply', () => {
  it('change or take away the reply wherever it is loaded', () => {
    const edited = replaceReply(loaded(), reply('b', 0, null, 'edited'));
    expect(edited.pages[1]!.replies[0]!.body).toBe('edited');
    expect(ids(dropReply(loaded(), 'a'))).toEqual([[], ['b']]);
  });
});

function loaded() {
  return pages(page([reply('a')], 'x', true), page([reply('b')]));
}
