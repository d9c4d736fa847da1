import type { QueryClient } from '@tanstack/react-query';
import type { NavigateFunction } from 'react-router';
import type { PostWriteResponse } from '../../../shared/api/community.js';
import { communityKeys } from '../../api/community-queries.js';
import { addSupportCard } from '../../safety/support-store.js';
import type { ThreadPages } from '../../community/thread-pages.js';

/**
 * After a post is written or edited: the thread is already known (no second
 * request), any support card is kept for the thread, and the member is taken
 * there with focus on the card when there is one.
 */
export function openWrittenPost(queryClient: QueryClient, navigate: NavigateFunction, written: PostWriteResponse) {
  const { support, ...head } = written;
  const { post } = head;
  // The answer is the thread's first page: it is the thread opened at the top; views opened elsewhere are read again.
  const pages: ThreadPages = { pages: [{ ...head, anchor: null }], pageParams: [{ kind: 'head', at: undefined }] };
  queryClient.setQueryData(communityKeys.threadPages(post.id, undefined), pages);
  void queryClient.invalidateQueries({ queryKey: communityKeys.thread(post.id), predicate: (query) => query.queryKey[2] !== null });
  if (support) addSupportCard(queryClient, post.id, { card: support, contentType: 'post', contentId: post.id });
  void queryClient.invalidateQueries({ queryKey: communityKeys.feeds });
  return navigate(`/posts/${post.id}`, { state: support ? { supportFor: support.assessmentId } : null });
}
