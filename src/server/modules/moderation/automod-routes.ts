import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import {
  automodRuleResponseSchema,
  automodRulesQuerySchema,
  automodRulesResponseSchema,
  createAutomodRuleRequestSchema,
  moderationSettingsRequestSchema,
  moderationSettingsResponseSchema,
  newMembersRequestSchema,
  newMembersResponseSchema,
  updateAutomodRuleRequestSchema,
} from '../../../shared/api/moderation-automod.js';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { ensureDefaultRules } from './automod-rules.js';
import * as automod from './automod-service.js';

const tags = ['moderation'];
const ruleParams = z.object({ id: z.uuid('must be a rule id') });

/** Automod rules, the new-members hold and the site's moderation settings (issue 13 items 5 and 6). */
export async function registerAutomodRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  // The default site rules, once ever (safe when two nodes start together).
  await ensureDefaultRules(deps.db, deps.clock.now());
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/moderation/automod/rules', {
    preValidation: signedIn,
    schema: { tags, summary: 'Automod rules: the site’s, or one group’s with ?group=<slug>', querystring: automodRulesQuerySchema, response: { 200: automodRulesResponseSchema } },
    handler: async (request) => automod.listAutomodRules(deps, requireAuth(request), request.query.group),
  });

  app.post('/api/moderation/automod/rules', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Add an automod rule (site: admins; ?group=<slug>: its moderators)',
      querystring: automodRulesQuerySchema,
      body: createAutomodRuleRequestSchema,
      response: { 201: automodRuleResponseSchema },
    },
    handler: async (request, reply) => {
      const rule = await automod.createAutomodRule(deps, requireAuth(request), request.query.group, request.body);
      return reply.code(201).send({ rule });
    },
  });

  app.patch('/api/moderation/automod/rules/:id', {
    preValidation: signedIn,
    schema: { tags, summary: 'Change an automod rule (name, action, on or off, settings)', params: ruleParams, body: updateAutomodRuleRequestSchema, response: { 200: automodRuleResponseSchema } },
    handler: async (request) => ({ rule: await automod.updateAutomodRule(deps, requireAuth(request), request.params.id, request.body) }),
  });

  app.delete('/api/moderation/automod/rules/:id', {
    preValidation: signedIn,
    schema: { tags, summary: 'Delete an automod rule', params: ruleParams, response: { 200: okResponseSchema } },
    handler: async (request) => {
      await automod.deleteAutomodRule(deps, requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.put('/api/moderation/groups/:slug/new-members', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'How many of a new member’s first posts in this group wait for approval (its moderators)',
      params: z.object({ slug: text().min(1).max(48) }),
      body: newMembersRequestSchema,
      response: { 200: newMembersResponseSchema },
    },
    handler: async (request) => automod.setNewMemberHold(deps, requireAuth(request), request.params.slug, request.body.holdNewMemberPosts),
  });

  app.get('/api/admin/moderation/settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'The site’s moderation settings (admins)', response: { 200: moderationSettingsResponseSchema } },
    handler: async (request) => automod.getModerationSettings(deps, requireAuth(request)),
  });

  app.put('/api/admin/moderation/settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'Change the site’s moderation settings (admins)', body: moderationSettingsRequestSchema, response: { 200: moderationSettingsResponseSchema } },
    handler: async (request) => automod.putModerationSettings(deps, requireAuth(request), request.body),
  });
}
