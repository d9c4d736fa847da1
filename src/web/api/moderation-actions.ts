import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { MODERATION_LIVE } from '../../shared/api/moderation.js';
import type { ActionResponse, AppealView, MyModeration, actionRequestSchema } from '../../shared/api/moderation-actions.js';
import { useLive } from '../live/LiveProvider.js';
import { ApiError, api } from './client.js';
import { useMe } from './queries.js';

/**
 * Calls of the moderation actions, appeals and the member's own moderation
 * page (src/server/modules/moderation/actions-*; shapes in
 * src/shared/api/moderation-actions.ts).
 */

export const moderationActionKeys = {
  mine: ['moderation', 'mine'] as const,
  unread: ['moderation', 'mine', 'unread'] as const,
  appeals: ['moderation', 'appeals'] as const,
  scope: ['moderation', 'scope'] as const,
};

export type ActionBody = z.input<typeof actionRequestSchema>;

export function useTakeAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody) => api<ActionResponse>('/api/moderation/actions', { method: 'POST', body }),
    onSettled: () => {
      // The thread, feeds and queue all show what changed.
      void queryClient.invalidateQueries({ queryKey: ['thread'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      void queryClient.invalidateQueries({ queryKey: ['moderation'] });
    },
  });
}

export interface ModerationScope {
  moderates: boolean;
  global: boolean;
  groups: { slug: string; name: string }[];
}

const NO_SCOPE: ModerationScope = { moderates: false, global: false, groups: [] };
const STAFF_SCOPE: ModerationScope = { moderates: true, global: true, groups: [] };

/**
 * What the viewer moderates (GET /api/moderation/scope, built with the queue).
 * Until that route answers, staff are taken as global moderators and anyone
 * else as moderating nothing here: the server checks every action anyway.
 */
export function useModerationScope(enabled = true): { data: ModerationScope | undefined } {
  const { data: me } = useMe();
  const scope = useQuery({
    queryKey: moderationActionKeys.scope,
    enabled: enabled && Boolean(me),
    staleTime: 60_000,
    retry: false,
    queryFn: async ({ signal }) => {
      try {
        return await api<ModerationScope>('/api/moderation/scope', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status !== 0) return null;
        throw error;
      }
    },
  });
  if (scope.data) return { data: scope.data };
  if (scope.data === null || scope.isError) return { data: me?.role === 'moderator' || me?.role === 'admin' ? STAFF_SCOPE : NO_SCOPE };
  return { data: undefined };
}

/** Refetches the member's moderation page and count when a notice arrives live. */
function useNoticeLive() {
  const live = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.type === MODERATION_LIVE.notice) void queryClient.invalidateQueries({ queryKey: moderationActionKeys.mine });
      }),
    [live, queryClient],
  );
}

export function useMyModeration() {
  useNoticeLive();
  return useQuery({ queryKey: moderationActionKeys.mine, queryFn: ({ signal }) => api<MyModeration>('/api/me/moderation', { signal }) });
}

export function useMyModerationUnread(enabled = true) {
  useNoticeLive();
  return useQuery({
    queryKey: moderationActionKeys.unread,
    enabled,
    // A sanction ends without an event: read again now and then so the banner goes.
    refetchInterval: 5 * 60_000,
    queryFn: ({ signal }) => api<{ unread: number; sanctioned: boolean }>('/api/me/moderation/unread', { signal }),
  });
}

export function useMarkModerationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ unread: number }>('/api/me/moderation/read', { method: 'POST', body: {} }),
    // The notifications pointing at these notices are read with them (notifications badge included).
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: moderationActionKeys.mine }), queryClient.invalidateQueries({ queryKey: ['notifications'] })]),
  });
}

export function useAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, body }: { actionId: string; body: string }) =>
      api<{ message: string }>(`/api/moderation/actions/${encodeURIComponent(actionId)}/appeal`, { method: 'POST', body: { body } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationActionKeys.mine }),
  });
}

export function useAppeals() {
  return useQuery({ queryKey: moderationActionKeys.appeals, queryFn: ({ signal }) => api<{ appeals: AppealView[] }>('/api/moderation/appeals', { signal }) });
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appealId, ...body }: { appealId: string; decision: 'uphold' | 'overturn'; reason: string }) =>
      api<{ appeal: AppealView; message: string }>(`/api/moderation/appeals/${encodeURIComponent(appealId)}/decision`, { method: 'POST', body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: moderationActionKeys.appeals });
      void queryClient.invalidateQueries({ queryKey: ['thread'] });
    },
  });
}
