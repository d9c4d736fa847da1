import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { FormError, PLAIN_TEXT_INPUT } from '../../account/FormParts.js';
import { noErrors, showErrors } from '../../account/forms.js';
import { CountryOptions } from '../../account/options.js';
import { adminHotlineKeys, refreshHotlines, saveHotlineCountry, type HotlineList } from '../../api/admin-hotlines.js';
import { Button, SelectField, TextField } from '../../design/index.js';
import type { CountryDirectory } from '../../../shared/hotlines.js';
import { countries } from '../../../shared/regions.js';
import {
  checkDraft,
  countryDraft,
  emptyService,
  errorsFromServer,
  fieldId,
  fieldOrder,
  type CountryDraft,
  type CountryField,
  type HotlineErrors,
  type ServiceField,
} from './hotline-form.js';
import type { HotlineNoticeState } from './notices.js';
import { ServiceFieldset } from './ServiceFieldset.js';

const ALERT_ID = 'hotline-form-error';
const SERVICES_TITLE_ID = 'hotline-services-title';

function byName(a: CountryDirectory, b: CountryDirectory): number {
  return a.countryName.localeCompare(b.countryName, 'en');
}

/**
 * The editor of one country's entry, new or existing. Saving sends the whole
 * entry (the API replaces it), checked first with the server's own schema; a
 * problem either finds is shown beside its field, which then takes focus.
 */
export function HotlineCountryForm({
  entry,
  version,
  takenCodes,
}: {
  /** The saved entry; undefined when adding a country. */
  entry: CountryDirectory | undefined;
  /** The entry's version when the editor opened: the save is refused if someone saved since. */
  version: string | undefined;
  /** Countries already in the directory, which "Add a country" must not replace by mistake. */
  takenCodes: readonly string[];
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CountryDraft>(() => countryDraft(entry));
  const [errors, setErrors] = useState<HotlineErrors>(noErrors);
  const [servicesNote, setServicesNote] = useState('');
  const newServiceName = useRef<HTMLInputElement>(null);
  const adding = entry === undefined;
  // Fixed when the editor opens: a background refetch must not move the edit onto a newer version.
  const [baseVersion] = useState(version);

  const save = useMutation({
    mutationFn: (next: CountryDirectory) => saveHotlineCountry(next, adding ? 'new' : (baseVersion ?? 'new')),
    onSuccess: async ({ country, version: saved }) => {
      queryClient.setQueryData<HotlineList>(adminHotlineKeys.all, (list) =>
        list
          ? {
              countries: [...list.countries.filter((item) => item.countryCode !== country.countryCode), country].sort(
                byName,
              ),
              versions: { ...list.versions, [country.countryCode]: saved },
            }
          : list,
      );
      void refreshHotlines(queryClient);
      const state: HotlineNoticeState = { hotlineNotice: 'saved', countryCode: country.countryCode };
      await navigate('/admin/hotlines', { state });
    },
    onError: (error) => show(errorsFromServer(error)),
  });

  function show(next: HotlineErrors) {
    const order = fieldOrder(draft);
    showErrors(setErrors, next, order, Object.fromEntries(order.map((key) => [key, fieldId(key)])), ALERT_ID);
  }

  const setCountryField = (field: CountryField, value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const chooseCountry = (code: string) =>
    setDraft((current) => {
      const previousName = countries().find((country) => country.code === current.countryCode)?.name ?? '';
      const name = countries().find((country) => country.code === code)?.name ?? '';
      // The name follows the chosen country until the admin words it themselves.
      const countryName = !current.countryName || current.countryName === previousName ? name : current.countryName;
      return { ...current, countryCode: code, countryName };
    });

  const setServiceField = (index: number, field: ServiceField, value: string) =>
    setDraft((current) => ({
      ...current,
      services: current.services.map((service, at) => (at === index ? { ...service, [field]: value } : service)),
    }));

  const addService = () => {
    flushSync(() => {
      setErrors(noErrors);
      setServicesNote('');
      setDraft((current) => ({ ...current, services: [...current.services, emptyService()] }));
    });
    newServiceName.current?.focus();
  };

  const removeService = (index: number) => {
    const removed = draft.services[index];
    const left = draft.services.length - 1;
    flushSync(() => {
      setErrors(noErrors);
      setDraft((current) => ({ ...current, services: current.services.filter((_, at) => at !== index) }));
      setServicesNote(
        `${removed?.name.trim() || 'The service'} is removed from this form. ${left === 1 ? '1 service is' : `${left} services are`} left; save to keep the change.`,
      );
    });
    document.getElementById(SERVICES_TITLE_ID)?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    if (adding && takenCodes.includes(draft.countryCode)) {
      show({ fields: { countryCode: 'That country is already in the directory. Edit it from the list instead.' } });
      return;
    }
    const checked = checkDraft(draft);
    if (!checked.ok) {
      show(checked.errors);
      return;
    }
    setErrors(noErrors);
    save.mutate(checked.entry);
  };

  const lastIndex = draft.services.length - 1;
  return (
    <form
      className="form hotline-form"
      onSubmit={submit}
      noValidate
      aria-label={adding ? 'New country' : `Entry for ${entry.countryName}`}
    >
      <FormError id={ALERT_ID} title="We could not save this country." message={errors.form} />
      <fieldset className="hotline-form__country">
        <legend>Country</legend>
        {adding ? (
          <SelectField
            id={fieldId('countryCode')}
            label="Country"
            value={draft.countryCode}
            error={errors.fields.countryCode}
            onChange={(event) => chooseCountry(event.target.value)}
          >
            <CountryOptions emptyLabel="Choose a country" />
          </SelectField>
        ) : (
          <p className="hotline-form__code">
            Country code <strong>{entry.countryCode}</strong>
          </p>
        )}
        <TextField
          id={fieldId('countryName')}
          label="Country name"
          hint="As members read it in a sentence: “Crisis lines in …”."
          autoComplete="off"
          value={draft.countryName}
          error={errors.fields.countryName}
          onChange={(event) => setCountryField('countryName', event.target.value)}
        />
        <TextField
          id={fieldId('emergencyNumber')}
          label="Emergency number"
          hint="The number for an ambulance or immediate danger, for example 112."
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...PLAIN_TEXT_INPUT}
          value={draft.emergencyNumber}
          error={errors.fields.emergencyNumber}
          onChange={(event) => setCountryField('emergencyNumber', event.target.value)}
        />
      </fieldset>

      <section className="hotline-form__services" aria-labelledby={SERVICES_TITLE_ID}>
        <h2 id={SERVICES_TITLE_ID} className="admin-page__subtitle" tabIndex={-1}>
          Services
        </h2>
        <p className="muted">Every country needs at least one service. Members see them in this order.</p>
        <p role="status" className="visually-hidden">
          {servicesNote}
        </p>
        {draft.services.map((service, index) => (
          <ServiceFieldset
            key={service.key}
            index={index}
            service={service}
            errors={errors.fields}
            canRemove={draft.services.length > 1}
            {...(index === lastIndex ? { nameRef: newServiceName } : {})}
            onChange={(field, value) => setServiceField(index, field, value)}
            onRemove={() => removeService(index)}
          />
        ))}
        <div className="form-actions">
          <Button variant="secondary" onClick={addService}>
            Add a service
          </Button>
        </div>
      </section>

      <div className="form-actions hotline-form__save">
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          {adding ? 'Add this country' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
