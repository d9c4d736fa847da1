import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { EMERGENCY_FALLBACK } from '../api/help.js';
import { useHelp } from '../api/queries.js';
import { Card, Loading, Notice, PageHeader } from '../design/index.js';
import { CountryPicker, EmergencyNumber, InternationalList, ServiceCard } from './HelpParts.js';
import { countryInSentence } from './country-name.js';
import { OTHER_COUNTRY, useHelpCountry } from './help-country.js';

/** "Get help now": the full directory for the chosen country, and the international fallback. */
export function HelpPage() {
  const [params, setParams] = useSearchParams();
  const [stored, setStored] = useHelpCountry();
  const fromUrl = params.get('country')?.toUpperCase() || undefined;
  const chosen = fromUrl ?? stored;

  // A link such as /help?country=GB also becomes the tab's choice.
  useEffect(() => {
    if (fromUrl && fromUrl !== stored) setStored(fromUrl);
  }, [fromUrl, stored, setStored]);

  const help = useHelp(chosen === OTHER_COUNTRY ? undefined : chosen);
  const directory = chosen === OTHER_COUNTRY ? null : (help.data?.country ?? null);
  const selected = chosen ?? directory?.countryCode;

  const choose = (country: string | undefined) => {
    setStored(country);
    setParams(country && country !== OTHER_COUNTRY ? { country } : {}, { replace: true });
  };

  return (
    <div className="help-page">
      <PageHeader
        title="Get help now"
        lead={
          <p>
            If you might act on thoughts of ending your life, or someone is hurt or in danger, call your emergency
            number now. If you need to talk, the lines below are free, confidential and answered by trained people.
          </p>
        }
      />

      <Card tone="urgent" className="help-page__emergency" aria-labelledby="help-emergency-title">
        <h2 id="help-emergency-title">Emergency number</h2>
        {help.data && help.data.countries.length > 0 ? (
          <CountryPicker id="help-country" countries={help.data.countries} value={selected} onChange={choose} />
        ) : null}
        {help.isPending ? <Loading label="Finding the numbers for your country…" /> : null}
        {directory ? <EmergencyNumber directory={directory} /> : null}
        {!help.isPending && !directory ? (
          <p className="emergency-panel__fallback">{help.data?.emergencyNote ?? EMERGENCY_FALLBACK}</p>
        ) : null}
        <p className="visually-hidden" role="status">
          {directory ? `Showing the numbers for ${countryInSentence(directory.countryName)}.` : ''}
        </p>
      </Card>

      {help.isError ? (
        <Notice tone="warning" title="We could not load the list of crisis lines just now.">
          <p>{EMERGENCY_FALLBACK}</p>
        </Notice>
      ) : null}

      {directory ? (
        <section className="help-page__section" aria-labelledby="help-lines-title">
          <h2 id="help-lines-title">Crisis lines in {countryInSentence(directory.countryName)}</h2>
          <ul className="service-list">
            {directory.services.map((service) => (
              <ServiceCard key={service.name} service={service} />
            ))}
          </ul>
        </section>
      ) : null}

      {help.data && help.data.international.length > 0 ? (
        <section className="help-page__section" aria-labelledby="help-international-title">
          <h2 id="help-international-title">{directory ? 'Somewhere else?' : 'Find a line near you'}</h2>
          <p>These directories list helplines around the world. {help.data.emergencyNote}</p>
          <InternationalList links={help.data.international} />
        </section>
      ) : null}

      <section className="help-page__section" aria-labelledby="help-others-title">
        <h2 id="help-others-title">Worried about someone else?</h2>
        <p>
          Many of these lines also help people who are worried about someone else. If that person is in danger right
          now, call the emergency number, and stay with them if it is safe to do so.
        </p>
      </section>

      <section className="help-page__section" aria-labelledby="help-private-title">
        <h2 id="help-private-title">Your private messages</h2>
        <p>
          Only you and the member you write to read your private messages. If a message you write suggests you may be in
          danger, Hearth’s safety team is alerted and sees that one message, never the rest of your conversation.
        </p>
      </section>
    </div>
  );
}
