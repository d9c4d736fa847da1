import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { signInRequestSchema } from '../../shared/api/accounts.js';
import { FormError, HandleField } from '../account/FormParts.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { SIGN_IN_NOTICES } from '../account/notices.js';
import { signIn } from '../api/accounts.js';
import { ApiError } from '../api/client.js';
import { setSignedIn, useMe } from '../api/queries.js';
import { Button, Loading, Notice, PageHeader, PasswordField } from '../design/index.js';

type Field = 'handle' | 'password';
const ORDER: Field[] = ['handle', 'password'];
const LABELS: Record<Field, string> = { handle: 'Handle', password: 'Password' };
const IDS: Record<Field, string> = { handle: 'sign-in-handle', password: 'sign-in-password' };

interface SignInState {
  notice?: string;
  from?: string;
}

/** Only paths inside the app: never send someone to another site after signing in. */
function safeReturnPath(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-') ? from : '/home';
}

export function SignInPage() {
  const me = useMe();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const notice = state.notice ? SIGN_IN_NOTICES[state.notice] : undefined;
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({ handle: '', password: '' });
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  // The notice that brought the person here ("You are signed out") gives way once they try to sign in.
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: ({ user }) => setSignedIn(queryClient, user),
    // "That handle and password do not match" belongs to both fields: it is said once, in the alert.
    onError: (error) => setErrors(errorsFromApi(error, LABELS)),
  });

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={safeReturnPath(state.from)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setAttempted(true);
    const checked = validate(signInRequestSchema, values, LABELS, {
      handle: 'Please enter your handle.',
      password: 'Please enter your password.',
    });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ORDER, IDS);
      return;
    }
    setErrors(noErrors);
    mutation.mutate(checked.data);
  };

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <div className="narrow">
      {notice && !attempted ? (
        <Notice tone="info" live="status" title={notice.title} className="page-notice">
          <p>{notice.body}</p>
        </Notice>
      ) : null}
      {state.from && !notice && !attempted ? (
        <Notice tone="info" className="page-notice">
          <p>Please sign in to continue.</p>
        </Notice>
      ) : null}
      <PageHeader title="Sign in" lead={<p>Welcome back. It is good to see you.</p>} />
      <form className="form" onSubmit={submit} noValidate>
        <FormError id="sign-in-error" title="We could not sign you in." message={errors.form} />
        {mutation.error instanceof ApiError && mutation.error.code === 'rate_limited' ? (
          // Someone else's wrong guesses can hold a handle back on a new device; a recovery code always works.
          <p className="form-footnote">
            If this is your account, you can get in now with one of your <Link to="/recover">recovery codes</Link>.
          </p>
        ) : null}
        <HandleField id={IDS.handle} value={values.handle} onChange={set('handle')} error={errors.fields.handle} />
        <PasswordField
          id={IDS.password}
          label="Password"
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <div className="form-actions">
          <Button type="submit" busy={mutation.isPending} busyLabel="Signing in…">
            Sign in
          </Button>
          <Link to="/recover">Forgot your password?</Link>
        </div>
      </form>
      <p className="form-footnote">
        New to Hearth? <Link to="/sign-up">Join Hearth</Link>
      </p>
    </div>
  );
}
