import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handleLookupSchema, okResponseSchema } from '../../../shared/api/accounts.js';
import { blockedMemberSchema, muteSchema } from '../../../shared/api/community.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { notFound, unprocessable } from '../../http/errors.js';
import { findUserByHandle } from '../accounts/queries.js';
import { findGroupById } from '../groups/queries.js';
import { requireGroup } from '../groups/service.js';
import { postPolicy } from '../posts/policies.js';
import { PLACEHOLDER_POST_TITLE } from '../posts/presenters.js';
import { getThread } from '../posts/service.js';
import * as queries from './queries.js';

const tags = ['boundaries'];

/**
 * Blocks and mutes: a member's own boundaries. A blocked member is not told;
 * neither sees the other's content under their handle and they cannot reply to
 * it. Anonymous content is left alone (postPolicy.hiddenByBlock says why): a
 * member mutes the thread to stop seeing it.
 */
export function registerBoundaryRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/me/blocks', {
    preValidation: signedIn,
    schema: { tags, summary: 'Members you have blocked', response: { 200: z.object({ blocked: z.array(blockedMemberSchema) }) } },
    handler: async (request) => {
      const rows = await queries.listBlocked(deps.db, requireAuth(request).user.id);
      return { blocked: rows.map((row) => ({ id: row.id, handle: row.handle, blockedAt: row.blockedAt.toISOString() })) };
    },
  });

  app.post('/api/me/blocks', {
    preValidation: signedIn,
    schema: { tags, summary: 'Block a member by handle', body: z.strictObject({ handle: handleLookupSchema }), response: { 200: okResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      const target = await findUserByHandle(deps.db, request.body.handle);
      if (!target) throw notFound('A member with that handle');
      if (target.id === auth.user.id) throw unprocessable('cannot_block_self', 'You cannot block yourself.', 'handle');
      await queries.insertBlock(deps.db, auth.user.id, target.id);
      return { ok: true as const };
    },
  });

  app.delete('/api/me/blocks/:userId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Unblock a member', params: z.object({ userId: z.uuid() }), response: { 200: okResponseSchema } },
    handler: async (request) => {
      if (!(await queries.deleteBlock(deps.db, requireAuth(request).user.id, request.params.userId))) throw notFound('That block');
      return { ok: true as const };
    },
  });

  app.get('/api/me/mutes', {
    preValidation: signedIn,
    schema: { tags, summary: 'Threads and groups you have muted', response: { 200: z.object({ mutes: z.array(muteSchema) }) } },
    handler: async (request) => {
      const auth = requireAuth(request);
      const rows = await queries.listMutes(deps.db, auth.user.id);
      return {
        mutes: rows.map(({ post, groupName, ...row }) => ({
          ...row,
          // A muted thread whose post the member now sees as a placeholder is labelled as one (else a held post's title would show here).
          label: post ? (postPolicy.postView(post, auth) === 'full' ? post.title : PLACEHOLDER_POST_TITLE) : (groupName ?? ''),
          mutedAt: row.mutedAt.toISOString(),
        })),
      };
    },
  });

  const muteParams = z.object({ targetType: z.enum(['post', 'group']), targetId: z.uuid() });

  app.put('/api/me/mutes/:targetType/:targetId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Mute a thread or a group (it leaves your home feed)', params: muteParams, response: { 200: okResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      const { targetType, targetId } = request.params;
      if (targetType === 'post') await getThread(deps, auth, targetId);
      else {
        const group = await findGroupById(deps.db, targetId);
        if (!group) throw notFound('That group');
        await requireGroup(deps, group.slug, auth);
      }
      await queries.insertMute(deps.db, auth.user.id, targetType, targetId);
      return { ok: true as const };
    },
  });

  app.delete('/api/me/mutes/:targetType/:targetId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Unmute', params: muteParams, response: { 200: okResponseSchema } },
    handler: async (request) => {
      const { targetType, targetId } = request.params;
      if (!(await queries.deleteMute(deps.db, requireAuth(request).user.id, targetType, targetId))) throw notFound('That mute');
      return { ok: true as const };
    },
  });
}
