/**
 * ISO 3166-1 alpha-2 countries and IANA time zones, from the platform's own Intl
 * data, so the server and the browser agree without shipping a list.
 */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'XK']);

let countryCache: { code: string; name: string }[] | undefined;

export function countries(locale = 'en'): { code: string; name: string }[] {
  if (countryCache && locale === 'en') return countryCache;
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const list: { code: string; name: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) list.push({ code, name });
    }
  }
  list.sort((x, y) => x.name.localeCompare(y.name, locale));
  if (locale === 'en') countryCache = list;
  return list;
}

export function isCountryCode(code: string): boolean {
  return countries().some((country) => country.code === code);
}

export function timeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
