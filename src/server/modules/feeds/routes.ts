import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { feedQuerySchema, feedResponseSchema } from '../../../shared/api/community.js';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import type { AuthContext } from '../accounts/session-service.js';
import { requireGroup } from '../groups/service.js';
import { presentPostSummary } from '../posts/presenters.js';
import { countryFromAcceptLanguage } from '../safety/hotlines/store.js';
import { extrasKey, loadWriterExtras } from '../safety-team/writer-card.js';
import { isStaffRole } from '../posts/visibility.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { feedPage, type FeedKind } from './queries.js';

const tags = ['feeds'];

async function page(deps: Deps, auth: AuthContext, feed: FeedKind, query: z.output<typeof feedQuerySchema>, acceptLanguage?: string) {
  const rows = await feedPage(deps.db, { id: auth.user.id, role: auth.user.role }, feed, decodeCursor(query.cursor), query.limit + 1);
  const hasMore = rows.length > query.limit;
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  const viewer = { id: auth.user.id, isStaff: isStaffRole(auth.user.role) };
  const posts = shown.map((row) => presentPostSummary(row.listing, viewer));
  if (feed.kind === 'mine') {
    // "Your posts" is the author's own list: each post's durable support card comes with it, until folded.
    const countryCode = auth.user.country ?? countryFromAcceptLanguage(acceptLanguage) ?? null;
    const extras = await loadWriterExtras(deps.db, auth.user.id, posts.map((post) => ({ contentType: 'post' as const, contentId: post.id, status: post.status })), { countryCode, now: deps.clock.now() });
    for (const post of posts) {
      const card = extras.get(extrasKey('post', post.id))?.supportCard;
      if (card) post.supportCard = card;
    }
  }
  return {
    posts,
    nextCursor: hasMore && last ? encodeCursor({ t: last.sortKey, id: last.listing.post.id }) : null,
  };
}

export function registerFeedRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const response = { 200: feedResponseSchema };

  app.get('/api/feed', {
    preValidation: signedIn,
    schema: { tags, summary: 'Home: posts in your groups, newest or most active', querystring: feedQuerySchema, response },
    handler: async (request) => page(deps, requireAuth(request), { kind: 'home', sort: request.query.sort }, request.query),
  });

  app.get('/api/feed/needs-reply', {
    preValidation: signedIn,
    schema: { tags, summary: 'Posts in your groups nobody has answered yet, oldest first', querystring: feedQuerySchema, response },
    handler: async (request) => page(deps, requireAuth(request), { kind: 'needs-reply' }, request.query),
  });

  app.get('/api/feed/mine', {
    preValidation: signedIn,
    schema: { tags, summary: 'Your own posts, including anonymous ones', querystring: feedQuerySchema, response },
    handler: async (request) => page(deps, requireAuth(request), { kind: 'mine' }, request.query, request.headers['accept-language']),
  });

  app.get('/api/groups/:slug/feed', {
    preValidation: signedIn,
    schema: { tags, summary: 'A group’s posts', params: z.object({ slug: text().min(1).max(48) }), querystring: feedQuerySchema, response },
    handler: async (request) => {
      const auth = requireAuth(request);
      const entry = await requireGroup(deps, request.params.slug, auth);
      return page(deps, auth, { kind: 'group', groupId: entry.group.id, sort: request.query.sort }, request.query);
    },
  });
}
