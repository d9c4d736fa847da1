import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { groupTeamResponseSchema } from '../../../shared/api/moderation-staff.js';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { forbidden } from '../../http/errors.js';
import { groupPolicy } from '../groups/policies.js';
import { presentGroup } from '../groups/presenters.js';
import { requireGroup } from '../groups/service.js';
import { listTeam, searchActiveMembers } from './staff-groups-queries.js';

const MEMBER_MATCHES = 20;

/**
 * What a group's manage page needs beyond the group itself: the viewer's powers
 * there (from the one group policy) and its team, with members found by handle
 * for appointing. Only those who moderate the group see it; a private group a
 * member cannot read stays "not found". The changes themselves go through the
 * groups module's own routes (PATCH group, requests, members/:userId).
 */
export function registerStaffGroupRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/groups/:slug/team', {
    preValidation: signedIn,
    schema: {
      tags: ['groups'],
      summary: 'A group’s moderators and facilitators, members by handle, and what the viewer may change (group moderators)',
      params: z.object({ slug: text().min(1).max(48) }),
      querystring: z.strictObject({ q: text().trim().max(64).optional() }),
      response: { 200: groupTeamResponseSchema },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      const entry = await requireGroup(deps, request.params.slug, auth);
      if (!groupPolicy.canModerate(entry, auth.user.role)) throw forbidden('Only the group’s moderators can manage it.');
      const q = request.query.q ?? '';
      const [team, members] = await Promise.all([
        listTeam(deps.db, entry.group.id),
        q ? searchActiveMembers(deps.db, entry.group.id, q, MEMBER_MATCHES) : Promise.resolve([]),
      ]);
      // No join date: with the new-members hold it would narrow who wrote an anonymous post.
      const present = (row: { userId: string; handle: string; role: 'member' | 'moderator' | 'facilitator' }) => ({ userId: row.userId, handle: row.handle, role: row.role });
      return {
        group: presentGroup(entry),
        powers: {
          editDetails: groupPolicy.canEditDetails(entry, auth.user.role),
          archive: groupPolicy.canManage(auth.user.role),
          changeModerators: groupPolicy.canChangeModerators(entry, auth.user),
        },
        team: team.map(present),
        members: members.map(present),
      };
    },
  });
}
