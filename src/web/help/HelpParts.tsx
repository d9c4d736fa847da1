import type { CountryDirectory, HotlineService } from '../../shared/hotlines.js';
import type { HelpCountrySummary, HelplineDirectoryLink } from '../api/help.js';
import { SelectField, VisuallyHidden } from '../design/index.js';
import { countryInSentence } from './country-name.js';
import { OTHER_COUNTRY } from './help-country.js';
import { smsHref, smsNote, telHref } from './phone.js';

export function CountryPicker({
  id,
  countries,
  value,
  onChange,
  hint,
}: {
  id: string;
  countries: HelpCountrySummary[];
  value: string | undefined;
  onChange(country: string | undefined): void;
  hint?: string;
}) {
  const listed = value === undefined || value === OTHER_COUNTRY || countries.some((country) => country.code === value);
  return (
    <SelectField
      id={id}
      label="Your country"
      hint={hint}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value || undefined)}
    >
      {value === undefined ? <option value="">Choose your country</option> : null}
      {!listed ? <option value={value}>{value}</option> : null}
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
      <option value={OTHER_COUNTRY}>My country is not listed</option>
    </SelectField>
  );
}

export function EmergencyNumber({ directory }: { directory: CountryDirectory }) {
  return (
    <div className="emergency">
      <p className="emergency__label">Emergency services in {countryInSentence(directory.countryName)}</p>
      <a className="emergency__number" href={telHref(directory.emergencyNumber)}>
        <span className="emergency__call">Call</span> {directory.emergencyNumber}
      </a>
    </div>
  );
}

function ServiceActions({ service }: { service: HotlineService }) {
  return (
    <div className="service__actions">
      {service.phone ? (
        <a className="button button--primary" href={telHref(service.phone)}>
          Call {service.phone}
          <VisuallyHidden> ({service.name})</VisuallyHidden>
        </a>
      ) : null}
      {service.sms ? (
        <a className="button button--secondary" href={smsHref(service.sms.number)}>
          Text {service.sms.number}
          <VisuallyHidden> ({service.name})</VisuallyHidden>
        </a>
      ) : null}
      {service.chatUrl ? (
        <a className="button button--secondary" href={service.chatUrl}>
          Chat online
          <VisuallyHidden> with {service.name}</VisuallyHidden>
        </a>
      ) : null}
    </div>
  );
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return undefined;
  }
})();

function languageName(tag: string): string {
  try {
    return languageNames?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function checkedDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** One crisis line, in full: what it is, how to reach it, when, and where the details were checked. */
export function ServiceCard({ service, headingLevel = 3 }: { service: HotlineService; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const note = service.sms ? smsNote(service.sms) : null;
  return (
    <li className="service">
      <Heading className="service__name">{service.name}</Heading>
      <p className="service__description">{service.description}</p>
      {service.audience ? <p className="service__audience">For {service.audience}</p> : null}
      <ServiceActions service={service} />
      {note ? <p className="service__note">{note}</p> : null}
      <dl className="service__facts">
        <div>
          <dt>Open</dt>
          <dd>{service.hours}</dd>
        </div>
        {service.languages?.length ? (
          <div>
            <dt>Languages</dt>
            <dd>{service.languages.map(languageName).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      <p className="service__source">
        <a href={service.url}>
          Website<VisuallyHidden> of {service.name}</VisuallyHidden>
        </a>
        <span aria-hidden="true"> · </span>
        Details checked on {checkedDate(service.checkedOn)} against{' '}
        <a href={service.sourceUrl}>
          this source<VisuallyHidden> for {service.name}</VisuallyHidden>
        </a>
        .
      </p>
    </li>
  );
}

/** A short line per service, for the welcome page panel. */
export function ServiceSummary({ service }: { service: HotlineService }) {
  return (
    <li className="service-summary">
      <p className="service-summary__name">
        {service.name}
        <span className="service-summary__hours"> · {service.hours}</span>
      </p>
      <ServiceActions service={service} />
    </li>
  );
}

export function InternationalList({
  links,
  headingLevel = 3,
}: {
  links: HelplineDirectoryLink[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="directory-list">
      {links.map((link) => (
        <li key={link.url} className="directory-list__item">
          <Heading className="directory-list__name">
            <a href={link.url}>{link.name}</a>
          </Heading>
          <p>{link.description}</p>
        </li>
      ))}
    </ul>
  );
}
