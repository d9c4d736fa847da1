import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import {
  createGroupRequestSchema,
  groupRoleSchema,
  groupSchema,
  joinGroupRequestSchema,
  topicIdSchema,
  updateGroupRequestSchema,
} from '../../../shared/api/community.js';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { forbidden } from '../../http/errors.js';
import { groupPolicy } from './policies.js';
import { presentGroup } from './presenters.js';
import * as queries from './queries.js';
import * as groups from './service.js';

const tags = ['groups'];
const slugParams = z.object({ slug: text().min(1).max(48) });
const groupResponse = z.object({ group: groupSchema });

export function registerGroupRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/groups', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'The group catalogue, with the viewer’s memberships',
      querystring: z.strictObject({ archived: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ groups: z.array(groupSchema) }) },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      const includeArchived = request.query.archived === 'true' && groupPolicy.canManage(auth.user.role);
      const rows = await queries.listGroups(deps.db, auth.user.id, includeArchived);
      return { groups: rows.map(presentGroup) };
    },
  });

  app.get('/api/groups/suggestions', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Groups for the topics a member picked at onboarding, best match first',
      querystring: z.strictObject({ topics: z.string().max(500).transform((value) => value.split(',').filter(Boolean)).pipe(z.array(topicIdSchema).min(1, 'pick at least one topic')) }),
      response: { 200: z.object({ groups: z.array(groupSchema) }) },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      const wanted = new Set(request.query.topics);
      const rows = await queries.listGroups(deps.db, auth.user.id, false);
      const scored = rows
        .map((row) => ({ row, score: row.group.tags.filter((tag) => wanted.has(tag)).length }))
        .filter((entry) => entry.score > 0)
        .sort((a, b) => b.score - a.score || a.row.group.name.localeCompare(b.row.group.name));
      return { groups: scored.map((entry) => presentGroup(entry.row)) };
    },
  });

  app.get('/api/groups/:slug', {
    preValidation: signedIn,
    schema: { tags, summary: 'One group', params: slugParams, response: { 200: groupResponse } },
    handler: async (request) => ({ group: presentGroup(await groups.requireGroup(deps, request.params.slug, requireAuth(request))) }),
  });

  app.post('/api/groups', {
    preValidation: signedIn,
    schema: { tags, summary: 'Start a group (site moderators and admins)', body: createGroupRequestSchema, response: { 201: groupResponse } },
    handler: async (request, reply) => {
      const entry = await groups.createGroup(deps, requireAuth(request), request.body);
      return reply.code(201).send({ group: presentGroup(entry) });
    },
  });

  app.patch('/api/groups/:slug', {
    preValidation: signedIn,
    schema: { tags, summary: 'Edit a group (its moderators; archiving: admins)', params: slugParams, body: updateGroupRequestSchema, response: { 200: groupResponse } },
    handler: async (request) => ({ group: presentGroup(await groups.updateGroup(deps, requireAuth(request), request.params.slug, request.body)) }),
  });

  app.post('/api/groups/:slug/join', {
    preValidation: signedIn,
    schema: { tags, summary: 'Join (public) or ask to join (private), accepting the rules', params: slugParams, body: joinGroupRequestSchema, response: { 200: groupResponse } },
    handler: async (request) => ({ group: presentGroup(await groups.joinGroup(deps, requireAuth(request), request.params.slug, request.body.message)) }),
  });

  app.delete('/api/groups/:slug/membership', {
    preValidation: signedIn,
    schema: { tags, summary: 'Leave a group', params: slugParams, response: { 200: okResponseSchema } },
    handler: async (request) => {
      await groups.leaveGroup(deps, requireAuth(request), request.params.slug);
      return { ok: true as const };
    },
  });

  app.get('/api/groups/:slug/requests', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Pending join requests (group moderators)',
      params: slugParams,
      response: { 200: z.object({ requests: z.array(z.object({ userId: z.uuid(), handle: z.string(), message: z.string().nullable(), requestedAt: z.string() })) }) },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      const entry = await groups.requireGroup(deps, request.params.slug, auth);
      if (!groupPolicy.canModerate(entry, auth.user.role)) throw forbidden('Only the group’s moderators can see join requests.');
      const rows = await queries.listMembers(deps.db, entry.group.id, 'pending');
      return { requests: rows.map((row) => ({ userId: row.userId, handle: row.handle, message: row.message, requestedAt: row.joinedAt.toISOString() })) };
    },
  });

  app.post('/api/groups/:slug/requests/:userId', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Approve or decline a join request (group moderators)',
      params: slugParams.extend({ userId: z.uuid() }),
      body: z.strictObject({ decision: z.enum(['approve', 'decline']) }),
      response: { 200: okResponseSchema },
    },
    handler: async (request) => {
      await groups.decideJoinRequest(deps, requireAuth(request), request.params.slug, request.params.userId, request.body.decision === 'approve');
      return { ok: true as const };
    },
  });

  app.patch('/api/groups/:slug/members/:userId', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Set a member’s role in the group',
      params: slugParams.extend({ userId: z.uuid() }),
      body: z.strictObject({ role: groupRoleSchema }),
      response: { 200: okResponseSchema },
    },
    handler: async (request) => {
      await groups.setGroupRole(deps, requireAuth(request), request.params.slug, request.params.userId, request.body.role);
      return { ok: true as const };
    },
  });
}
