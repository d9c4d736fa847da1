import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useHotlineCountries, useHotlineVersion } from '../../api/admin-hotlines.js';
import { LoadError, Loading, Notice, PageHeader } from '../../design/index.js';
import { DeleteCountry } from './DeleteCountry.js';
import { HotlineCountryForm } from './HotlineCountryForm.js';

function BackLink() {
  return (
    <p className="admin-page__back">
      <Link to="/admin/hotlines">All countries</Link>
    </p>
  );
}

/** /admin/hotlines/new and /admin/hotlines/:countryCode: one country's entry, to add or edit. */
export function HotlineCountryPage() {
  const { countryCode } = useParams();
  const adding = countryCode === undefined;
  const countries = useHotlineCountries();
  const code = countryCode?.toUpperCase();
  const listed = countries.data?.find((item) => item.countryCode === code);
  // The entry as the editor opened it: if another admin deletes it meanwhile, the
  // draft stays on screen (its save then says the country is gone) instead of vanishing.
  const [opened, setOpened] = useState(listed);
  if (listed !== undefined && opened?.countryCode !== listed.countryCode) setOpened(listed);
  const entry = listed ?? (opened?.countryCode === code ? opened : undefined);
  const version = useHotlineVersion(entry?.countryCode);

  let body;
  if (countries.isPending) body = <Loading label="Loading the directory…" />;
  else if (countries.isError)
    body = <LoadError title="We could not load the directory." error={countries.error} onRetry={countries.refetch} />;
  else if (!adding && !entry)
    body = (
      <Notice tone="info" title={`${code ?? 'This country'} is not in the directory.`}>
        <p>
          It may have been deleted. You can <Link to="/admin/hotlines/new">add a country</Link> instead.
        </p>
      </Notice>
    );
  else
    body = (
      <>
        {/* Keyed by country, so moving between entries starts a fresh draft. */}
        <HotlineCountryForm
          key={entry?.countryCode ?? 'new'}
          entry={entry}
          version={version}
          takenCodes={countries.data.map((item) => item.countryCode)}
        />
        {entry ? <DeleteCountry key={entry.countryCode} entry={entry} /> : null}
      </>
    );

  const title = adding ? 'Add a country' : entry ? `Edit ${entry.countryName}` : 'Edit a country';
  return (
    <div className="admin-page">
      <BackLink />
      <PageHeader eyebrow="Crisis line directory" title={title} />
      {body}
    </div>
  );
}
