import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CountryDirectory } from '../../shared/hotlines.js';
import { api } from './client.js';

/**
 * Calls of the crisis line directory's admin API
 * (src/server/modules/safety/hotline-admin-routes.ts; the entry's shape is
 * `countryDirectorySchema` in src/shared/hotlines.ts).
 */

const path = (countryCode: string) => `/api/admin/hotlines/${encodeURIComponent(countryCode)}`;

/** The directory, and each entry's version (its last change), which an edit names. */
export interface HotlineList {
  countries: CountryDirectory[];
  versions: Record<string, string>;
}

export const listHotlineCountries = (signal?: AbortSignal) =>
  api<HotlineList>('/api/admin/hotlines', signal ? { signal } : {});

/**
 * Saves the whole entry (the server keeps no partial edits). `expect` is
 * 'new' when adding (refused if the country is already there) or the version
 * the edit started from (refused if someone saved since): two admins never
 * silently overwrite each other.
 */
export const saveHotlineCountry = (entry: CountryDirectory, expect: string) =>
  api<{ country: CountryDirectory; version: string }>(`${path(entry.countryCode)}?expect=${encodeURIComponent(expect)}`, {
    method: 'PUT',
    body: entry,
  });

export const deleteHotlineCountry = (countryCode: string) => api<{ ok: true }>(path(countryCode), { method: 'DELETE' });

export const adminHotlineKeys = {
  all: ['admin', 'hotlines'] as const,
};

const listQuery = {
  queryKey: adminHotlineKeys.all,
  queryFn: ({ signal }: { signal: AbortSignal }) => listHotlineCountries(signal),
};

export function useHotlineCountries(enabled = true) {
  return useQuery({ ...listQuery, select: (list: HotlineList) => list.countries, enabled });
}

/** The version of one country's entry in the cached list (undefined while loading or when absent). */
export function useHotlineVersion(countryCode: string | undefined): string | undefined {
  return useQuery({ ...listQuery, select: (list: HotlineList) => (countryCode ? list.versions[countryCode] : undefined) })
    .data;
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
