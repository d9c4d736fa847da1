import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { nextPageParam, previousPageParam, type ThreadPage, type ThreadPageParam } from '../community/thread-pages.js';
import {
  fetchCommunitySettings,
  fetchFeed,
  fetchGroup,
  fetchMemberProfile,
  fetchThread,
  fetchThreadReplies,
  listBlocks,
  listGroups,
  listMutes,
  search,
  suggestGroups,
  type FeedSource,
} from './community.js';

/** Community query keys in one place, so invalidation never misses a spelling. */
export const communityKeys = {
  groups: ['groups'] as const,
  suggestions: (topics: string[]) => ['groups', 'suggestions', [...topics].sort().join(',')] as const,
  group: (slug: string) => ['group', slug] as const,
  feeds: ['feed'] as const,
  feed: (source: FeedSource) => ['feed', source] as const,
  /** Every loaded view of one thread (the prefix to invalidate or update). */
  thread: (postId: string) => ['thread', postId] as const,
  /** One view of a thread: opened at the top (null), at a reply, or at the newest. */
  threadPages: (postId: string, at: string | undefined) => ['thread', postId, at ?? null] as const,
  settings: ['community-settings'] as const,
  blocks: ['boundaries', 'blocks'] as const,
  mutes: ['boundaries', 'mutes'] as const,
  search: (q: string) => ['search', q] as const,
  member: (handle: string) => ['member', handle.toLowerCase()] as const,
};

export function useMemberProfile(handle: string) {
  return useQuery({
    queryKey: communityKeys.member(handle),
    queryFn: ({ signal }) => fetchMemberProfile(handle, signal),
    enabled: handle.length > 0,
    retry: false,
  });
}

export function useGroups() {
  return useQuery({ queryKey: communityKeys.groups, queryFn: ({ signal }) => listGroups(signal) });
}

export function useGroupSuggestions(topics: string[]) {
  return useQuery({
    queryKey: communityKeys.suggestions(topics),
    queryFn: ({ signal }) => suggestGroups(topics, signal),
    enabled: topics.length > 0,
    placeholderData: (previous) => previous,
  });
}

export function useGroup(slug: string | undefined) {
  return useQuery({
    queryKey: communityKeys.group(slug ?? ''),
    queryFn: ({ signal }) => fetchGroup(slug ?? '', signal),
    enabled: Boolean(slug),
  });
}

/** A feed read page by page: the member asks for more ("Load more"); nothing loads by itself. */
export function useFeed(source: FeedSource, enabled = true) {
  return useInfiniteQuery({
    queryKey: communityKeys.feed(source),
    queryFn: ({ pageParam, signal }) => fetchFeed(source, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/**
 * A thread read page by page: the head (the post and the first replies, or the
 * page holding reply `at`), then the pages after it as the reader goes on, and
 * the pages before it when it was opened in the middle. Opening it somewhere
 * else (`at` changes) keeps the current pages on screen until the new ones come.
 */
export function useThread(postId: string, at?: string) {
  return useInfiniteQuery({
    queryKey: communityKeys.threadPages(postId, at),
    queryFn: ({ pageParam, signal }) => fetchThreadPage(postId, pageParam, signal),
    initialPageParam: { kind: 'head', at } as ThreadPageParam,
    getNextPageParam: (last, _pages, lastParam) => nextPageParam(last, lastParam),
    getPreviousPageParam: (first) => previousPageParam(first),
    placeholderData: keepPreviousData,
  });
}

async function fetchThreadPage(postId: string, param: ThreadPageParam, signal: AbortSignal): Promise<ThreadPage> {
  if (param.kind === 'head') {
    const place = param.from === undefined ? {} : { from: param.from };
    return fetchThread(postId, param.at === undefined ? place : { at: param.at }, signal);
  }
  const page = param.kind === 'after' ? { after: param.cursor } : { before: param.cursor };
  return { ...(await fetchThreadReplies(postId, page, signal)), post: null, anchor: null };
}

export function useCommunitySettings() {
  return useQuery({
    queryKey: communityKeys.settings,
    queryFn: async ({ signal }) => (await fetchCommunitySettings(signal)).settings,
    staleTime: 60_000,
  });
}

export function useBlocks() {
  return useQuery({ queryKey: communityKeys.blocks, queryFn: ({ signal }) => listBlocks(signal) });
}

export function useMutes() {
  return useQuery({ queryKey: communityKeys.mutes, queryFn: ({ signal }) => listMutes(signal) });
}

export function useSearch(q: string) {
  return useQuery({
    queryKey: communityKeys.search(q),
    queryFn: ({ signal }) => search(q, signal),
    enabled: q.trim().length >= 2,
  });
}

/** After joining or leaving a group: the catalogue, the group and every feed may have changed. */
export function refreshMemberships(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: communityKeys.groups }),
    queryClient.invalidateQueries({ queryKey: ['group'] }),
    queryClient.invalidateQueries({ queryKey: communityKeys.feeds }),
  ]);
}
