import { FormError } from '../../account/FormParts.js';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorsFromApi, noErrors, showErrors, type FormErrors } from '../../account/forms.js';
import { RecoveryCodeList } from '../../account/RecoveryCodeList.js';
import { regenerateRecoveryCodes } from '../../api/accounts.js';
import { useMe } from '../../api/queries.js';
import { Button, Card, Notice, PasswordField } from '../../design/index.js';
import { SettingsSection } from './SettingsLayout.js';

type Field = 'password';
const LABELS: Record<Field, string> = { password: 'Your password' };
const IDS: Record<Field, string> = { password: 'recovery-password' };

export function RecoveryCodesSettings() {
  const { data: me } = useMe();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const mutation = useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: () => setPassword(''),
    onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ['password'], IDS),
  });
  const codes = mutation.data?.recoveryCodes;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!password) {
      showErrors(setErrors, { fields: { password: 'Please enter your password.' } }, ['password'], IDS);
      return;
    }
    setErrors(noErrors);
    mutation.mutate(password);
  };

  return (
    <SettingsSection
      title="Recovery codes"
      intro={
        <p>
          If you forget your password, a recovery code lets you set a new one. Making a new set replaces your old codes:
          the old ones stop working at once.
        </p>
      }
    >
      {codes && me ? (
        <div className="stack">
          <Notice tone="warning" live="status" title="Here are your new recovery codes. We will only show them once.">
            <p>Save them somewhere safe and private before you leave this page. Your old codes no longer work.</p>
          </Notice>
          <Card aria-label="New recovery codes">
            <RecoveryCodeList handle={me.handle} codes={codes} />
          </Card>
          <Button variant="secondary" onClick={() => mutation.reset()}>
            I have saved them
          </Button>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <FormError title="We could not make new codes." message={errors.form} />
          <PasswordField
            id={IDS.password}
            label="Your password"
            hint="To keep your account safe, we ask for it before making new codes."
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.fields.password}
          />
          <div className="form-actions">
            <Button type="submit" busy={mutation.isPending} busyLabel="Making new codes…">
              Make new recovery codes
            </Button>
          </div>
        </form>
      )}
    </SettingsSection>
  );
}
