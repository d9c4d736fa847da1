import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CountryDirectory } from '../../shared/hotlines.js';
import { api } from './client.js';

/**
 * Calls of the crisis line directory's admin API
 * (src/server/modules/safety/hotline-admin-routes.ts; the entry's shape is
 * `countryDirectorySchema` in src/shared/hotlines.ts).
 */

const path = (countryCode: string) => `/api/admin/hotlines/${encodeURIComponent(countryCode)}`;

export const listHotlineCountries = (signal?: AbortSignal) =>
  api<{ countries: CountryDirectory[] }>('/api/admin/hotlines', signal ? { signal } : {});

/** Adds the country, or replaces its whole entry: the server keeps no partial edits. */
export const saveHotlineCountry = (entry: CountryDirectory) =>
  api<{ country: CountryDirectory }>(path(entry.countryCode), { method: 'PUT', body: entry });

export const deleteHotlineCountry = (countryCode: string) => api<{ ok: true }>(path(countryCode), { method: 'DELETE' });

export const adminHotlineKeys = {
  all: ['admin', 'hotlines'] as const,
};

export function useHotlineCountries(enabled = true) {
  return useQuery({
    queryKey: adminHotlineKeys.all,
    queryFn: async ({ signal }) => (await listHotlineCountries(signal)).countries,
    enabled,
  });
}

/**
 * After a save or a delete: the admin list, and every cached "Get help now"
 * answer (keyed `['help', country]`), which may show the old numbers.
 */
export function refreshHotlines(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: adminHotlineKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['help'] }),
  ]);
}
