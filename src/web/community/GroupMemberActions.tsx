import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Group } from '../../shared/api/community.js';
import { leaveGroup, setMuted } from '../api/community.js';
import { communityKeys, refreshMemberships, useMutes } from '../api/community-queries.js';
import { Button, ButtonLink, ConfirmPanel } from '../design/index.js';

/** What a member can do in their group: write, mute it from their home feed, or leave. */
export function GroupMemberActions({ group, onStatus }: { group: Group; onStatus(message: string): void }) {
  const queryClient = useQueryClient();
  const mutes = useMutes();
  const [confirmLeave, setConfirmLeave] = useState(false);
  const muted = mutes.data?.mutes.some((mute) => mute.targetType === 'group' && mute.targetId === group.id) ?? false;
  const mute = useMutation({
    mutationFn: (on: boolean) => setMuted('group', group.id, on),
    onSuccess: (_ok, on) => {
      onStatus(
        on
          ? `${group.name} is muted: its posts will not show in your home feed. You are still a member.`
          : `${group.name} is unmuted: its posts can show in your home feed again.`,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: communityKeys.mutes }),
        queryClient.invalidateQueries({ queryKey: communityKeys.feeds }),
      ]);
    },
  });
  const leave = useMutation({
    mutationFn: () => leaveGroup(group.slug),
    onSuccess: () => {
      setConfirmLeave(false);
      onStatus(`You left ${group.name}. You can join again any time.`);
      return refreshMemberships(queryClient);
    },
  });

  return (
    <div className="group-actions">
      <div className="cluster">
        {group.archived ? null : <ButtonLink to={`/groups/${group.slug}/new`}>Write a post</ButtonLink>}
        <Button variant="secondary" busy={mute.isPending || mutes.isPending} onClick={() => mute.mutate(!muted)}>
          {muted ? 'Unmute group' : 'Mute group'}
        </Button>
        <Button variant="quiet" aria-expanded={confirmLeave} onClick={() => setConfirmLeave((open) => !open)}>
          Leave group
        </Button>
      </div>
      {mute.isError ? <p className="field__error">{mute.error.message}</p> : null}
      {confirmLeave ? (
        <ConfirmPanel
          title={`Leave ${group.name}?`}
          confirmLabel="Leave group"
          busyLabel="Leaving…"
          busy={leave.isPending}
          onConfirm={() => leave.mutate()}
          onCancel={() => setConfirmLeave(false)}
        >
          <p>Your posts and replies stay. You can join again any time.</p>
          {leave.isError ? <p className="field__error">{leave.error.message}</p> : null}
        </ConfirmPanel>
      ) : null}
    </div>
  );
}
