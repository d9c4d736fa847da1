import { Link } from 'react-router';
import { EMERGENCY_FALLBACK } from '../api/help.js';
import { useHelp } from '../api/queries.js';
import { Card, Loading } from '../design/index.js';
import { CountryPicker, EmergencyNumber, ServiceSummary } from './HelpParts.js';
import { countryInSentence } from './country-name.js';
import { OTHER_COUNTRY, useHelpCountry } from './help-country.js';

/**
 * "If you are in danger now": readable without signing in, with the emergency
 * number first and largest, then the crisis lines for the chosen country.
 */
export function EmergencyPanel() {
  const [chosen, setChosen] = useHelpCountry();
  const help = useHelp(chosen === OTHER_COUNTRY ? undefined : chosen);
  const directory = chosen === OTHER_COUNTRY ? null : (help.data?.country ?? null);
  const selected = chosen ?? directory?.countryCode;

  return (
    <Card tone="urgent" className="emergency-panel" aria-labelledby="danger-now-title">
      <h2 id="danger-now-title" className="emergency-panel__title">
        If you are in danger now
      </h2>
      <p>
        Hearth is not an emergency service. If your life or someone else’s is at risk, call your emergency number now.
        If you need to talk to someone tonight, these lines are free and staffed by trained people.
      </p>

      {help.data && help.data.countries.length > 0 ? (
        <CountryPicker
          id="danger-now-country"
          countries={help.data.countries}
          value={selected}
          onChange={setChosen}
          hint="We use this only to show the right numbers. It is not saved to any account."
        />
      ) : null}

      <p className="visually-hidden" role="status">
        {directory ? `Showing the numbers for ${countryInSentence(directory.countryName)}.` : ''}
      </p>
      <div className="emergency-panel__lines">
        {help.isPending ? <Loading label="Finding the numbers for your country…" /> : null}
        {help.isError ? <p className="emergency-panel__fallback">{EMERGENCY_FALLBACK}</p> : null}
        {help.data && directory ? (
          <>
            <EmergencyNumber directory={directory} />
            <h3 className="emergency-panel__subtitle">
              Talk to someone now in {countryInSentence(directory.countryName)}
            </h3>
            <ul className="service-summaries">
              {directory.services.map((service) => (
                <ServiceSummary key={service.name} service={service} />
              ))}
            </ul>
          </>
        ) : null}
        {help.data && !directory ? (
          <p className="emergency-panel__fallback">
            {chosen === undefined ? 'Choose your country to see its emergency number and crisis lines. ' : ''}
            {help.data.emergencyNote}
          </p>
        ) : null}
      </div>

      <p className="emergency-panel__more">
        <Link to="/help">See every crisis line, and help for other countries</Link>
      </p>
    </Card>
  );
}
