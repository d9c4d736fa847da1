import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { SupportCard as SupportCardData } from '../../shared/api/safety.js';
import { Button, Notice, useDisclosure } from '../design/index.js';
import { countryInSentence } from '../help/country-name.js';
import { InternationalList, ServiceSummary } from '../help/HelpParts.js';
import { telHref } from '../help/phone.js';
import { SupportActions } from './SupportActions.js';

/**
 * Help at once for someone who just wrote something that worried the risk
 * assessor (DESIGN.md "The safety pipeline"). At `imminent` the emergency
 * number comes first and largest; otherwise the crisis lines come first. It
 * never goes away by itself; the member may fold it to its heading.
 */
export function SupportCard({
  card,
  contentType,
  autoFocus = false,
  onFoldAway,
  foldingAway = false,
}: {
  card: SupportCardData;
  contentType: 'post' | 'reply' | 'message';
  /** Move focus to the heading when the card appears (it was just given). */
  autoFocus?: boolean;
  /** "Fold this away": the card stays with the post until the member folds it away for good (every device). */
  onFoldAway?: () => void;
  foldingAway?: boolean;
}) {
  const headingId = `support-${useId()}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const details = useDisclosure(true);
  const forHelper = card.about === 'other';
  const place = card.emergency.countryName ? countryInSentence(card.emergency.countryName) : null;
  // Nobody on duty: said honestly, and the crisis lines come before anything else.
  const teamOffline = card.team?.online === false;

  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);

  const emergency = (
    <div className="support-card__emergency">
      <p className="support-card__emergency-label">
        {forHelper ? 'If they are in danger now' : 'If you are in danger now'}
        {place ? `, emergency services in ${place}` : ''}
      </p>
      <a className="emergency__number" href={telHref(card.emergency.number)}>
        <span className="emergency__call">Call</span> {card.emergency.number}{' '}
        <span className="emergency__call">now</span>
      </a>
    </div>
  );

  return (
    <section className={`support-card support-card--${card.level}`} role="region" aria-labelledby={headingId}>
      <div className="support-card__head">
        <h2
          ref={heading}
          id={headingId}
          className="support-card__title"
          tabIndex={-1}
          data-arrival-focus={autoFocus ? '' : undefined}
        >
          {forHelper ? 'Support for helping someone else' : 'Support for you'}
        </h2>
        <Button variant="quiet" className="support-card__fold" {...details.buttonProps} onClick={details.toggle}>
          {details.open ? 'Fold away' : 'Show again'}
        </Button>
      </div>

      {card.emergency.first ? emergency : null}

      {details.open ? (
        <div {...details.panelProps} className="support-card__body">
          {teamOffline ? (
            <p className="support-card__team support-card__team--offline">{card.team?.message}</p>
          ) : (
            <p className="support-card__message">{card.message}</p>
          )}

          {card.services.length > 0 ? (
            <>
              <h3 className="support-card__subtitle">
                {forHelper ? 'People who can help, day or night' : 'Call or text someone now'}
                {place ? ` in ${place}` : ''}
              </h3>
              <ul className="service-summaries">
                {card.services.map((service) => (
                  <ServiceSummary key={service.name} service={service} />
                ))}
              </ul>
            </>
          ) : (
            <>
              <h3 className="support-card__subtitle">Find a crisis line near you</h3>
              <InternationalList links={card.international} headingLevel={3} />
            </>
          )}

          {card.emergency.first ? null : (
            <p className="support-card__emergency-line">
              {forHelper ? 'If they are in danger right now, call ' : 'If you are in danger right now, call '}
              <a href={telHref(card.emergency.number)}>{card.emergency.number}</a>
              {place ? ` (emergency services in ${place})` : ''}.
            </p>
          )}

          {teamOffline ? <p className="support-card__message">{card.message}</p> : null}
          {card.team?.online ? <p className="support-card__team">{card.team.message}</p> : null}

          <SupportActions card={card} />

          {card.held ? (
            <Notice tone="info" title={`Only you and our safety team can see this ${contentType} for now`}>
              <p>{card.held.reason}</p>
            </Notice>
          ) : null}

          <p className="support-card__more">
            <Link to="/help">See every crisis line</Link>
          </p>
          {onFoldAway ? (
            <p className="support-card__fold-away">
              <Button variant="secondary" busy={foldingAway} busyLabel="Folding away…" onClick={onFoldAway}>
                Fold this away
              </Button>
              <span className="support-card__fold-note">It will stay folded on your other devices too.</span>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
