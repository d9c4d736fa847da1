import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactionKind, ThreadResponse } from '../../shared/api/community.js';
import {
  blockMember,
  createReply,
  removePost,
  removeReply,
  setMuted,
  setReaction,
  updateReply,
  type CreateReplyInput,
  type ReactionTarget,
} from '../api/community.js';
import { communityKeys } from '../api/community-queries.js';
import { addSupportCard } from '../safety/support-store.js';

/** The writes a thread page makes, each refreshing what it changes. */

function useRefreshThread(postId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) }),
      queryClient.invalidateQueries({ queryKey: communityKeys.feeds }),
    ]);
}

/** A reaction toggles at once on screen and is put back if the server says no. */
export function useReaction(postId: string) {
  const queryClient = useQueryClient();
  const key = communityKeys.thread(postId);
  return useMutation({
    mutationFn: ({ target, kind, on }: { target: ReactionTarget; kind: ReactionKind; on: boolean }) =>
      setReaction(target, kind, on),
    onMutate: async ({ target, kind, on }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<ThreadResponse>(key);
      const toggle = (mine: ReactionKind[]) => (on ? [...new Set([...mine, kind])] : mine.filter((k) => k !== kind));
      const adjust = (counts: Record<string, number> | null) =>
        counts ? { ...counts, [kind]: Math.max(0, (counts[kind] ?? 0) + (on ? 1 : -1)) } : null;
      if (before) {
        queryClient.setQueryData<ThreadResponse>(key, {
          ...before,
          post:
            target.type === 'post'
              ? {
                  ...before.post,
                  reactions: {
                    ...before.post.reactions,
                    mine: toggle(before.post.reactions.mine),
                    counts: adjust(before.post.reactions.counts),
                  },
                }
              : before.post,
          replies: before.replies.map((reply) =>
            target.type === 'reply' && reply.id === target.id
              ? {
                  ...reply,
                  reactions: {
                    ...reply.reactions,
                    mine: toggle(reply.reactions.mine),
                    counts: adjust(reply.reactions.counts),
                  },
                }
              : reply,
          ),
        });
      }
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** A reply; a support card that comes back with it is kept for the thread and shown at once. */
export function useCreateReply(postId: string, onSupport: (assessmentId: string) => void) {
  const queryClient = useQueryClient();
  const refresh = useRefreshThread(postId);
  return useMutation({
    mutationFn: (input: CreateReplyInput) => createReply(postId, input),
    onSuccess: async ({ reply, support }) => {
      if (support) {
        addSupportCard(queryClient, postId, { card: support, contentType: 'reply', contentId: reply.id });
        onSupport(support.assessmentId);
      }
      await refresh();
    },
  });
}

export function useEditReply(postId: string, onSupport: (assessmentId: string) => void) {
  const queryClient = useQueryClient();
  const refresh = useRefreshThread(postId);
  return useMutation({
    mutationFn: ({ replyId, body }: { replyId: string; body: string }) => updateReply(replyId, body),
    onSuccess: async (thread, { replyId }) => {
      const { support, ...rest } = thread;
      queryClient.setQueryData<ThreadResponse>(communityKeys.thread(postId), rest);
      if (support) {
        addSupportCard(queryClient, postId, { card: support, contentType: 'reply', contentId: replyId });
        onSupport(support.assessmentId);
      }
      await refresh();
    },
  });
}

export function useRemoveContent(postId: string) {
  const refresh = useRefreshThread(postId);
  return useMutation({
    mutationFn: (target: ReactionTarget) => (target.type === 'post' ? removePost(target.id) : removeReply(target.id)),
    onSuccess: () => refresh(),
  });
}

export function useMuteThread(postId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshThread(postId);
  return useMutation({
    mutationFn: (muted: boolean) => setMuted('post', postId, muted),
    onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: communityKeys.mutes })]),
  });
}

/**
 * Blocking hides both members' content under their handles from each other
 * (anonymous content stays, so it cannot be linked to them): every community list
 * is refreshed. Open threads are only marked stale: the page decides whether to
 * reload the thread (a blocked replier) or leave it (a blocked post author).
 */
export function useBlockMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) => blockMember(handle),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['thread'], refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: communityKeys.feeds }),
        queryClient.invalidateQueries({ queryKey: communityKeys.blocks }),
        queryClient.invalidateQueries({ queryKey: ['search'] }),
      ]),
  });
}
