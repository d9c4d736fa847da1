import type { CountryDirectory } from '../../../../shared/hotlines.js';
import { hotlineDirectory, internationalDirectory } from './directory-data.js';

const byCode = new Map(hotlineDirectory.map((entry) => [entry.countryCode, entry]));

export function directoryFor(countryCode: string | null | undefined): CountryDirectory | null {
  return countryCode ? (byCode.get(countryCode.toUpperCase()) ?? null) : null;
}

export function listedCountries() {
  return hotlineDirectory
    .map((entry) => ({ code: entry.countryCode, name: entry.countryName, emergencyNumber: entry.emergencyNumber }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function internationalFallback() {
  return internationalDirectory;
}

/** `en-GB,en;q=0.9` → `GB`: the first language tag that names a region. */
export function countryFromAcceptLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim();
    const region = tag?.match(/^[a-zA-Z]{2,3}-([a-zA-Z]{2})\b/)?.[1];
    if (region) return region.toUpperCase();
  }
  return undefined;
}
