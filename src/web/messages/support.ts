import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { SupportCard } from '../../shared/api/safety.js';

/**
 * The support card a member was given for a message they sent, kept in the
 * query cache for the conversation: it stays while they move around the app
 * and is forgotten at sign-out with everything else (setSignedOut).
 */
const key = (conversationId: string) => ['support', 'conversation', conversationId] as const;

export function keepMessageSupport(queryClient: QueryClient, conversationId: string, card: SupportCard): void {
  queryClient.setQueryData<SupportCard[]>(key(conversationId), (current = []) => [card, ...current.filter((existing) => existing.assessmentId !== card.assessmentId)]);
}

export function useMessageSupport(conversationId: string): SupportCard[] {
  const { data } = useQuery<SupportCard[]>({ queryKey: key(conversationId), queryFn: () => [], staleTime: Infinity });
  return data ?? [];
}
