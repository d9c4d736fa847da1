import { useState, type FormEvent } from 'react';
import type { Group } from '../../shared/api/community.js';
import type { TeamMember } from '../../shared/api/moderation-staff.js';
import { useGroupTeam, useSetGroupRole } from '../api/moderation-staff.js';
import { useMe } from '../api/queries.js';
import { Badge, Button, ConfirmPanel, Notice, TextField } from '../design/index.js';

type GroupRole = 'member' | 'moderator' | 'facilitator';
const ROLE_WORDS: Record<GroupRole, string> = { member: 'member', moderator: 'moderator', facilitator: 'facilitator' };
const ALLOWS: Record<GroupRole, string> = {
  moderator:
    'Moderators answer join requests, edit the group’s details and rules, appoint facilitators and act on the group’s moderation queue.',
  facilitator: 'Facilitators are shown as helpers of the group; they have no moderation powers.',
  member: 'Members read and write in the group, with no moderation powers.',
};

interface Pending {
  member: TeamMember;
  role: GroupRole;
}

/**
 * The group's moderators and facilitators, and appointing from its members.
 * Appointing or demoting a moderator is for the group's owner and admins
 * (groups/policies.ts canChangeModerators); any group moderator appoints facilitators.
 */
export function StaffGroupTeam({
  group,
  team,
  canChangeModerators,
}: {
  group: Group;
  team: TeamMember[];
  canChangeModerators: boolean;
}) {
  const setRole = useSetGroupRole(group.slug);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState('');
  const { data: me } = useMe();

  const mayChange = (member: TeamMember, role: GroupRole) =>
    canChangeModerators || (role !== 'moderator' && member.role !== 'moderator');
  const ask = (member: TeamMember, role: GroupRole) => {
    setRole.reset();
    setStatus('');
    setPending({ member, role });
  };

  return (
    <div className="stack">
      {canChangeModerators ? null : (
        <p className="muted">
          Only the group’s owner or an admin can appoint or demote moderators. You can appoint facilitators.
        </p>
      )}
      <ul className="staff-list" aria-label="The group’s moderators and facilitators">
        {team.map((member) => (
          <li key={member.userId} className="staff-list__item">
            <p className="staff-list__name">
              @{member.handle} <Badge tone="neutral">{ROLE_WORDS[member.role]}</Badge>
              {member.userId === me?.id ? <span className="muted"> (you)</span> : null}
            </p>
            {mayChange(member, 'member') ? (
              <Button variant="secondary" onClick={() => ask(member, 'member')}>
                {member.role === 'moderator' ? 'Demote to member' : 'Make member'}
                <span className="visually-hidden"> @{member.handle}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {team.length === 0 ? <p>No moderators yet. Site moderators and admins look after the group meanwhile.</p> : null}

      {pending ? (
        <ConfirmPanel
          title={`Make @${pending.member.handle} ${pending.role === 'member' ? 'a member again' : `a ${ROLE_WORDS[pending.role]}`}?`}
          confirmLabel={pending.role === 'member' ? 'Change to member' : `Make ${ROLE_WORDS[pending.role]}`}
          busy={setRole.isPending}
          busyLabel="Saving…"
          onCancel={() => setPending(null)}
          onConfirm={() =>
            setRole.mutate(
              { userId: pending.member.userId, role: pending.role },
              {
                onSuccess: () => {
                  setStatus(
                    `@${pending.member.handle} is now ${pending.role === 'member' ? 'a member' : `a ${ROLE_WORDS[pending.role]}`} of ${group.name}.`,
                  );
                  setPending(null);
                },
              },
            )
          }
        >
          <p>{ALLOWS[pending.role]} The change is recorded in the audit log.</p>
          {setRole.isError ? (
            <Notice tone="danger" live="alert">
              {setRole.error.message}
            </Notice>
          ) : null}
        </ConfirmPanel>
      ) : null}
      <p role="status" className="staff-list__status">
        {status}
      </p>

      <Appoint group={group} canChangeModerators={canChangeModerators} onChoose={ask} />
    </div>
  );
}

function Appoint({
  group,
  canChangeModerators,
  onChoose,
}: {
  group: Group;
  canChangeModerators: boolean;
  onChoose(member: TeamMember, role: GroupRole): void;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const found = useGroupTeam(group.slug, q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
  };
  const members = q ? (found.data?.members ?? []) : [];
  return (
    <div className="staff-appoint">
      <h3>Appoint from the group’s members</h3>
      <form className="members-search" role="search" aria-label="The group’s members" onSubmit={submit}>
        <TextField
          label="Member’s handle"
          hint="Only members of this group can be appointed."
          value={typed}
          maxLength={64}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        <Button type="submit" variant="secondary">
          Find
        </Button>
      </form>
      {q && found.data && members.length === 0 ? (
        <p aria-live="polite">No member of this group has a handle starting with “{q}”.</p>
      ) : null}
      {members.length > 0 ? (
        <ul className="staff-list" aria-label="Members found">
          {members.map((member) => (
            <li key={member.userId} className="staff-list__item">
              <p className="staff-list__name">
                @{member.handle} <Badge tone="neutral">{ROLE_WORDS[member.role]}</Badge>
              </p>
              <div className="cluster">
                {canChangeModerators && member.role !== 'moderator' ? (
                  <Button variant="secondary" onClick={() => onChoose(member, 'moderator')}>
                    Make moderator<span className="visually-hidden"> @{member.handle}</span>
                  </Button>
                ) : null}
                {member.role === 'member' ? (
                  <Button variant="quiet" onClick={() => onChoose(member, 'facilitator')}>
                    Make facilitator<span className="visually-hidden"> @{member.handle}</span>
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
