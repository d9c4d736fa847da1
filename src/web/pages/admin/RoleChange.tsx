import { useState } from 'react';
import type { Role } from '../../../shared/api/accounts.js';
import type { AdminMember } from '../../../shared/api/moderation-staff.js';
import { ApiError } from '../../api/client.js';
import { useChangeRole } from '../../api/moderation-staff.js';
import { Button, ConfirmPanel, Notice, SelectField } from '../../design/index.js';
import { ROLE_ALLOWS, ROLE_LABELS, ROLE_ORDER } from './roles.js';

type Step = { at: 'closed' } | { at: 'choosing'; role: Role } | { at: 'confirming'; role: Role };

/** Change one member's role: choose, then confirm with what the new role allows. */
export function RoleChange({ user }: { user: AdminMember }) {
  const change = useChangeRole();
  const [step, setStep] = useState<Step>({ at: 'closed' });
  const [done, setDone] = useState('');

  if (step.at === 'closed') {
    return (
      <div className="member-list__actions">
        <Button
          variant="secondary"
          onClick={() => {
            change.reset();
            setDone('');
            setStep({ at: 'choosing', role: user.role });
          }}
        >
          Change role<span className="visually-hidden"> of @{user.handle}</span>
        </Button>
        <p role="status" className="member-list__done">
          {done}
        </p>
      </div>
    );
  }

  if (step.at === 'choosing') {
    return (
      <div className="member-list__actions stack">
        <SelectField
          label={`New role for @${user.handle}`}
          value={step.role}
          onChange={(event) => setStep({ at: 'choosing', role: event.currentTarget.value as Role })}
          hint={ROLE_ALLOWS[step.role]}
        >
          {ROLE_ORDER.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
              {role === user.role ? ' (now)' : ''}
            </option>
          ))}
        </SelectField>
        <div className="cluster">
          <Button disabled={step.role === user.role} onClick={() => setStep({ at: 'confirming', role: step.role })}>
            Review the change
          </Button>
          <Button variant="quiet" onClick={() => setStep({ at: 'closed' })}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }

  const role = step.role;
  const refusedSelf = change.error instanceof ApiError && change.error.status === 403;
  return (
    <ConfirmPanel
      title={`Make @${user.handle} ${role === 'admin' ? 'an' : 'a'} ${ROLE_LABELS[role].toLowerCase()}?`}
      confirmLabel={`Make ${ROLE_LABELS[role].toLowerCase()}`}
      busy={change.isPending}
      busyLabel="Changing…"
      danger={role === 'admin'}
      onCancel={() => setStep({ at: 'closed' })}
      onConfirm={() =>
        change.mutate(
          { userId: user.id, role },
          {
            onSuccess: ({ user: changed }) => {
              setDone(`@${changed.handle} is now ${ROLE_LABELS[changed.role].toLowerCase()}.`);
              setStep({ at: 'closed' });
            },
          },
        )
      }
    >
      <p>
        <strong>{ROLE_LABELS[role]}:</strong> {ROLE_ALLOWS[role]}
      </p>
      <p>
        Now: {ROLE_LABELS[user.role]}. The change takes effect at once, also on screens they have open, and is recorded
        in the audit log.
      </p>
      {change.isError ? (
        <Notice tone={refusedSelf ? 'info' : 'danger'} live="alert">
          {refusedSelf
            ? 'Hearth did not change this role: an admin cannot change their own role, so there is always an admin. Another admin can do it.'
            : change.error.message}
        </Notice>
      ) : null}
    </ConfirmPanel>
  );
}
