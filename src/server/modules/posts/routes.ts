import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import {
  createPostRequestSchema,
  createReplyRequestSchema,
  postWriteResponseSchema,
  reactionKindSchema,
  replyWriteResponseSchema,
  threadQuerySchema,
  threadRepliesQuerySchema,
  threadRepliesResponseSchema,
  threadResponseSchema,
  updatePostRequestSchema,
  updateReplyRequestSchema,
} from '../../../shared/api/community.js';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import type { AuthContext } from '../accounts/session-service.js';
import { countryFromAcceptLanguage } from '../safety/hotlines/store.js';
import * as postsService from './service.js';
import { getThreadPage, getThreadReplies, type RepliesPageQuery } from './thread-pages.js';

/** The writer's country for their support card: their profile, else their browser's language. */
function writeContext(auth: AuthContext, acceptLanguage: string | undefined): postsService.WriteContext {
  return { countryCode: auth.user.country ?? countryFromAcceptLanguage(acceptLanguage) ?? null };
}

const tags = ['posts'];
const postParams = z.object({ postId: z.uuid('must be a post id') });
const replyParams = z.object({ replyId: z.uuid('must be a reply id') });

export function registerPostRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/groups/:slug/posts', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Write a post in a group (openly or anonymously)',
      params: z.object({ slug: text().min(1).max(48) }),
      body: createPostRequestSchema,
      response: { 201: postWriteResponseSchema },
    },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const thread = await postsService.createPost(deps, auth, request.params.slug, request.body, writeContext(auth, request.headers['accept-language']));
      return reply.code(201).send(thread);
    },
  });

  app.get('/api/posts/:postId', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'A thread: the post and its first page of replies (or the page opening at one reply)',
      params: postParams,
      querystring: threadQuerySchema,
      response: { 200: threadResponseSchema },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      return getThreadPage(deps, auth, request.params.postId, request.query, writeContext(auth, request.headers['accept-language']));
    },
  });

  app.get('/api/posts/:postId/replies', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'A further page of a thread’s replies, after or before a cursor',
      params: postParams,
      querystring: threadRepliesQuerySchema,
      response: { 200: threadRepliesResponseSchema },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      // The schema lets exactly one of after and before through.
      return getThreadReplies(deps, auth, request.params.postId, request.query as RepliesPageQuery, writeContext(auth, request.headers['accept-language']));
    },
  });

  app.patch('/api/posts/:postId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Edit your post (earlier versions are kept for staff)', params: postParams, body: updatePostRequestSchema, response: { 200: postWriteResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      return postsService.updatePost(deps, auth, request.params.postId, request.body, writeContext(auth, request.headers['accept-language']));
    },
  });

  app.delete('/api/posts/:postId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Remove your post (shown as removed by the author)', params: postParams, response: { 200: okResponseSchema } },
    handler: async (request) => {
      await postsService.removePost(deps, requireAuth(request), request.params.postId);
      return { ok: true as const };
    },
  });

  app.post('/api/posts/:postId/replies', {
    preValidation: signedIn,
    schema: { tags, summary: 'Reply to a post or to a reply', params: postParams, body: createReplyRequestSchema, response: { 201: replyWriteResponseSchema } },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const created = await postsService.createReply(deps, auth, request.params.postId, request.body, writeContext(auth, request.headers['accept-language']));
      return reply.code(201).send(created);
    },
  });

  app.patch('/api/replies/:replyId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Edit your reply', params: replyParams, body: updateReplyRequestSchema, response: { 200: postWriteResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      return postsService.updateReply(deps, auth, request.params.replyId, request.body.body, writeContext(auth, request.headers['accept-language']));
    },
  });

  app.delete('/api/replies/:replyId', {
    preValidation: signedIn,
    schema: { tags, summary: 'Remove your reply', params: replyParams, response: { 200: okResponseSchema } },
    handler: async (request) => {
      await postsService.removeReply(deps, requireAuth(request), request.params.replyId);
      return { ok: true as const };
    },
  });

  for (const type of ['post', 'reply'] as const) {
    const path = type === 'post' ? '/api/posts/:id/reactions/:kind' : '/api/replies/:id/reactions/:kind';
    const params = z.object({ id: z.uuid(), kind: reactionKindSchema });
    app.put(path, {
      preValidation: signedIn,
      schema: { tags, summary: `React to a ${type}`, params, response: { 200: okResponseSchema } },
      handler: async (request) => {
        await postsService.setReaction(deps, requireAuth(request), { type, id: request.params.id }, request.params.kind, true);
        return { ok: true as const };
      },
    });
    app.delete(path, {
      preValidation: signedIn,
      schema: { tags, summary: `Take back a reaction to a ${type}`, params, response: { 200: okResponseSchema } },
      handler: async (request) => {
        await postsService.setReaction(deps, requireAuth(request), { type, id: request.params.id }, request.params.kind, false);
        return { ok: true as const };
      },
    });
  }

  app.get('/api/:contentType/:id/revisions', {
    preValidation: signedIn,
    schema: {
      tags: ['staff'],
      summary: 'Earlier versions of an edited post or reply (staff)',
      params: z.object({ contentType: z.enum(['posts', 'replies']), id: z.uuid() }),
      response: { 200: z.object({ revisions: z.array(z.object({ title: z.string().nullable(), body: z.string(), contentWarning: z.string().nullable(), replacedAt: z.string() })) }) },
    },
    handler: async (request) => {
      const rows = await postsService.listRevisions(deps, requireAuth(request), request.params.contentType === 'posts' ? 'post' : 'reply', request.params.id);
      return { revisions: rows.map((row) => ({ title: row.title, body: row.body, contentWarning: row.contentWarning, replacedAt: row.replacedAt.toISOString() })) };
    },
  });
}
