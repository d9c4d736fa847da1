import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type {
  AlertConversationResponse,
  ConversationListResponse,
  ConversationResponse,
  OutreachRequest,
  OutreachResponse,
  outreachTemplatesResponseSchema,
  SendMessageResponse,
  unreadResponseSchema,
} from '../../shared/api/conversations.js';
import { SAFETY_LIVE } from '../../shared/api/safety-live.js';
import { useLive } from '../live/LiveProvider.js';
import { api } from './client.js';

type UnreadResponse = z.infer<typeof unreadResponseSchema>;
type OutreachTemplatesResponse = z.infer<typeof outreachTemplatesResponseSchema>;

/** Conversation query keys in one place, so invalidation never misses a spelling. */
export const conversationKeys = {
  all: ['conversations'] as const,
  list: ['conversations', 'list'] as const,
  unread: ['conversations', 'unread'] as const,
  conversation: (id: string) => ['conversations', 'one', id] as const,
  alert: (alertId: string) => ['safety', 'alert-conversation', alertId] as const,
  templates: ['safety', 'outreach-templates'] as const,
};

export const fetchConversations = (signal?: AbortSignal) => api<ConversationListResponse>('/api/conversations', { signal });
export const fetchUnread = (signal?: AbortSignal) => api<UnreadResponse>('/api/conversations/unread', { signal });
export const fetchConversation = (id: string, cursor: string | undefined, signal?: AbortSignal) =>
  api<ConversationResponse>(`/api/conversations/${encodeURIComponent(id)}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { signal });
export const markConversationRead = (id: string) =>
  api<{ ok: true }>(`/api/conversations/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });
/** `clientId`: one per message; sending again with the same id (a retry) lands once. */
export const sendMessage = (id: string, body: string, clientId: string) =>
  api<SendMessageResponse>(`/api/conversations/${encodeURIComponent(id)}/messages`, { method: 'POST', body: { body, clientId } });

export const fetchOutreachTemplates = (signal?: AbortSignal) => api<OutreachTemplatesResponse>('/api/safety/outreach-templates', { signal });
export const fetchAlertConversation = (alertId: string, signal?: AbortSignal) =>
  api<AlertConversationResponse>(`/api/safety/alerts/${encodeURIComponent(alertId)}/conversation`, { signal });
export const sendOutreach = (alertId: string, body: OutreachRequest) =>
  api<OutreachResponse>(`/api/safety/alerts/${encodeURIComponent(alertId)}/outreach`, { method: 'POST', body });

export function useConversations() {
  return useQuery({ queryKey: conversationKeys.list, queryFn: ({ signal }) => fetchConversations(signal) });
}

export function useUnreadMessages(enabled: boolean) {
  return useQuery({ queryKey: conversationKeys.unread, queryFn: ({ signal }) => fetchUnread(signal), enabled, staleTime: 30_000 });
}

/** A conversation, newest page first; older pages when the member asks ("Show earlier messages"). */
export function useConversation(id: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.conversation(id),
    queryFn: ({ pageParam, signal }) => fetchConversation(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.olderCursor ?? undefined,
    retry: false,
  });
}

/** Marks it read, then refreshes the unread counts (the header badge, the list). */
export function useMarkRead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markConversationRead(id),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.unread }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.list }),
      ]),
  });
}

export function useSendMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, clientId }: { body: string; clientId: string }) => sendMessage(id, body, clientId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

/** A new message in one of the member's conversations: everything about conversations is read again. */
export function useConversationLive(): void {
  const live = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.type === SAFETY_LIVE.conversationMessage) void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
      }),
    [live, queryClient],
  );
}

// The safety team's side.

export function useOutreachTemplates() {
  return useQuery({ queryKey: conversationKeys.templates, queryFn: ({ signal }) => fetchOutreachTemplates(signal), staleTime: 60 * 60_000 });
}

/** The alert's conversation, read again whenever the alert changes (an answer, another team member's outreach). */
export function useAlertConversation(alertId: string) {
  const live = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.type === SAFETY_LIVE.alertChanged && event.payload.alertId === alertId) {
          void queryClient.invalidateQueries({ queryKey: conversationKeys.alert(alertId) });
        }
      }),
    [live, queryClient, alertId],
  );
  return useQuery({ queryKey: conversationKeys.alert(alertId), queryFn: ({ signal }) => fetchAlertConversation(alertId, signal) });
}

export function useSendOutreach(alertId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OutreachRequest) => sendOutreach(alertId, body),
    // The alert itself changed too (claimed, first outreach): the dashboard's safety queries start with 'safety'.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['safety'] }),
  });
}
