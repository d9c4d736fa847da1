import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Group } from '../../shared/api/community.js';
import { updateGroupRules } from '../api/community.js';
import { communityKeys } from '../api/community-queries.js';
import { Button, Disclosure, Notice, TextAreaField } from '../design/index.js';

/** For the group's moderators (and site staff): the rules, one numbered line each. */
export function GroupRulesEditor({ group }: { group: Group }) {
  return (
    <Disclosure label="Edit the rules" openLabel="Close the rules editor" variant="quiet" className="rules-editor">
      <RulesForm group={group} />
    </Disclosure>
  );
}

function RulesForm({ group }: { group: Group }) {
  const queryClient = useQueryClient();
  const [rules, setRules] = useState(group.rules);
  const save = useMutation({
    mutationFn: () => updateGroupRules(group.slug, rules),
    onSuccess: ({ group: updated }) => {
      queryClient.setQueryData(communityKeys.group(group.slug), { group: updated });
      return queryClient.invalidateQueries({ queryKey: communityKeys.groups });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextAreaField
        id={`rules-${group.slug}`}
        label="Rules"
        hint="One rule per line, numbered: “1. Be kind.” Members accept them when they join."
        rows={10}
        value={rules}
        onChange={(event) => setRules(event.target.value)}
        error={save.isError ? save.error.message : undefined}
      />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          Save rules
        </Button>
      </div>
      <div role="status" className="form-status">
        {save.isSuccess ? <Notice tone="success">The rules are saved.</Notice> : null}
      </div>
    </form>
  );
}
