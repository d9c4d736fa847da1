import type { QueryClient } from '@tanstack/react-query';
import type { NavigateFunction } from 'react-router';
import type { PostWriteResponse } from '../../../shared/api/community.js';
import { communityKeys } from '../../api/community-queries.js';
import { addSupportCard } from '../../safety/support-store.js';

/**
 * After a post is written or edited: the thread is already known (no second
 * request), any support card is kept for the thread, and the member is taken
 * there with focus on the card when there is one.
 */
export function openWrittenPost(queryClient: QueryClient, navigate: NavigateFunction, written: PostWriteResponse) {
  const { support, post, replies } = written;
  queryClient.setQueryData(communityKeys.thread(post.id), { post, replies });
  if (support) addSupportCard(queryClient, post.id, { card: support, contentType: 'post', contentId: post.id });
  void queryClient.invalidateQueries({ queryKey: communityKeys.feeds });
  return navigate(`/posts/${post.id}`, { state: support ? { supportFor: support.assessmentId } : null });
}
