import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type {
  DutyResponse,
  ReviewDecision,
  ReviewItem,
  ReviewListResponse,
  SafetySettingsResponse,
  WorryResponse,
  worryRequestSchema,
} from '../../shared/api/safety-review.js';
import { SAFETY_LIVE } from '../../shared/api/safety-live.js';
import type { safetySettingsPatchSchema } from '../../shared/api/safety-settings.js';
import { useLive } from '../live/LiveProvider.js';
import { api } from './client.js';

/**
 * Calls of the safety team's duty, review list, worry and settings API
 * (src/server/modules/safety-team/duty-*, review-*, worry-*, settings-routes.ts;
 * shapes in src/shared/api/safety-review.ts).
 */

export const safetyReviewKeys = {
  duty: ['safety', 'duty'] as const,
  review: ['safety', 'review'] as const,
  settings: ['safety', 'settings'] as const,
};

export function useDuty() {
  return useQuery({
    queryKey: safetyReviewKeys.duty,
    queryFn: ({ signal }) => api<DutyResponse>('/api/safety/duty', { signal }),
    // "On until 23:00" ends without an event: read again each minute so an ended shift drops off.
    refetchInterval: 60_000,
  });
}

export function useSetDuty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { on: boolean; until?: string }) =>
      api<DutyResponse>('/api/safety/duty', { method: 'PUT', body }),
    onSuccess: (duty) => queryClient.setQueryData(safetyReviewKeys.duty, duty),
  });
}

export function useReviewList() {
  return useQuery({
    queryKey: safetyReviewKeys.review,
    queryFn: ({ signal }) => api<ReviewListResponse>('/api/safety/review', { signal }),
  });
}

export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      itemId,
      ...body
    }: {
      itemId: string;
      decision: ReviewDecision;
      note?: string;
      level?: 'high' | 'imminent';
    }) => api<{ item: ReviewItem }>(`/api/safety/review/${encodeURIComponent(itemId)}`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['safety'] }),
  });
}

export function useRaiseWorry() {
  return useMutation({
    mutationFn: (body: z.input<typeof worryRequestSchema>) =>
      api<WorryResponse>('/api/safety/worries', { method: 'POST', body }),
  });
}

export function useSafetySettings() {
  return useQuery({
    queryKey: safetyReviewKeys.settings,
    queryFn: ({ signal }) => api<SafetySettingsResponse>('/api/safety/settings', { signal }),
  });
}

export function useUpdateSafetySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof safetySettingsPatchSchema>) =>
      api<SafetySettingsResponse>('/api/safety/settings', { method: 'PATCH', body: patch }),
    onSuccess: (settings) => {
      queryClient.setQueryData(safetyReviewKeys.settings, settings);
      // Who is on the team decides who shows on duty.
      void queryClient.invalidateQueries({ queryKey: safetyReviewKeys.duty });
    },
  });
}

/** Refetches `key` whenever the staff channel says one of `types` happened (no reload). Pass constants. */
export function useRefetchOnLive(key: readonly string[], types: readonly string[]) {
  const live = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.subscribe((event) => {
        if (types.includes(event.type)) void queryClient.invalidateQueries({ queryKey: key });
      }),
    [live, queryClient, key, types],
  );
}

export const DUTY_EVENTS: readonly string[] = [SAFETY_LIVE.dutyChanged];
export const REVIEW_EVENTS: readonly string[] = [SAFETY_LIVE.reviewChanged];
