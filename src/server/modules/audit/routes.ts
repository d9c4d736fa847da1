import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUDIT_PAGE_SIZE, auditActionsSchema, auditPageSchema, auditQuerySchema } from '../../../shared/api/moderation-audit.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { forbidden } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../feeds/cursor.js';
import { moderationPolicy } from '../moderation/policy.js';
import { idsToName, presentAuditEntry } from './presenters.js';
import { auditNames, auditVocabulary, searchAudit } from './queries.js';

const tags = ['admin'];

function requireAuditReader(request: Parameters<typeof requireAuth>[0]) {
  const auth = requireAuth(request);
  if (!moderationPolicy.canReadAuditLog(auth.user.role)) throw forbidden('Only admins can read the audit log.');
  return auth;
}

/** The admins' search of the append-only audit log. */
export function registerAuditRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/admin/audit', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Search the audit log, newest first, 50 a page (admins)',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema },
    },
    handler: async (request) => {
      requireAuditReader(request);
      const cursor = decodeCursor(request.query.cursor);
      const rows = await searchAudit(deps.db, request.query, cursor, AUDIT_PAGE_SIZE + 1);
      const page = rows.slice(0, AUDIT_PAGE_SIZE);
      const names = await auditNames(deps.db, idsToName(page));
      const last = page.at(-1);
      return {
        entries: page.map((row) => presentAuditEntry(row, names)),
        nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor({ t: last.sortKey, id: last.id }) : null,
      };
    },
  });

  app.get('/api/admin/audit/actions', {
    preValidation: signedIn,
    schema: { tags, summary: 'The action names and target types in the audit log, for its filters (admins)', response: { 200: auditActionsSchema } },
    handler: async (request) => {
      requireAuditReader(request);
      return auditVocabulary(deps.db);
    },
  });
}
