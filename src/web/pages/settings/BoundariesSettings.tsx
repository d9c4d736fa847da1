import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { blockMember, setMuted, unblockMember, type BlockedMember, type Mute } from '../../api/community.js';
import { communityKeys, useBlocks, useMutes } from '../../api/community-queries.js';
import { Alert, Button, Loading, Notice, RelativeTime, TextField, VisuallyHidden } from '../../design/index.js';
import { SettingsSection } from './SettingsLayout.js';

/** The members a member has blocked and the threads and groups they muted, each undoable. */
export function BoundariesSettings() {
  const queryClient = useQueryClient();
  const blocks = useBlocks();
  const mutes = useMutes();
  const [status, setStatus] = useState('');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['boundaries'] }),
      queryClient.invalidateQueries({ queryKey: communityKeys.feeds }),
      queryClient.invalidateQueries({ queryKey: ['thread'] }),
    ]);
  const unblock = useMutation({
    mutationFn: (member: BlockedMember) => unblockMember(member.id),
    onSuccess: (_ok, member) => {
      setStatus(`${member.handle} is unblocked.`);
      return refresh();
    },
  });
  const unmute = useMutation({
    mutationFn: (mute: Mute) => setMuted(mute.targetType, mute.targetId, false),
    onSuccess: (_ok, mute) => {
      setStatus(`${mute.label} is unmuted.`);
      return refresh();
    },
  });
  const failure = unblock.error ?? unmute.error;

  return (
    <SettingsSection
      title="Blocked and muted"
      intro={
        <>
          <p>
            Blocked members and you do not see each other’s posts and replies written under their handle, and cannot
            reply to each other there. They are not told.
          </p>
          <p>
            Blocking does not hide anonymous posts and replies, whoever wrote them: if it did, what disappeared would
            tell you who wrote it, and anonymity would mean nothing. To stop seeing an anonymous thread, mute it (Mute
            thread, on the thread).
          </p>
          <p>Muted threads and groups stay out of your home feed and your “needs a reply” list.</p>
        </>
      }
    >
      <div role="status" className="form-status">
        {status ? <Notice tone="success">{status}</Notice> : null}
      </div>
      {failure ? (
        <Alert title="That did not go through.">
          <p>{failure.message}</p>
        </Alert>
      ) : null}

      <h3 className="settings-subtitle">Blocked members</h3>
      {blocks.isPending ? <Loading /> : null}
      {blocks.data && blocks.data.blocked.length === 0 ? <p className="muted">You have not blocked anyone.</p> : null}
      {blocks.data && blocks.data.blocked.length > 0 ? (
        <ul className="boundary-list" aria-label="Blocked members">
          {blocks.data.blocked.map((member) => (
            <li key={member.id} className="boundary-list__item">
              <span>
                <strong>
                  <Link to={`/members/${encodeURIComponent(member.handle)}`}>{member.handle}</Link>
                </strong>
                <span className="muted small">
                  {' '}
                  · blocked <RelativeTime iso={member.blockedAt} />
                </span>
              </span>
              <Button
                variant="secondary"
                busy={unblock.isPending && unblock.variables?.id === member.id}
                onClick={() => unblock.mutate(member)}
              >
                Unblock<VisuallyHidden> {member.handle}</VisuallyHidden>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <BlockByHandle onBlocked={(handle) => setStatus(`${handle} is blocked.`)} />

      <h3 className="settings-subtitle">Muted threads and groups</h3>
      {mutes.isPending ? <Loading /> : null}
      {mutes.data && mutes.data.mutes.length === 0 ? <p className="muted">You have not muted anything.</p> : null}
      {mutes.data && mutes.data.mutes.length > 0 ? (
        <ul className="boundary-list" aria-label="Muted threads and groups">
          {mutes.data.mutes.map((mute) => (
            <li key={`${mute.targetType}-${mute.targetId}`} className="boundary-list__item">
              <span>
                <span className="muted small">{mute.targetType === 'group' ? 'Group: ' : 'Thread: '}</span>
                <strong>{mute.label}</strong>
              </span>
              <Button
                variant="secondary"
                busy={unmute.isPending && unmute.variables?.targetId === mute.targetId}
                onClick={() => unmute.mutate(mute)}
              >
                Unmute<VisuallyHidden> {mute.label}</VisuallyHidden>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </SettingsSection>
  );
}

function BlockByHandle({ onBlocked }: { onBlocked(handle: string): void }) {
  const queryClient = useQueryClient();
  const [handle, setHandle] = useState('');
  const block = useMutation({
    mutationFn: (value: string) => blockMember(value),
    onSuccess: (_ok, value) => {
      setHandle('');
      onBlocked(value);
      return queryClient.invalidateQueries({ queryKey: communityKeys.blocks });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (handle.trim() && !block.isPending) block.mutate(handle.trim());
  };
  return (
    <form className="form block-form" onSubmit={submit} noValidate>
      <TextField
        id="block-handle"
        label="Block a member by handle"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        value={handle}
        onChange={(event) => setHandle(event.target.value)}
        error={block.isError ? block.error.message : undefined}
      />
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={block.isPending} busyLabel="Blocking…">
          Block
        </Button>
      </div>
    </form>
  );
}
