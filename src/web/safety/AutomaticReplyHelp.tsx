import { Link } from 'react-router';
import { useHelp } from '../api/queries.js';
import { EMERGENCY_FALLBACK } from '../api/help.js';
import { countryInSentence } from '../help/country-name.js';
import { ServiceSummary } from '../help/HelpParts.js';
import { telHref } from '../help/phone.js';

/**
 * The crisis lines under the Hearth Safety account's automatic reply: for the
 * READER's own country (their profile, else their browser's language), fetched
 * by each reader. The reply itself carries no lines: the writer's country's
 * lines in a public reply would tell every reader where the writer lives
 * (safety-team/auto-reply.ts says more).
 */
export function AutomaticReplyHelp() {
  const help = useHelp(undefined);
  const country = help.data?.country;
  return (
    <section className="auto-reply-help" aria-label="Crisis lines where you are">
      {country ? (
        <>
          <h3 className="auto-reply-help__title">Crisis lines in {countryInSentence(country.countryName)}</h3>
          <ul className="service-summaries">
            {country.services.slice(0, 2).map((service) => (
              <ServiceSummary key={service.name} service={service} />
            ))}
          </ul>
          <p>
            In danger right now? Call <a href={telHref(country.emergencyNumber)}>{country.emergencyNumber}</a>.{' '}
            <Link to="/help">See every crisis line</Link>
          </p>
        </>
      ) : (
        <p>
          {help.data?.emergencyNote ?? EMERGENCY_FALLBACK} <Link to="/help">Find a crisis line near you</Link>
        </p>
      )}
    </section>
  );
}
