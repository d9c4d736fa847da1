import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchQuerySchema, searchResponseSchema } from '../../../shared/api/community.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { presentAuthor } from '../posts/presenters.js';
import { isStaffRole } from '../posts/visibility.js';
import { searchContent, searchGroups } from './queries.js';
import { toSnippet } from './snippet.js';

export function registerSearchRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/search', {
    preValidation: signedIn,
    schema: { tags: ['search'], summary: 'Search posts, replies and groups you may see', querystring: searchQuerySchema, response: { 200: searchResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      const viewer = { id: auth.user.id, isStaff: isStaffRole(auth.user.role) };
      const [hits, groups] = await Promise.all([
        searchContent(deps.db, { id: auth.user.id, role: auth.user.role }, request.query.q, request.query.limit),
        searchGroups(deps.db, request.query.q, 5),
      ]);
      return {
        results: hits.map((hit) => ({
          type: hit.type,
          postId: hit.post_id,
          replyId: hit.reply_id,
          title: hit.title,
          group: { slug: hit.group_slug, name: hit.group_name },
          author: presentAuthor({ authorId: hit.author_id, anonymous: hit.anonymous, handle: hit.handle, role: hit.role, alias: hit.alias }, viewer),
          // The post's or released reply's warning: the page folds the snippet behind it, as the thread does.
          contentWarning: hit.content_warning,
          contentWarningTopics: hit.content_warning_topics,
          snippet: toSnippet(hit.headline),
          createdAt: new Date(hit.created_at).toISOString(),
          rank: Number(hit.rank),
        })),
        groups: groups.map((group) => ({ slug: group.slug, name: group.name, description: group.description, snippet: toSnippet(group.headline) })),
      };
    },
  });
}
