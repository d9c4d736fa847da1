import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { recoverRequestSchema } from '../../shared/api/accounts.js';
import { SignedOutOnly } from '../account/guards.js';
import { FormError, HandleField, PLAIN_TEXT_INPUT } from '../account/FormParts.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { recover } from '../api/accounts.js';
import { setSignedIn } from '../api/queries.js';
import { ButtonLink, Notice, PageHeader, PasswordField, TextField, Button } from '../design/index.js';
import { PasswordRules } from './SignUpPage.js';

type Field = 'handle' | 'code' | 'newPassword';
const ORDER: Field[] = ['handle', 'code', 'newPassword'];
const LABELS: Record<Field, string> = { handle: 'Handle', code: 'Recovery code', newPassword: 'New password' };
const IDS: Record<Field, string> = {
  handle: 'recover-handle',
  code: 'recover-code',
  newPassword: 'recover-new-password',
};

export function RecoverPage() {
  const [remaining, setRemaining] = useState<number | null>(null);
  return (
    <SignedOutOnly stay={remaining !== null}>
      {remaining === null ? <RecoverForm onRecovered={setRemaining} /> : <Recovered remaining={remaining} />}
    </SignedOutOnly>
  );
}

function RecoverForm({ onRecovered }: { onRecovered(remaining: number): void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({ handle: '', code: '', newPassword: '' });
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const mutation = useMutation({
    mutationFn: recover,
    onSuccess: ({ user, remainingCodes }) => {
      onRecovered(remainingCodes);
      setSignedIn(queryClient, user);
    },
    onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ORDER, IDS),
  });

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const checked = validate(recoverRequestSchema, values, LABELS, {
      handle: 'Please enter your handle.',
      code: 'Please enter one of your recovery codes.',
      newPassword: 'Please choose a new password.',
    });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ORDER, IDS);
      return;
    }
    setErrors(noErrors);
    mutation.mutate(checked.data);
  };

  return (
    <div className="narrow">
      <PageHeader
        title="Get back into your account"
        lead={
          <p>Use one of the recovery codes you saved when you joined to set a new password. Each code works once.</p>
        }
      />
      <form className="form" onSubmit={submit} noValidate>
        <FormError id="recover-error" title="We could not reset your password." message={errors.form} />
        <HandleField id={IDS.handle} value={values.handle} onChange={set('handle')} error={errors.fields.handle} />
        <TextField
          id={IDS.code}
          label="Recovery code"
          hint="It looks like k7dm-q2xp-9hta. Capitals, spaces and dashes do not matter."
          autoComplete="one-time-code"
          {...PLAIN_TEXT_INPUT}
          value={values.code}
          onChange={set('code')}
          error={errors.fields.code}
        />
        <PasswordField
          id={IDS.newPassword}
          label="New password"
          hint={<PasswordRules />}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.fields.newPassword}
        />
        <div className="form-actions">
          <Button type="submit" busy={mutation.isPending} busyLabel="Setting your password…">
            Set new password
          </Button>
        </div>
      </form>
      <p className="form-footnote">
        Remembered it? <Link to="/sign-in">Sign in</Link>
      </p>
      <Notice tone="info" title="No codes left, or lost them?">
        <p>
          Without a recovery code we cannot check that the account is yours, so we cannot reset it. You are welcome to
          join again with a new handle.
        </p>
      </Notice>
    </div>
  );
}

function Recovered({ remaining }: { remaining: number }) {
  useEffect(() => {
    document.querySelector<HTMLElement>('#main [data-page-title]')?.focus();
  }, []);
  const codes = remaining === 1 ? '1 recovery code' : `${remaining} recovery codes`;
  return (
    <div className="narrow">
      <PageHeader
        title="You are back in"
        lead={<p>Your new password is set, and you are signed in on this device.</p>}
      />
      <Notice tone={remaining <= 3 ? 'warning' : 'success'} live="status" title={`You have ${codes} left.`}>
        <p>
          The code you used will not work again. When you have a moment, make a fresh set in Settings, so you always
          have a way back in. For your safety, any other devices were signed out.
        </p>
      </Notice>
      <div className="form-actions">
        <ButtonLink to="/settings/recovery-codes">Make new recovery codes</ButtonLink>
        <ButtonLink to="/home" variant="secondary">
          Go to your account
        </ButtonLink>
      </div>
    </div>
  );
}
