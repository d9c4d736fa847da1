import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { MODERATION_LIVE } from '../../shared/api/moderation.js';
import type { ModerationScopeResponse, QueueItemDetailResponse, QueueResponse } from '../../shared/api/moderation-queue.js';
import { useLive } from '../live/LiveProvider.js';
import { api } from './client.js';

/** Calls of the moderators' queue (src/server/modules/moderation/queue-*.ts; shapes in src/shared/api/moderation-queue.ts). */

export const queueKeys = {
  scope: ['moderation', 'scope'] as const,
  queue: (status: string, group: string) => ['moderation', 'queue', status, group] as const,
  item: (id: string) => ['moderation', 'item', id] as const,
};

export function useModerationScope(enabled = true) {
  return useQuery({
    queryKey: queueKeys.scope,
    queryFn: ({ signal }) => api<ModerationScopeResponse>('/api/moderation/scope', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useQueue(status: 'open' | 'resolved', group: string) {
  return useInfiniteQuery({
    queryKey: queueKeys.queue(status, group),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ status });
      if (group) query.set('group', group);
      if (pageParam) query.set('cursor', pageParam);
      return api<QueueResponse>(`/api/moderation/queue?${query.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useQueueItem(id: string) {
  return useQuery({
    queryKey: queueKeys.item(id),
    queryFn: ({ signal }) => api<QueueItemDetailResponse>(`/api/moderation/items/${encodeURIComponent(id)}`, { signal }),
    retry: false,
  });
}

/**
 * Refetches the queue (and the item pages) when the server says the queue
 * changed; `onChange` hears each event (the page announces new reports).
 */
export function useQueueLive(onChange?: (itemId: string) => void) {
  const live = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.type !== MODERATION_LIVE.queueChanged) return;
        void queryClient.invalidateQueries({ queryKey: ['moderation', 'queue'] });
        const itemId = typeof event.payload.itemId === 'string' ? event.payload.itemId : null;
        if (itemId) {
          void queryClient.invalidateQueries({ queryKey: queueKeys.item(itemId) });
          onChange?.(itemId);
        }
      }),
    [live, queryClient, onChange],
  );
}
