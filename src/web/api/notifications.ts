import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { MODERATION_LIVE } from '../../shared/api/moderation.js';
import {
  NOTIFICATIONS_LIVE,
  type notificationListResponseSchema,
  type NotificationSettings,
  type updateNotificationSettingsSchema,
} from '../../shared/api/notifications.js';
import { SAFETY_LIVE } from '../../shared/api/safety-live.js';
import { useLive } from '../live/LiveProvider.js';
import { api } from './client.js';

type ListResponse = z.infer<typeof notificationListResponseSchema>;
type SettingsUpdate = z.input<typeof updateNotificationSettingsSchema>;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
  settings: ['notifications', 'settings'] as const,
};

/** Live events after which the list and the badge are read again (ids only ever travel; never content). */
const CHANGES = new Set<string>([NOTIFICATIONS_LIVE.changed, MODERATION_LIVE.notice, SAFETY_LIVE.conversationMessage]);

export const fetchNotifications = (cursor: string | undefined, signal?: AbortSignal) =>
  api<ListResponse>(`/api/notifications${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { signal });
export const fetchUnreadNotifications = (signal?: AbortSignal) => api<{ unread: number }>('/api/notifications/unread', { signal });
export const fetchNotificationSettings = (signal?: AbortSignal) => api<NotificationSettings>('/api/notifications/settings', { signal });
export const updateNotificationSettings = (body: SettingsUpdate) => api<NotificationSettings>('/api/notifications/settings', { method: 'PATCH', body });
/** Only what the server keeps: the endpoint and the keys that encrypt pushes for this browser. */
export const savePushSubscription = (subscription: PushSubscriptionJSON) =>
  api<{ ok: true }>('/api/notifications/push-subscriptions', {
    method: 'POST',
    body: { endpoint: subscription.endpoint, keys: { p256dh: subscription.keys?.p256dh ?? '', auth: subscription.keys?.auth ?? '' } },
  });
export const removePushSubscription = (endpoint: string) =>
  api<{ ok: true }>('/api/notifications/push-subscriptions/remove', { method: 'POST', body: { endpoint } });

/** Everything about notifications is read again when the server says something changed. */
export function useNotificationsLive(): void {
  const live = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.subscribe((event) => {
        if (CHANGES.has(event.type)) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      }),
    [live, queryClient],
  );
}

export function useUnreadNotifications() {
  return useQuery({ queryKey: notificationKeys.unread, queryFn: ({ signal }) => fetchUnreadNotifications(signal), staleTime: 30_000 });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) => fetchNotifications(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ unread: number }>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ unread: number }>('/api/notifications/read-all', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: ({ signal }) => fetchNotificationSettings(signal) });
}
