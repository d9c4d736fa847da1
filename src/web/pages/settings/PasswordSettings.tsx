import { FormError } from '../../account/FormParts.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changePasswordRequestSchema } from '../../../shared/api/accounts.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../../account/forms.js';
import { changePassword } from '../../api/accounts.js';
import { queryKeys } from '../../api/queries.js';
import { Button, Notice, PasswordField } from '../../design/index.js';
import { PasswordRules } from '../SignUpPage.js';
import { SettingsSection } from './SettingsLayout.js';

type Field = 'currentPassword' | 'newPassword';
const ORDER: Field[] = ['currentPassword', 'newPassword'];
const LABELS: Record<Field, string> = { currentPassword: 'Current password', newPassword: 'New password' };
const IDS: Record<Field, string> = { currentPassword: 'password-current', newPassword: 'password-new' };
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '' };

export function PasswordSettings() {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const [changed, setChanged] = useState(false);
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setValues(EMPTY);
      setChanged(true);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
    onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ORDER, IDS),
  });

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setChanged(false);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const checked = validate(changePasswordRequestSchema, values, LABELS, {
      currentPassword: 'Please enter your current password.',
      newPassword: 'Please choose a new password.',
    });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ORDER, IDS);
      return;
    }
    setErrors(noErrors);
    setChanged(false);
    mutation.mutate(checked.data);
  };

  return (
    <SettingsSection
      title="Password"
      intro={
        <p>
          Changing your password signs you out on every other device where you are signed in. You stay signed in here.
        </p>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError title="We could not change your password." message={errors.form} />
        <PasswordField
          id={IDS.currentPassword}
          label="Current password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.fields.currentPassword}
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
          <Button type="submit" busy={mutation.isPending} busyLabel="Changing your password…">
            Change password
          </Button>
        </div>
        <div role="status" className="form-status">
          {changed ? (
            <Notice tone="success" title="Your password is changed.">
              <p>Any other devices have been signed out.</p>
            </Notice>
          ) : null}
        </div>
      </form>
    </SettingsSection>
  );
}
