import { Link, useLocation } from 'react-router';
import { useHotlineCountries } from '../../api/admin-hotlines.js';
import { ButtonLink, LoadError, Loading, Notice, PageHeader } from '../../design/index.js';
import { formatCheckedOn, oldestCheck } from './hotline-form.js';
import { hotlineNotice } from './notices.js';

/** Every country in the crisis line directory, each a link to its editor. */
export function HotlinesAdminPage() {
  const countries = useHotlineCountries();
  const location = useLocation();
  const state = location.state as { countryCode?: string } | null;
  const savedName = countries.data?.find((entry) => entry.countryCode === state?.countryCode)?.countryName;
  const notice = hotlineNotice(location.state, savedName);

  return (
    <div className="admin-page">
      <PageHeader
        eyebrow="Administration"
        title="Crisis line directory"
        lead={
          <p>
            The numbers members see on “Get help now” and on their support card. Each line needs the page that confirms
            it and the date you checked it.
          </p>
        }
      />
      <div role="status" className="form-status">
        {notice ? (
          // Focus lands here after a save or delete, so the result is heard first.
          <div className="admin-page__arrival" tabIndex={-1} data-arrival-focus="">
            <Notice tone="success">{notice}</Notice>
          </div>
        ) : null}
      </div>
      <div className="form-actions admin-page__actions">
        <ButtonLink to="/admin/hotlines/new" variant="secondary">
          Add a country
        </ButtonLink>
      </div>
      {countries.isPending ? <Loading label="Loading the directory…" /> : null}
      {countries.isError ? (
        <LoadError title="We could not load the directory." error={countries.error} onRetry={countries.refetch} />
      ) : null}
      {countries.data ? (
        <section aria-labelledby="hotline-countries-title">
          <h2 id="hotline-countries-title" className="admin-page__subtitle">
            {countries.data.length === 1 ? '1 country' : `${countries.data.length} countries`}
          </h2>
          {countries.data.length === 0 ? <p className="muted">The directory is empty.</p> : null}
          <ul className="hotline-list">
            {countries.data.map((entry) => (
              <li key={entry.countryCode} className="hotline-list__item">
                <h3 className="hotline-list__name">
                  <Link to={`/admin/hotlines/${entry.countryCode}`}>{entry.countryName}</Link>
                </h3>
                <dl className="service__facts hotline-list__facts">
                  <div>
                    <dt>Emergency number</dt>
                    <dd>{entry.emergencyNumber}</dd>
                  </div>
                  <div>
                    <dt>Services</dt>
                    <dd>{entry.services.length}</dd>
                  </div>
                  <div>
                    <dt>Oldest check</dt>
                    <dd>{formatCheckedOn(oldestCheck(entry))}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
