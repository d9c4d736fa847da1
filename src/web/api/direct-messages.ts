import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SendMessageRequest } from '../../shared/api/conversations.js';
import {
  DIRECT_LIVE,
  type EditMessageResponse,
  type MessageSettings,
  type MessageStatusResponse,
  type RequestListResponse,
  type StartConversationResponse,
  type UpdateMessageSettingsRequest,
} from '../../shared/api/direct-messages.js';
import type { ConversationMessage } from '../../shared/api/conversations.js';
import { useLive } from '../live/LiveProvider.js';
import { api } from './client.js';
import { conversationKeys } from './conversations.js';

const enc = encodeURIComponent;

export const directKeys = {
  requests: ['conversations', 'requests'] as const,
  status: (handle: string) => ['conversations', 'with', handle.toLowerCase()] as const,
  settings: ['message-settings'] as const,
};

export const fetchRequests = (signal?: AbortSignal) => api<RequestListResponse>('/api/conversations/requests', { signal });
export const fetchMessageStatus = (handle: string, signal?: AbortSignal) => api<MessageStatusResponse>(`/api/conversations/with/${enc(handle)}`, { signal });
export const messageMember = (handle: string, body: SendMessageRequest) =>
  api<StartConversationResponse>(`/api/conversations/with/${enc(handle)}/messages`, { method: 'POST', body });
const answer = (id: string, action: 'accept' | 'decline' | 'block') => api<{ ok: true }>(`/api/conversations/${enc(id)}/${action}`, { method: 'POST', body: {} });
export const editMessage = (conversationId: string, messageId: string, body: string) =>
  api<EditMessageResponse>(`/api/conversations/${enc(conversationId)}/messages/${enc(messageId)}`, { method: 'PATCH', body: { body } });
export const deleteMessage = (conversationId: string, messageId: string) =>
  api<{ message: ConversationMessage }>(`/api/conversations/${enc(conversationId)}/messages/${enc(messageId)}`, { method: 'DELETE' });
export const fetchMessageSettings = (signal?: AbortSignal) => api<{ settings: MessageSettings }>('/api/me/message-settings', { signal });
export const updateMessageSettings = (body: UpdateMessageSettingsRequest) => api<{ settings: MessageSettings }>('/api/me/message-settings', { method: 'PATCH', body });

export function useMessageRequests() {
  return useQuery({ queryKey: directKeys.requests, queryFn: ({ signal }) => fetchRequests(signal) });
}

/** Whether the member may write to `handle` now (and why not), asked before they type. */
export function useMessageStatus(handle: string, enabled: boolean) {
  return useQuery({ queryKey: directKeys.status(handle), queryFn: ({ signal }) => fetchMessageStatus(handle, signal), enabled });
}

export function useMessageMember(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendMessageRequest) => messageMember(handle, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

/** Accept, decline or block from a conversation: every list and count is read again. */
export function useAnswerRequest(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'accept' | 'decline' | 'block') => answer(conversationId, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

export function useEditMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, body }: { messageId: string; body: string }) => editMessage(conversationId, messageId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.conversation(conversationId) }),
  });
}

export function useDeleteMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => deleteMessage(conversationId, messageId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.conversation(conversationId) }),
  });
}

export function useMessageSettings() {
  return useQuery({ queryKey: directKeys.settings, queryFn: ({ signal }) => fetchMessageSettings(signal) });
}

export function useUpdateMessageSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMessageSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(directKeys.settings, saved);
      // Receipts and typing show per conversation: read them again.
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}

/** A direct message, an answered request or a read receipt: the conversations (lists, counts, the open one) are read again. */
export function useDirectLive(): void {
  const live = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.type === DIRECT_LIVE.message || event.type === DIRECT_LIVE.changed || event.type === DIRECT_LIVE.read) {
          void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
        }
      }),
    [live, queryClient],
  );
}

const TYPING_SHOWN_MS = 5_000;
const TYPING_SENT_EVERY_MS = 2_000;

/**
 * Typing in one conversation, when both members turned it on: whether the other is typing now (shown for a few
 * seconds after their last signal), and `typed()` to call on each keystroke (sent at most every two seconds).
 */
export function useTyping(conversationId: string, enabled: boolean): { otherTyping: boolean; typed(): void } {
  const live = useLive();
  const [until, setUntil] = useState(0);
  const [lastSent, setLastSent] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    return live.subscribeSignals((signal) => {
      if (signal.type === DIRECT_LIVE.typing && signal.payload.conversationId === conversationId) {
        const at = Date.now();
        setNow(at);
        setUntil(at + TYPING_SHOWN_MS);
      }
    });
  }, [live, conversationId, enabled]);
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), until - now);
    return () => clearTimeout(timer);
  }, [until, now]);
  return {
    otherTyping: enabled && until > now,
    typed() {
      if (!enabled) return;
      const at = Date.now();
      if (at - lastSent < TYPING_SENT_EVERY_MS) return;
      setLastSent(at);
      live.send({ type: 'typing', conversationId });
    },
  };
}
