import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleSchema } from '../../../shared/api/accounts.js';
import { adminMembersResponseSchema, memberSummarySchema } from '../../../shared/api/moderation-staff.js';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { notFound } from '../../http/errors.js';
import { ROLE_CHANGED_EVENT, userChannel } from '../../live/hub.js';
import { recordAudit } from '../audit/record.js';
import { activeSanctions } from '../moderation/sanctions.js';
import { releaseClaimsOffTeam } from '../safety-team/alerts-service.js';
import { accountPolicy, assertCan } from './policies.js';
import { searchUsers, updateUser, findUserById } from './queries.js';

const tags = ['admin'];

/** Admin-only account management: finding members and giving them staff roles. */
export function registerAdminAccountRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/admin/users', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Find members by handle (admins)',
      querystring: z.strictObject({ q: text().trim().max(64).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
      response: { 200: adminMembersResponseSchema },
    },
    handler: async (request) => {
      assertCan(accountPolicy.canManageRoles(requireAuth(request)));
      const rows = await searchUsers(deps.db, request.query.q ?? '', request.query.limit);
      const now = deps.clock.now();
      // One small indexed read per member listed (at most `limit`, admins only): the sanction in force, worst first.
      const users = [];
      for (const row of rows) {
        const [worst] = await activeSanctions(deps.db, row.id, now, { leaveOutAnonymous: true });
        users.push({
          id: row.id,
          handle: row.handle,
          role: row.role,
          createdAt: row.createdAt.toISOString(),
          sanction: worst ? { kind: worst.kind, until: worst.until?.toISOString() ?? null } : null,
        });
      }
      return { users };
    },
  });

  app.patch('/api/admin/users/:userId', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: "Change a member's role (admins)",
      params: z.object({ userId: z.uuid('must be a user id') }),
      body: z.strictObject({ role: roleSchema }),
      response: { 200: z.object({ user: memberSummarySchema }) },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      assertCan(accountPolicy.canChangeRoleOf(auth, request.params.userId), 'Only an admin can change roles, and not their own.');
      const target = await findUserById(deps.db, request.params.userId);
      // The Hearth Safety account is no member: its role is not an admin's to change.
      if (!target || target.isSystem) throw notFound('That member');
      const { user, released } = await deps.db.transaction(async (tx) => {
        const updated = await updateUser(tx, target.id, { role: request.body.role });
        await recordAudit(tx, {
          actorId: auth.user.id,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: target.id,
          details: { from: target.role, to: request.body.role },
        });
        // Someone who leaves the safety team gives back the alerts they held, so none sits claimed forever.
        const events = updated.role !== target.role ? await releaseClaimsOffTeam(tx, deps, { actorId: auth.user.id, now: deps.clock.now() }) : [];
        return { user: updated, released: events };
      });
      await deps.live.announce(released);
      // Every node re-reads what this member's open sockets may hear: a demoted moderator stops getting alerts at once.
      if (user.role !== target.role) await deps.live.emit(userChannel(target.id), ROLE_CHANGED_EVENT, { role: user.role });
      return { user: { id: user.id, handle: user.handle, role: user.role, createdAt: user.createdAt.toISOString() } };
    },
  });
}
