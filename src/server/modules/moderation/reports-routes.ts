import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createReportRequestSchema, createReportResponseSchema, myReportsQuerySchema, myReportsResponseSchema } from '../../../shared/api/moderation-reports.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { createReport, listMyReports } from './reports-service.js';

/** Members' reports: send one, and read your own with their outcomes. */
export function registerReportRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post('/api/reports', {
    preValidation: signedIn,
    schema: {
      tags: ['moderation'],
      summary: 'Report a post, reply, message or member to the moderators (the reported member is never told who reported)',
      body: createReportRequestSchema,
      response: { 201: createReportResponseSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await createReport(deps, requireAuth(request), request.body)),
  });
  app.get('/api/me/reports', {
    preValidation: signedIn,
    schema: {
      tags: ['moderation'],
      summary: 'Your own reports, newest first, with what the moderators decided',
      querystring: myReportsQuerySchema,
      response: { 200: myReportsResponseSchema },
    },
    handler: async (request) => listMyReports(deps, requireAuth(request), request.query),
  });
}
