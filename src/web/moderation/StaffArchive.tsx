import { useState } from 'react';
import type { Group } from '../../shared/api/community.js';
import { useUpdateGroup } from '../api/moderation-staff.js';
import { Button, ConfirmPanel, Notice } from '../design/index.js';

/** Admins only: archive a group (read-only from then on) or reopen it. */
export function StaffArchive({ group }: { group: Group }) {
  const update = useUpdateGroup(group.slug);
  const [confirming, setConfirming] = useState(false);
  const archiving = !group.archived;
  return (
    <div className="staff-archive">
      <h3>{group.archived ? 'This group is archived' : 'Archive'}</h3>
      <p>
        {group.archived
          ? 'Members can read it but not post. Reopen it to let them post again.'
          : 'An archived group can still be read, but nobody can post or reply in it.'}
      </p>
      {confirming ? (
        <ConfirmPanel
          title={archiving ? `Archive ${group.name}?` : `Reopen ${group.name}?`}
          confirmLabel={archiving ? 'Archive the group' : 'Reopen the group'}
          busy={update.isPending}
          busyLabel="Saving…"
          danger={archiving}
          onCancel={() => setConfirming(false)}
          onConfirm={() => update.mutate({ archived: archiving }, { onSuccess: () => setConfirming(false) })}
        >
          {update.isError ? (
            <Notice tone="danger" live="alert">
              {update.error.message}
            </Notice>
          ) : null}
        </ConfirmPanel>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {archiving ? 'Archive the group' : 'Reopen the group'}
        </Button>
      )}
    </div>
  );
}
