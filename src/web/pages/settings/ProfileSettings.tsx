import { CountryField, EmailField, FormError, TimeZoneField } from '../../account/FormParts.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { updateProfileRequestSchema, type Me, type UpdateProfileRequest } from '../../../shared/api/accounts.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../../account/forms.js';
import { LanguageOptions } from '../../account/options.js';
import { updateProfile } from '../../api/accounts.js';
import { queryKeys, setSignedIn, useMe } from '../../api/queries.js';
import { Button, Notice, SelectField, TextAreaField, TextField } from '../../design/index.js';
import { SettingsSection } from './SettingsLayout.js';

type Field = 'pronouns' | 'bio' | 'email' | 'country' | 'timeZone' | 'language';
const ORDER: Field[] = ['pronouns', 'bio', 'email', 'country', 'timeZone', 'language'];
const LABELS: Record<Field, string> = {
  pronouns: 'Pronouns',
  bio: 'About you',
  email: 'Email',
  country: 'Country',
  timeZone: 'Time zone',
  language: 'Language',
};
const IDS: Record<Field, string> = {
  pronouns: 'profile-pronouns',
  bio: 'profile-bio',
  email: 'profile-email',
  country: 'profile-country',
  timeZone: 'profile-time-zone',
  language: 'profile-language',
};
const BIO_MAX = 280;

function valuesOf(me: Me): Record<Field, string> {
  return {
    pronouns: me.pronouns ?? '',
    bio: me.bio ?? '',
    email: me.email ?? '',
    country: me.country ?? '',
    timeZone: me.timeZone ?? '',
    language: me.language,
  };
}

export function ProfileSettings() {
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <SettingsSection
      title="Profile"
      intro={
        <p>
          Other members see your handle, pronouns and bio on{' '}
          <Link to={`/members/${encodeURIComponent(me.handle)}`}>your profile</Link>, with the posts you wrote under your
          handle (never anonymous ones). Your email, country and time zone are only for you.
        </p>
      }
    >
      <ProfileForm me={me} />
    </SettingsSection>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(me));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: updateProfile,
    onSuccess: ({ user }) => {
      setSignedIn(queryClient, user);
      // The help directory follows the profile's country.
      void queryClient.invalidateQueries({ queryKey: queryKeys.help(undefined) });
      setValues(valuesOf(user));
      setSaved(true);
    },
    onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ORDER, IDS),
  });

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const orNull = (value: string) => (value.trim() ? value.trim() : null);
    const input: UpdateProfileRequest = {
      pronouns: orNull(values.pronouns),
      bio: orNull(values.bio),
      email: orNull(values.email),
      country: orNull(values.country),
      timeZone: orNull(values.timeZone),
      language: values.language,
    };
    const checked = validate(updateProfileRequestSchema, input, LABELS);
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ORDER, IDS);
      return;
    }
    setErrors(noErrors);
    setSaved(false);
    mutation.mutate(input);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError title="We could not save your profile." message={errors.form} />
      <TextField
        id={IDS.pronouns}
        label="Pronouns"
        labelNote="(optional)"
        hint="For example she/her, he/him or they/them."
        value={values.pronouns}
        onChange={set('pronouns')}
        error={errors.fields.pronouns}
        autoComplete="off"
      />
      <BioField value={values.bio} onChange={set('bio')} error={errors.fields.bio} />
      <EmailField
        id={IDS.email}
        hint="Not needed to use Hearth. Leave it empty to remove it."
        value={values.email}
        onChange={set('email')}
        error={errors.fields.email}
      />
      <CountryField id={IDS.country} value={values.country} onChange={set('country')} error={errors.fields.country} />
      <TimeZoneField
        id={IDS.timeZone}
        hint="Used to show times as you would read them."
        value={values.timeZone}
        onChange={set('timeZone')}
        error={errors.fields.timeZone}
      />
      <SelectField
        id={IDS.language}
        label="Language"
        hint="The language you are most at ease reading and writing in."
        value={values.language}
        onChange={set('language')}
        error={errors.fields.language}
      >
        <LanguageOptions current={values.language} />
      </SelectField>
      <div className="form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="Saving…">
          Save profile
        </Button>
      </div>
      <div role="status" className="form-status">
        {saved ? <Notice tone="success">Your profile is saved.</Notice> : null}
      </div>
    </form>
  );
}

/**
 * The bio with a live count. The visible count is part of the field's
 * description; screen readers are told the count only near the limit, and only
 * once typing pauses, so it never talks over every keystroke.
 */
function BioField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(event: { target: { value: string } }): void;
  error?: string | undefined;
}) {
  const remaining = BIO_MAX - value.length;
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      setAnnounced(remaining <= 20 ? countText(remaining) : '');
    }, 700);
    return () => clearTimeout(timer);
  }, [remaining]);

  return (
    <TextAreaField
      id={IDS.bio}
      label="About you"
      labelNote="(optional)"
      hint="A few words other members will see on your profile, if you like."
      describedBy="profile-bio-count"
      value={value}
      onChange={onChange}
      error={error}
      rows={4}
      after={
        <>
          <p id="profile-bio-count" className={`field__counter${remaining < 0 ? ' field__counter--over' : ''}`}>
            {value.length} of {BIO_MAX} characters{remaining < 0 ? `: ${-remaining} too many` : ''}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {announced}
          </p>
        </>
      }
    />
  );
}

function countText(remaining: number): string {
  if (remaining < 0) return `${-remaining} ${remaining === -1 ? 'character' : 'characters'} too many`;
  return `${remaining} ${remaining === 1 ? 'character' : 'characters'} left`;
}
