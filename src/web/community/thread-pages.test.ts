import { describe, expect, it } from 'vitest';
import type { Post, Reply } from '../../shared/api/community.js';
import { loadedThread, mapThreadPages, newestReply, nextPageParam, previousPageParam, type ThreadPage, type ThreadPages } from './thread-pages.js';

const post = { id: 'p', title: 'A post', reactions: { mine: [], counts: null, reactors: null } } as unknown as Post;

function reply(id: string, createdAt = '2026-01-01T00:00:00.000Z'): Reply {
  return { id, createdAt, reactions: { mine: [], counts: { hug: 1 }, reactors: null } } as unknown as Reply;
}

function page(replies: Reply[], cursors: { prev?: string; next?: string } = {}, head = false): ThreadPage {
  return { post: head ? post : null, replies, prevCursor: cursors.prev ?? null, nextCursor: cursors.next ?? null, anchor: head ? 'b' : null };
}

describe('loadedThread', () => {
  it('joins the pages in order, each reply once, with the post and anchor of the head page wherever it is', () => {
    const data: ThreadPages = {
      pages: [page([reply('a')], { next: 'x' }), page([reply('a'), reply('b'), reply('c')], { prev: 'y', next: 'z' }, true)],
      pageParams: [{ kind: 'before', cursor: 'y' }, { kind: 'head', at: 'b' }],
    };
    const thread = loadedThread(data)!;
    expect(thread.post).toBe(post);
    expect(thread.replies.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(thread.anchor).toBe('b');
    expect(thread.complete).toBe(false);
  });

  it('says the thread is complete only when no page comes before the first nor after the last', () => {
    const whole: ThreadPages = { pages: [page([reply('a')], {}, true)], pageParams: [{ kind: 'head', at: undefined }] };
    expect(loadedThread(whole)!.complete).toBe(true);
    const opened: ThreadPages = { pages: [page([reply('a')], { prev: 'c' }, true)], pageParams: [{ kind: 'head', at: 'a' }] };
    expect(loadedThread(opened)!.complete).toBe(false);
  });
});

describe('mapThreadPages', () => {
  it('changes a reply on whichever page holds it and leaves the others', () => {
    const data: ThreadPages = {
      pages: [page([reply('a')], { next: 'x' }, true), page([reply('b')])],
      pageParams: [{ kind: 'head', at: undefined }, { kind: 'after', cursor: 'x' }],
    };
    const changed = mapThreadPages(data, { reply: (r) => (r.id === 'b' ? { ...r, edited: true } : r) });
    expect(changed.pages[1]!.replies[0]).toMatchObject({ id: 'b', edited: true });
    expect(changed.pages[0]!.replies[0]).toBe(data.pages[0]!.replies[0]);
    expect(changed.pages[0]!.post).toBe(post);
  });
});

describe('newestReply', () => {
  it('is the one written last, wherever it sits in reading order', () => {
    expect(newestReply([reply('a', '2026-01-01T10:00:00.000Z'), reply('b', '2026-01-03T10:00:00.000Z'), reply('c', '2026-01-02T10:00:00.000Z')])?.id).toBe('b');
  });
});

describe('page params', () => {
  it('reads on after a cursor, and back before the first reply of the first page', () => {
    expect(nextPageParam(page([reply('a')], { next: 'k1' }), { kind: 'head', at: undefined })).toEqual({ kind: 'after', cursor: 'k1' });
    expect(nextPageParam(page([reply('a')]), { kind: 'after', cursor: 'k0' })).toBeUndefined();
    expect(previousPageParam(page([reply('m'), reply('n')], { prev: 'k2' }))).toEqual({ kind: 'before', cursor: 'k2' });
    expect(previousPageParam(page([reply('a')]))).toBeUndefined();
  });

  it('goes on after an earlier page (no next cursor from the server) as the head from the place it came before, so a refetch keeps the post and every page even when the reply there is gone', () => {
    const earlier = page([reply('a')], { prev: 'k0' });
    expect(nextPageParam(earlier, { kind: 'before', cursor: 'k2' })).toEqual({ kind: 'head', at: undefined, from: 'k2' });
  });
});
