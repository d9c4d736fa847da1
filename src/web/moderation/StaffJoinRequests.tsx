import { useState } from 'react';
import type { Group } from '../../shared/api/community.js';
import { useDecideRequest, useJoinRequests, type JoinRequest } from '../api/moderation-staff.js';
import { Button, LoadError, Loading, Notice, RelativeTime } from '../design/index.js';

/** Pending requests to join, each with the asker's message: approve or decline. */
export function StaffJoinRequests({ group }: { group: Group }) {
  const requests = useJoinRequests(group.slug);
  // Here, not in each row: an answered request leaves the list, and the status must still be told.
  const decide = useDecideRequest(group.slug);
  const [status, setStatus] = useState('');
  const act = (request: JoinRequest, decision: 'approve' | 'decline') =>
    decide.mutate(
      { userId: request.userId, decision },
      {
        onSuccess: () =>
          setStatus(
            decision === 'approve'
              ? `@${request.handle} is now a member.`
              : `You declined @${request.handle}’s request.`,
          ),
      },
    );
  const list = requests.data?.requests ?? [];
  return (
    <div className="stack">
      {requests.isPending ? <Loading label="Loading join requests…" /> : null}
      {requests.isError ? (
        <LoadError title="We could not load the join requests." error={requests.error} onRetry={requests.refetch} />
      ) : null}
      {requests.data && list.length === 0 ? (
        <p>
          {group.visibility === 'private'
            ? 'Nobody is waiting to join.'
            : 'Nobody is waiting: anyone can join a public group.'}
        </p>
      ) : null}
      {list.length > 0 ? (
        <ul className="staff-list" aria-label="Join requests">
          {list.map((request) => (
            <RequestRow
              key={request.userId}
              request={request}
              decide={decide}
              onDecide={(decision) => act(request, decision)}
            />
          ))}
        </ul>
      ) : null}
      <p role="status" className="staff-list__status">
        {status}
      </p>
    </div>
  );
}

function RequestRow({
  request,
  decide,
  onDecide,
}: {
  request: JoinRequest;
  decide: ReturnType<typeof useDecideRequest>;
  onDecide(decision: 'approve' | 'decline'): void;
}) {
  const mine = decide.isPending && decide.variables?.userId === request.userId;
  return (
    <li className="staff-list__item">
      <p className="staff-list__name">
        @{request.handle}{' '}
        <span className="muted">
          · asked <RelativeTime iso={request.requestedAt} />
        </span>
      </p>
      {request.message ? (
        <blockquote className="staff-list__message">{request.message}</blockquote>
      ) : (
        <p className="muted">No message.</p>
      )}
      <div className="cluster">
        <Button
          busy={mine && decide.variables?.decision === 'approve'}
          busyLabel="Approving…"
          onClick={() => onDecide('approve')}
        >
          Approve<span className="visually-hidden"> @{request.handle}</span>
        </Button>
        <Button
          variant="secondary"
          busy={mine && decide.variables?.decision === 'decline'}
          busyLabel="Declining…"
          onClick={() => onDecide('decline')}
        >
          Decline<span className="visually-hidden"> @{request.handle}</span>
        </Button>
      </div>
      {decide.isError && decide.variables?.userId === request.userId ? (
        <Notice tone="danger" live="alert">
          {decide.error.message}
        </Notice>
      ) : null}
    </li>
  );
}
