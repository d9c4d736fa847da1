import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicLogPageSchema, publicLogQuerySchema, type PublicLogEntry } from '../../../shared/api/moderation-public-log.js';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { requireGroup } from '../groups/service.js';
import { decodePublicLogCursor, encodePublicLogCursor, publicLogPage, type PublicLogQueryRow } from './public-log-queries.js';
import { publicLogWords, reasonLabel } from './public-log-words.js';

const PAGE = 30;

/** Only these fields leave the server; the response schema drops anything else as well. */
function presentEntry(row: PublicLogQueryRow): PublicLogEntry {
  const automatic = Boolean(row.automatic);
  return {
    kind: row.kind,
    words: publicLogWords({ kind: row.kind, original: row.original, targetType: row.target_type, automatic, hours: row.hours === null ? null : Number(row.hours) }),
    hour: new Date(row.hour).toISOString(),
    reason: row.kind === 'overturned' ? null : automatic && row.rule_name ? row.rule_name : reasonLabel(row.reason_template),
    automatic,
  };
}

/** A group's public moderation log (Lemmy's modlog): for whoever can read the group. */
export function registerPublicLogRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/groups/:slug/moderation-log', {
    preValidation: signedIn,
    schema: {
      tags: ['groups'],
      summary: "A group's public moderation log: what was done, in which hour, under which rule; never who (anyone who can read the group)",
      params: z.object({ slug: text().min(1).max(48) }),
      querystring: publicLogQuerySchema,
      response: { 200: publicLogPageSchema },
    },
    handler: async (request) => {
      // 404 for a group the viewer cannot read, as every group route.
      const entry = await requireGroup(deps, request.params.slug, requireAuth(request));
      const cursor = decodePublicLogCursor(request.query.cursor);
      const rows = await publicLogPage(deps.db, entry.group.id, cursor, PAGE + 1);
      const page = rows.slice(0, PAGE);
      const last = page.at(-1);
      return {
        group: { slug: entry.group.slug, name: entry.group.name },
        entries: page.map(presentEntry),
        nextCursor: rows.length > PAGE && last ? encodePublicLogCursor({ h: last.hour, id: last.id }) : null,
      };
    },
  });
}
