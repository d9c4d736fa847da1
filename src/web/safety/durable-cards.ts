import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Post, Reply } from '../../shared/api/community.js';
import { communityKeys } from '../api/community-queries.js';
import { foldSupportCard } from '../api/writer.js';
import { removeSupportCard, type SupportEntry } from './support-store.js';

/**
 * The cards the member sees on a thread: those just given with a write (this
 * session), then those that stay with their own post and replies (from the
 * server, on every device and after a reload: those on the pages loaded), each once.
 */
export function mergeSupportCards(session: SupportEntry[], thread: { post: Post; replies: Reply[] } | undefined): SupportEntry[] {
  const durable: SupportEntry[] = [];
  if (thread?.post.supportCard) durable.push({ card: thread.post.supportCard, contentType: 'post', contentId: thread.post.id });
  for (const reply of thread?.replies ?? []) {
    if (reply.supportCard) durable.push({ card: reply.supportCard, contentType: 'reply', contentId: reply.id });
  }
  const seen = new Set(session.map((entry) => entry.card.assessmentId));
  return [...session, ...durable.filter((entry) => !seen.has(entry.card.assessmentId))];
}

/** "Fold this away": the card goes, here and on every device, until the member writes something else that needs one. */
export function useFoldSupportCard(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assessmentId: string) => foldSupportCard(assessmentId),
    onSuccess: async (_answer, assessmentId) => {
      removeSupportCard(queryClient, postId, assessmentId);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) }),
        queryClient.invalidateQueries({ queryKey: communityKeys.feeds }),
      ]);
    },
  });
}
