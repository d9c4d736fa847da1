import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Group } from '../../shared/api/community.js';
import { joinGroup } from '../api/community.js';
import { refreshMemberships } from '../api/community-queries.js';
import { Alert, Button, Notice, useDisclosure, VisuallyHidden } from '../design/index.js';
import { GroupRules, RulesSummary } from './GroupRules.js';

/**
 * Joining a group is accepting its rules, so the rules come first: "Join" opens
 * them with one action, "I accept the group rules". A private group takes a
 * request instead. When the rules are already on the page, the action shows at once.
 */
export function JoinGroup({
  group,
  rulesShown = false,
  withSummary = false,
  headingLevel = 3,
}: {
  group: Group;
  rulesShown?: boolean;
  /** Show the first few rules while shut (in a list of groups): the full list replaces them when open. */
  withSummary?: boolean;
  headingLevel?: 3 | 4;
}) {
  const queryClient = useQueryClient();
  const panel = useDisclosure(false);
  const done = useRef<HTMLDivElement>(null);
  const join = useMutation({
    mutationFn: () => joinGroup(group.slug),
    onSuccess: () => refreshMemberships(queryClient),
  });
  const joined = join.data?.group.membership;

  // The button the member pressed is gone: bring focus to what happened instead.
  useEffect(() => {
    if (join.isSuccess) done.current?.focus();
  }, [join.isSuccess]);

  // Already a member before this page: the caller shows that (a badge, the member's actions).
  if (!join.isSuccess && group.membership) return null;
  if (joined?.status === 'active' || joined?.status === 'pending') {
    return (
      <Notice
        ref={done}
        tabIndex={-1}
        live="status"
        tone="success"
        className="join-group__done"
        title={
          joined.status === 'active'
            ? `You are a member of ${group.name}`
            : `Your request to join ${group.name} is with its moderators`
        }
      />
    );
  }

  const isPrivate = group.visibility === 'private';
  const accept = (
    <div className="join-group__accept">
      <p className="join-group__note">
        {isPrivate
          ? 'This group is private: the moderators will look at your request. Asking means accepting the rules.'
          : 'Joining means accepting these rules.'}
      </p>
      <div className="cluster">
        <Button busy={join.isPending} busyLabel="Joining…" onClick={() => join.mutate()}>
          I accept the group rules
          <VisuallyHidden>
            {' '}
            and {isPrivate ? 'ask to join' : 'join'} {group.name}
          </VisuallyHidden>
        </Button>
        {rulesShown ? null : (
          <Button variant="quiet" onClick={() => panel.setOpen(false)}>
            Not now
          </Button>
        )}
      </div>
      {join.isError ? (
        <Alert title="We could not add you to the group.">
          <p>{join.error.message}</p>
        </Alert>
      ) : null}
    </div>
  );

  if (rulesShown) return <div className="join-group">{accept}</div>;

  return (
    <div className="join-group">
      {withSummary && !panel.open ? <RulesSummary group={group} /> : null}
      <Button variant="secondary" {...panel.buttonProps} onClick={panel.toggle}>
        {isPrivate ? 'Ask to join' : 'Join'}
        <VisuallyHidden> {group.name}</VisuallyHidden>
      </Button>
      {panel.open ? (
        <div {...panel.panelProps} className="join-group__panel">
          <GroupRules group={group} headingLevel={headingLevel} />
          {accept}
        </div>
      ) : null}
    </div>
  );
}
