import { countries, timeZones } from '../../shared/regions.js';

/** Options for the country, time zone and language selects, from the browser's own Intl data. */
export function CountryOptions({ emptyLabel }: { emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {countries().map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </>
  );
}

export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let zones: string[] | undefined;

export function TimeZoneOptions({ emptyLabel, current }: { emptyLabel?: string; current?: string | null }) {
  zones ??= timeZones();
  // A zone the browser does not list (an alias, say) still shows as chosen.
  const list = current && !zones.includes(current) ? [current, ...zones] : zones;
  return (
    <>
      {emptyLabel ? <option value="">{emptyLabel}</option> : null}
      {list.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </>
  );
}

/** Languages people often write in; the tag is what the profile stores. */
const LANGUAGE_TAGS = [
  'ar',
  'bn',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'fa',
  'fi',
  'fr',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'ms',
  'nl',
  'no',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sv',
  'sw',
  'ta',
  'th',
  'tl',
  'tr',
  'uk',
  'ur',
  'vi',
  'zh',
];

export function LanguageOptions({ current }: { current: string }) {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const tags = LANGUAGE_TAGS.includes(current) ? LANGUAGE_TAGS : [current, ...LANGUAGE_TAGS];
  const options = tags
    .map((tag) => {
      let name = tag;
      try {
        name = names.of(tag) ?? tag;
      } catch {
        // keep the tag
      }
      return { tag, name };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return (
    <>
      {options.map((option) => (
        <option key={option.tag} value={option.tag}>
          {option.name}
        </option>
      ))}
    </>
  );
}
