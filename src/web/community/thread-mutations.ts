import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactionKind, Reply } from '../../shared/api/community.js';
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
import { mapThreadPages, type ThreadPages } from './thread-pages.js';

/** The writes a thread page makes, each refreshing what it changes. */

function useRefreshThread(postId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) }),
      queryClient.invalidateQueries({ queryKey: communityKeys.feeds }),
    ]);
}

/** A reaction toggles at once on screen, on whichever loaded page holds it, and is put back if the server says no. */
export function useReaction(postId: string) {
  const queryClient = useQueryClient();
  const key = communityKeys.thread(postId);
  return useMutation({
    mutationFn: ({ target, kind, on }: { target: ReactionTarget; kind: ReactionKind; on: boolean }) =>
      setReaction(target, kind, on),
    onMutate: async ({ target, kind, on }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueriesData<ThreadPages>({ queryKey: key });
      const toggle = (mine: ReactionKind[]) => (on ? [...new Set([...mine, kind])] : mine.filter((k) => k !== kind));
      const adjust = (counts: Record<string, number> | null) =>
        counts ? { ...counts, [kind]: Math.max(0, (counts[kind] ?? 0) + (on ? 1 : -1)) } : null;
      const react = <T extends { id: string; reactions: Reply['reactions'] }>(content: T): T =>
        content.id === target.id
          ? { ...content, reactions: { ...content.reactions, mine: toggle(content.reactions.mine), counts: adjust(content.reactions.counts) } }
          : content;
      queryClient.setQueriesData<ThreadPages>({ queryKey: key }, (data) =>
        data ? mapThreadPages(data, target.type === 'post' ? { post: react } : { reply: react }) : data,
      );
      return { before };
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.before ?? []) queryClient.setQueryData(queryKey, data);
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
    onSuccess: async ({ support, replies }, { replyId }) => {
      // The answer is a page of the thread: the edited reply is shown at once wherever it is loaded, then every page is read again.
      const edited = replies.find((reply) => reply.id === replyId);
      if (edited) {
        queryClient.setQueriesData<ThreadPages>({ queryKey: communityKeys.thread(postId) }, (data) =>
          data ? mapThreadPages(data, { reply: (reply) => (reply.id === replyId ? edited : reply) }) : data,
        );
      }
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
