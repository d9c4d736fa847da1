import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { AdminMember } from '../../../shared/api/moderation-staff.js';
import { useAdminMembers } from '../../api/moderation-staff.js';
import { useMe } from '../../api/queries.js';
import { Badge, Button, LoadError, Loading, PageHeader, TextField } from '../../design/index.js';
import { RoleChange } from './RoleChange.js';
import { joinedText, ROLE_LABELS, sanctionText } from './roles.js';
import '../../moderation/staff.css';

/**
 * `/admin/members`: admins find members by handle and change their role, each
 * change confirmed with what the role allows. Admins only (the API refuses others).
 */
export function MembersAdminPage() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const members = useAdminMembers(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
  };
  const users = members.data?.users ?? [];
  return (
    <div className="admin-page">
      <PageHeader
        eyebrow="Administration"
        title="Members and roles"
        lead={
          <p>
            Find a member by handle to see their role, when they joined and any sanction in force, and to change their
            role.
          </p>
        }
      />
      <form className="members-search" role="search" aria-label="Members" onSubmit={submit}>
        <TextField
          label="Handle"
          hint="The start of a handle is enough."
          value={typed}
          maxLength={64}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        <Button type="submit" variant="secondary">
          Find members
        </Button>
      </form>
      {members.isPending ? <Loading label="Loading members…" /> : null}
      {members.isError ? (
        <LoadError title="We could not load the members." error={members.error} onRetry={members.refetch} />
      ) : null}
      {members.data ? (
        <section aria-labelledby="members-results-title">
          <h2 id="members-results-title" className="admin-page__subtitle" aria-live="polite">
            {users.length === 0
              ? `No member’s handle starts with “${q}”`
              : q
                ? `Members whose handle starts with “${q}”`
                : 'Members'}
          </h2>
          <ul className="member-list">
            {users.map((user) => (
              <MemberRow key={user.id} user={user} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function MemberRow({ user }: { user: AdminMember }) {
  const { data: me } = useMe();
  const isYou = me?.id === user.id;
  return (
    <li className="member-list__item" aria-labelledby={`member-${user.id}`}>
      <p className="member-list__name" id={`member-${user.id}`}>
        <Link to={`/members/${encodeURIComponent(user.handle)}`}>@{user.handle}</Link>{' '}
        <Badge>{ROLE_LABELS[user.role]}</Badge>
        {isYou ? <span className="muted"> (you)</span> : null}
      </p>
      <p className="member-list__facts">
        {joinedText(user.createdAt)}
        {user.sanction ? <span className="member-list__sanction"> · {sanctionText(user.sanction)}</span> : null}
      </p>
      {isYou ? (
        <p className="muted">
          You cannot change your own role, so Hearth always keeps an admin. Another admin can change it.
        </p>
      ) : (
        <RoleChange user={user} />
      )}
    </li>
  );
}
