import type { HelpResponse } from '../../shared/api/help.js';
import { api } from './client.js';

export type { HelpResponse };
export type HelplineDirectoryLink = HelpResponse['international'][number];
export type HelpCountrySummary = HelpResponse['countries'][number];

/**
 * Shown whenever the directory cannot be loaded: never an empty panel. The
 * server sends its own `emergencyNote` with the directory; this is for when
 * the server cannot be reached at all.
 */
export const EMERGENCY_FALLBACK =
  'If you are in immediate danger, call the emergency number of the country you are in now (for example 112 in Europe, 911 in North America, 999 in the UK).';

/** `GET /api/help?country=XX`; without a country the server picks one (profile, then browser language). */
export function fetchHelp(country: string | undefined, signal?: AbortSignal): Promise<HelpResponse> {
  const query = country ? `?country=${encodeURIComponent(country)}` : '';
  return api<HelpResponse>(`/api/help${query}`, signal ? { signal } : {});
}
