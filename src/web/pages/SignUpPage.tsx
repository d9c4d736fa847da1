import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { signUpRequestSchema, type SignUpRequest, type SignUpResponse } from '../../shared/api/accounts.js';
import { SignedOutOnly } from '../account/guards.js';
import { CountryField, EmailField, FormError, HandleField, TimeZoneField } from '../account/FormParts.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { deviceTimeZone } from '../account/options.js';
import { RecoveryCodeList } from '../account/RecoveryCodeList.js';
import { signUp } from '../api/accounts.js';
import { setSignedIn } from '../api/queries.js';
import { Button, Card, CheckboxField, Notice, PageHeader, PasswordField } from '../design/index.js';

type Field = 'handle' | 'password' | 'email' | 'country' | 'timeZone';
const ORDER: Field[] = ['handle', 'password', 'email', 'country', 'timeZone'];
const LABELS: Record<Field, string> = {
  handle: 'Handle',
  password: 'Password',
  email: 'Email',
  country: 'Country',
  timeZone: 'Time zone',
};
const IDS: Record<Field, string> = {
  handle: 'sign-up-handle',
  password: 'sign-up-password',
  email: 'sign-up-email',
  country: 'sign-up-country',
  timeZone: 'sign-up-time-zone',
};

export function PasswordRules() {
  return (
    <ul>
      <li>At least 8 characters</li>
      <li>Not a commonly used password. A few unrelated words, like “lantern river biscuit”, work well.</li>
    </ul>
  );
}

export function SignUpPage() {
  const [created, setCreated] = useState<SignUpResponse | null>(null);
  return (
    <SignedOutOnly stay={created !== null}>
      {created ? <RecoveryCodesStep created={created} /> : <SignUpForm onCreated={setCreated} />}
    </SignedOutOnly>
  );
}

function SignUpForm({ onCreated }: { onCreated(created: SignUpResponse): void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    handle: '',
    password: '',
    email: '',
    country: '',
    timeZone: deviceTimeZone(),
  });
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const mutation = useMutation({
    mutationFn: signUp,
    onSuccess: (created) => {
      // The codes step first: the member must see them before anything moves them on.
      onCreated(created);
      setSignedIn(queryClient, created.user);
    },
    onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ORDER, IDS),
  });

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const input: SignUpRequest = {
      handle: values.handle,
      password: values.password,
      ...(values.email.trim() ? { email: values.email.trim() } : {}),
      ...(values.country ? { country: values.country } : {}),
      ...(values.timeZone ? { timeZone: values.timeZone } : {}),
    };
    const checked = validate(signUpRequestSchema, input, LABELS, {
      handle: 'Please choose a handle.',
      password: 'Please choose a password.',
    });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ORDER, IDS);
      return;
    }
    setErrors(noErrors);
    mutation.mutate(input);
  };

  return (
    <div className="narrow">
      <PageHeader
        title="Join Hearth"
        lead={
          <p>
            Choose a name people will know you by. It does not have to be your real name, and you do not need an email.
          </p>
        }
      />
      <form className="form" onSubmit={submit} noValidate aria-describedby={errors.form ? 'sign-up-error' : undefined}>
        <FormError id="sign-up-error" title="We could not create your account." message={errors.form} />
        <HandleField
          id={IDS.handle}
          hint="3 to 24 letters, numbers or underscores, starting with a letter. Other members will see it."
          value={values.handle}
          onChange={set('handle')}
          error={errors.fields.handle}
        />
        <PasswordField
          id={IDS.password}
          label="Password"
          hint={<PasswordRules />}
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <EmailField
          id={IDS.email}
          hint="Not needed to use Hearth. You can add or remove it later in Settings."
          value={values.email}
          onChange={set('email')}
          error={errors.fields.email}
        />
        <CountryField id={IDS.country} value={values.country} onChange={set('country')} error={errors.fields.country} />
        <TimeZoneField
          id={IDS.timeZone}
          hint="Filled in from this device. Used to show times as you would read them."
          value={values.timeZone}
          onChange={set('timeZone')}
          error={errors.fields.timeZone}
        />
        <div className="form-actions">
          <Button type="submit" busy={mutation.isPending} busyLabel="Creating your account…">
            Create my account
          </Button>
        </div>
      </form>
      <p className="form-footnote">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}

function RecoveryCodesStep({ created }: { created: SignUpResponse }) {
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | undefined>();

  // The page changed without a navigation: bring focus (and screen readers) to its new title.
  useEffect(() => {
    document.querySelector<HTMLElement>('#main [data-page-title]')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saved) {
      flushError();
      return;
    }
    // Next: what are you going through? (groups that fit, joined with their rules)
    void navigate('/welcome-in', { replace: true });
  };

  const flushError = () => {
    setError('Please save your recovery codes, then tick the box.');
    document.getElementById('codes-saved')?.focus();
  };

  return (
    <div className="narrow">
      <PageHeader
        title="Save your recovery codes"
        lead={
          <p>
            Welcome, {created.user.handle}. Hearth does not need your email, so these codes are your way back in if you
            forget your password. Each code works once.
          </p>
        }
      />
      <Notice tone="warning" title="We will only show these codes once.">
        <p>Copy them into a password manager, download them, or write them down, and keep them private.</p>
      </Notice>
      <Card className="recovery-codes-card" aria-label="Recovery codes">
        <RecoveryCodeList handle={created.user.handle} codes={created.recoveryCodes} />
      </Card>
      <form className="form" onSubmit={submit} noValidate>
        <CheckboxField
          id="codes-saved"
          label="I have saved my recovery codes somewhere safe"
          checked={saved}
          required
          onChange={(event) => {
            setSaved(event.target.checked);
            if (event.target.checked) setError(undefined);
          }}
          error={error}
        />
        <div className="form-actions">
          <Button type="submit">Continue</Button>
        </div>
      </form>
    </div>
  );
}
