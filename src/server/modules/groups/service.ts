import type { z } from 'zod';
import type { createGroupRequestSchema, updateGroupRequestSchema } from '../../../shared/api/community.js';
import type { Deps } from '../../deps.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { activeSanctions, assertMayWrite, SanctionError } from '../moderation/sanctions.js';
import { GROUP_CATALOGUE } from './catalogue.js';
import { notify } from '../notifications/notify.js';
import { groupPolicy } from './policies.js';
import * as queries from './queries.js';

const RESERVED_SLUGS = new Set(['new']);

export async function requireGroup(deps: Pick<Deps, 'db'>, slug: string, auth: AuthContext): Promise<queries.GroupWithViewer> {
  const entry = await queries.findGroupBySlug(deps.db, slug, auth.user.id);
  // A private group a member cannot read is "not found", not "forbidden": its existence stays private too.
  if (!entry || !groupPolicy.canRead(entry, auth.user.role)) throw notFound('That group');
  return entry;
}

export async function createGroup(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext, input: z.output<typeof createGroupRequestSchema>) {
  if (!groupPolicy.canCreate(auth.user.role)) throw forbidden('Only site moderators and admins can start groups.');
  // A group is public writing: not while the account is suspended or banned.
  await assertMayWrite(deps.db, auth.user.id, deps.clock.now());
  const existing = await queries.findGroupBySlug(deps.db, input.slug, auth.user.id);
  // /groups/new is the page that starts a group: a group there could never be reached.
  if (existing || RESERVED_SLUGS.has(input.slug)) throw conflict('slug_taken', 'A group already uses that address.', 'slug');
  const group = await deps.db.transaction(async (tx) => {
    const created = await queries.insertGroup(tx, { ...input, createdBy: auth.user.id });
    // A site moderator who starts a group is its first moderator, so they (as its owner) can build its team.
    // Admins hold every group's powers already and join only if they choose to.
    if (auth.user.role !== 'admin') {
      await queries.upsertMembership(tx, { groupId: created.id, userId: auth.user.id, status: 'active', role: 'moderator', rulesAcceptedAt: deps.clock.now(), joinedAt: deps.clock.now() });
    }
    await recordAudit(tx, { actorId: auth.user.id, action: 'group.created', targetType: 'group', targetId: created.id });
    return created;
  });
  return requireGroup(deps, group.slug, auth);
}

export async function updateGroup(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext, slug: string, input: z.output<typeof updateGroupRequestSchema>) {
  const entry = await requireGroup(deps, slug, auth);
  if (input.archived !== undefined && !groupPolicy.canManage(auth.user.role)) throw forbidden('Only admins can archive or reopen a group.');
  if (!groupPolicy.canManage(auth.user.role) && !groupPolicy.canEditDetails(entry, auth.user.role)) {
    throw forbidden('Only the group’s moderators can edit it.');
  }
  // Its details are public writing: not while suspended or banned, nor muted in this group.
  await assertMayWrite(deps.db, auth.user.id, deps.clock.now(), entry.group.id);
  const { archived, ...rest } = input;
  await queries.updateGroup(deps.db, entry.group.id, {
    ...rest,
    ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
  });
  await recordAudit(deps.db, { actorId: auth.user.id, action: 'group.updated', targetType: 'group', targetId: entry.group.id, details: { fields: Object.keys(input) } });
  return requireGroup(deps, slug, auth);
}

export async function joinGroup(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext, slug: string, message: string | undefined) {
  const entry = await queries.findGroupBySlug(deps.db, slug, auth.user.id);
  // A private group can be found (by name, in the catalogue) and asked to join.
  if (!entry || entry.group.archivedAt) throw notFound('That group');
  if (entry.membership?.status === 'active') return requireGroup(deps, slug, auth);
  // A suspended or banned member cannot join groups (a mute is one group's, and says nothing here).
  const siteWide = (await activeSanctions(deps.db, auth.user.id, deps.clock.now())).find((sanction) => sanction.kind !== 'mute');
  if (siteWide) throw new SanctionError(siteWide);
  await queries.upsertMembership(deps.db, {
    groupId: entry.group.id,
    userId: auth.user.id,
    status: entry.group.visibility === 'public' ? 'active' : 'pending',
    rulesAcceptedAt: new Date(),
    requestMessage: entry.group.visibility === 'private' ? (message ?? null) : null,
  });
  const updated = await queries.findGroupBySlug(deps.db, slug, auth.user.id);
  return updated!;
}

export async function leaveGroup(deps: Pick<Deps, 'db'>, auth: AuthContext, slug: string) {
  const entry = await queries.findGroupBySlug(deps.db, slug, auth.user.id);
  if (!entry || !(await queries.deleteMembership(deps.db, entry.group.id, auth.user.id))) throw notFound('Your membership');
}

export async function decideJoinRequest(deps: Pick<Deps, 'db' | 'live' | 'clock'>, auth: AuthContext, slug: string, userId: string, approve: boolean) {
  const entry = await requireGroup(deps, slug, auth);
  if (!groupPolicy.canModerate(entry, auth.user.role)) throw forbidden('Only the group’s moderators can answer join requests.');
  const event = await deps.db.transaction(async (tx) => {
    // A decision applies only to a pending request: "declining" an active member must never remove them from the group.
    const done = approve
      ? await queries.setPendingMembership(tx, entry.group.id, userId, { status: 'active', joinedAt: new Date() })
      : await queries.deletePendingMembership(tx, entry.group.id, userId);
    if (!done) throw notFound('That join request');
    await recordAudit(tx, { actorId: auth.user.id, action: approve ? 'group.request_approved' : 'group.request_declined', targetType: 'group', targetId: entry.group.id, details: { userId } });
    // Only an approval is told: a declined request stays quiet, as asking never showed anyone.
    return approve ? notify(tx, deps, { kind: 'join_approved', recipientId: userId, groupId: entry.group.id }) : null;
  });
  if (event) await deps.live.announce([event]);
}

export async function setGroupRole(deps: Pick<Deps, 'db'>, auth: AuthContext, slug: string, userId: string, role: 'member' | 'moderator' | 'facilitator') {
  const entry = await requireGroup(deps, slug, auth);
  if (!groupPolicy.canModerate(entry, auth.user.role) && !groupPolicy.canChangeModerators(entry, auth.user)) {
    throw forbidden('Only the group’s moderators can change roles in the group.');
  }
  const target = await queries.findMembership(deps.db, entry.group.id, userId);
  if (!target || target.status !== 'active') throw notFound('That member of the group');
  const touchesModerator = role === 'moderator' || target.role === 'moderator';
  if (touchesModerator && !groupPolicy.canChangeModerators(entry, auth.user)) {
    throw forbidden('Only the group’s owner or an admin can appoint or change group moderators; group moderators can appoint facilitators.');
  }
  if (!(await queries.setMembership(deps.db, entry.group.id, userId, { role }))) throw notFound('That member of the group');
  await recordAudit(deps.db, { actorId: auth.user.id, action: 'group.role_changed', targetType: 'group', targetId: entry.group.id, details: { userId, role } });
}

/** Seeds the catalogue on first start; groups that exist are left as they are. */
export async function seedGroupCatalogue(deps: Pick<Deps, 'db'>): Promise<void> {
  await queries.insertGroupsIfNone(deps.db, GROUP_CATALOGUE);
}
