import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  memberHandleParamsSchema,
  memberPostsQuerySchema,
  memberPostsResponseSchema,
  memberProfileResponseSchema,
} from '../../../shared/api/profiles.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { memberPosts, memberProfile } from './profiles.js';

const tags = ['members'];

/** Member profiles, for signed-in members: handle, badge, pronouns, bio, joined month, and posts under the handle. */
export function registerProfileRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/members/:handle', {
    preValidation: signedIn,
    schema: { tags, summary: 'A member’s profile', params: memberHandleParamsSchema, response: { 200: memberProfileResponseSchema } },
    handler: async (request) => ({ profile: await memberProfile(deps, requireAuth(request), request.params.handle) }),
  });

  app.get('/api/members/:handle/posts', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'A member’s posts under their handle (never anonymous ones), newest first',
      params: memberHandleParamsSchema,
      querystring: memberPostsQuerySchema,
      response: { 200: memberPostsResponseSchema },
    },
    handler: async (request) => memberPosts(deps, requireAuth(request), request.params.handle, request.query),
  });
}
