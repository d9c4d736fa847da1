import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/api/accounts.js';
import { endSession, listSessions } from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { queryKeys, useMe } from '../../api/queries.js';
import { Alert, Badge, Button, Loading, Notice, VisuallyHidden } from '../../design/index.js';
import { SettingsSection } from './SettingsLayout.js';

function formatter(timeZone: string | null | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

export function SessionsSettings() {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: listSessions });
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState('');

  const end = useMutation({
    mutationFn: async (targets: SessionInfo[]) => {
      for (const target of targets) {
        try {
          await endSession(target.id);
        } catch (error) {
          // Already over (it expired, or was ended elsewhere): what the member wanted.
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
      }
      return targets;
    },
    onMutate: () => {
      setDone('');
      setFailed('');
    },
    onSuccess: (targets) => {
      setDone(
        targets.length === 1
          ? `${targets[0]!.device} is signed out.`
          : `${targets.length} other devices are signed out.`,
      );
    },
    onError: (error) => setFailed(error instanceof Error ? error.message : 'Something went wrong. Please try again.'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });

  const list = sessions.data?.sessions ?? [];
  const others = list.filter((session) => !session.current);
  const dates = formatter(me?.timeZone);
  // This device first, then the most recently used.
  const ordered = [...list].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  return (
    <SettingsSection
      title="Sessions"
      intro={
        <p>
          These are the devices where you are signed in. If you see one you do not recognise, sign it out and change
          your password.
        </p>
      }
    >
      <div role="status" className="form-status">
        {done ? <Notice tone="success">{done}</Notice> : null}
      </div>
      {failed ? (
        <Alert title="We could not sign that device out.">
          <p>{failed}</p>
        </Alert>
      ) : null}
      {sessions.isPending ? <Loading label="Loading your sessions…" /> : null}
      {sessions.isError ? (
        <Alert title="We could not load your sessions.">
          <p>{sessions.error.message}</p>
        </Alert>
      ) : null}
      {list.length > 0 ? (
        <ul className="session-list" aria-label="Signed-in devices">
          {ordered.map((session) => (
            <li key={session.id} className="session">
              <div className="session__head">
                <h3 className="session__device">{session.device}</h3>
                {session.current ? <Badge>This device</Badge> : null}
              </div>
              <dl className="session__facts">
                <div>
                  <dt>Signed in</dt>
                  <dd>{dates.format(new Date(session.createdAt))}</dd>
                </div>
                <div>
                  <dt>Last active</dt>
                  <dd>{session.current ? 'Now' : dates.format(new Date(session.lastSeenAt))}</dd>
                </div>
                {session.ipAddress ? (
                  <div>
                    <dt>Network address</dt>
                    <dd>{session.ipAddress}</dd>
                  </div>
                ) : null}
              </dl>
              {!session.current ? (
                <Button
                  variant="secondary"
                  busy={end.isPending && end.variables?.includes(session)}
                  busyLabel="Signing out…"
                  onClick={() => !end.isPending && end.mutate([session])}
                >
                  Sign out
                  <VisuallyHidden>
                    {' '}
                    {session.device}, last active {dates.format(new Date(session.lastSeenAt))}
                  </VisuallyHidden>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 1 ? (
        <div className="form-actions">
          <Button variant="danger" busy={end.isPending} busyLabel="Signing out…" onClick={() => end.mutate(others)}>
            Sign out everywhere else
          </Button>
        </div>
      ) : null}
      {sessions.isSuccess && others.length === 0 ? <p className="muted">You are not signed in anywhere else.</p> : null}
    </SettingsSection>
  );
}
