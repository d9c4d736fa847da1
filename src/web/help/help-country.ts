import { useCallback, useSyncExternalStore } from 'react';

/**
 * The country a visitor chose for crisis lines, shared by the welcome panel and
 * the help page for this tab. Undefined means "let the server decide" (profile
 * country, then the browser's language); OTHER_COUNTRY means "not listed".
 */
export const OTHER_COUNTRY = 'other';
const KEY = 'hearth.help.country';
const listeners = new Set<() => void>();
// Where the choice lives when sessionStorage is unavailable.
let memory: string | undefined;

function read(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return memory;
  }
}

export function setHelpCountry(country: string | undefined): void {
  memory = country;
  try {
    if (country) sessionStorage.setItem(KEY, country);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Kept in memory only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHelpCountry(): [string | undefined, (country: string | undefined) => void] {
  const country = useSyncExternalStore(subscribe, read, () => undefined);
  return [country, useCallback((next: string | undefined) => setHelpCountry(next), [])];
}
