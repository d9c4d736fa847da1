import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/api/accounts.js';
import { fetchInstance, fetchMe } from './accounts.js';
import { fetchHelp } from './help.js';

/** Query keys in one place, so invalidation never misses a spelling. */
export const queryKeys = {
  me: ['me'] as const,
  instance: ['instance'] as const,
  sessions: ['me', 'sessions'] as const,
  help: (country: string | undefined) => ['help', country ?? 'auto'] as const,
};

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function useInstance() {
  return useQuery({ queryKey: queryKeys.instance, queryFn: fetchInstance, staleTime: 10 * 60_000, retry: 1 });
}

export function useHelp(country: string | undefined) {
  return useQuery({
    queryKey: queryKeys.help(country),
    queryFn: ({ signal }) => fetchHelp(country, signal),
    staleTime: 10 * 60_000,
    retry: 1,
  });
}

/** After sign-in, sign-up or recovery: the member is known, no need to ask again. */
export function setSignedIn(queryClient: QueryClient, user: Me): void {
  queryClient.setQueryData(queryKeys.me, user);
}

/**
 * Forget everything about the member (another member may use this browser next).
 * The `me` entry is overwritten rather than removed, so the components watching
 * it see "signed out" at once instead of holding on to a removed query.
 */
export function setSignedOut(queryClient: QueryClient): void {
  void queryClient.cancelQueries();
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== queryKeys.me[0] || query.queryKey.length > 1,
  });
  queryClient.getMutationCache().clear();
  queryClient.setQueryData(queryKeys.me, null);
}
