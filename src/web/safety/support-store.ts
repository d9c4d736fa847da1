import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { SupportCard } from '../../shared/api/safety.js';

/**
 * Support cards the member was given for a thread (after posting, replying or
 * editing). They live in the query cache: they stay while the member moves
 * around the app, are never dismissed by themselves, and are forgotten at
 * sign-out with everything else (setSignedOut).
 */
export interface SupportEntry {
  card: SupportCard;
  contentType: 'post' | 'reply';
  contentId: string;
}

const supportKey = (postId: string) => ['support', postId] as const;

export function addSupportCard(queryClient: QueryClient, postId: string, entry: SupportEntry): void {
  queryClient.setQueryData<SupportEntry[]>(supportKey(postId), (current = []) => [
    entry,
    ...current.filter((existing) => existing.card.assessmentId !== entry.card.assessmentId),
  ]);
}

export function useSupportCards(postId: string): SupportEntry[] {
  const { data } = useQuery<SupportEntry[]>({
    queryKey: supportKey(postId),
    // Nothing to fetch: cards arrive with write responses and are put here by addSupportCard.
    queryFn: () => [],
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data ?? [];
}

/** Forgets a card the member folded away (the server forgets it too: it stays folded on every device). */
export function removeSupportCard(queryClient: QueryClient, postId: string, assessmentId: string): void {
  queryClient.setQueryData<SupportEntry[]>(supportKey(postId), (current = []) =>
    current.filter((existing) => existing.card.assessmentId !== assessmentId),
  );
}
