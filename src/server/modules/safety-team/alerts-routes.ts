import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  alertActionResponseSchema,
  alertCountsResponseSchema,
  alertDetailSchema,
  alertListResponseSchema,
  alertNoteRequestSchema,
  alertParamsSchema,
  alertResolveRequestSchema,
} from '../../../shared/api/safety-alerts.js';
import type { Deps } from '../../deps.js';
import { signedIn } from '../../http/authenticate.js';
import * as alerts from './alerts-service.js';
import { requireSafetyTeam } from './policy.js';

const tags = ['safety team'];

/** The safety dashboard's alerts: every route is for the safety team only (site-wide: any group's alerts). */
export function registerSafetyAlertRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/safety/alerts', {
    preValidation: signedIn,
    schema: { tags, summary: 'Open and claimed alerts (imminent first, then longest waiting), and those resolved in the last 24 hours', response: { 200: alertListResponseSchema } },
    handler: async (request) => {
      await requireSafetyTeam(deps.db, request);
      return alerts.listAlerts(deps);
    },
  });

  app.get('/api/safety/alerts/summary', {
    preValidation: signedIn,
    schema: { tags, summary: 'How many alerts are open, unclaimed and imminent (the header badge)', response: { 200: alertCountsResponseSchema } },
    handler: async (request) => {
      await requireSafetyTeam(deps.db, request);
      return alerts.alertCounts(deps);
    },
  });

  app.get('/api/safety/alerts/:id', {
    preValidation: signedIn,
    schema: { tags, summary: 'One alert: content with evidence, author (logged reveal when anonymous), history, timeline', params: alertParamsSchema, response: { 200: alertDetailSchema } },
    handler: async (request) => {
      const { auth } = await requireSafetyTeam(deps.db, request);
      return alerts.getAlertDetail(deps, auth, request.params.id);
    },
  });

  app.post('/api/safety/alerts/:id/claim', {
    preValidation: signedIn,
    schema: { tags, summary: 'Claim an alert (refused with who holds it when someone else has)', params: alertParamsSchema, response: { 200: alertActionResponseSchema } },
    handler: async (request) => {
      const { auth } = await requireSafetyTeam(deps.db, request);
      return { alert: await alerts.claimAlert(deps, auth, request.params.id) };
    },
  });

  app.post('/api/safety/alerts/:id/release', {
    preValidation: signedIn,
    schema: { tags, summary: 'Release a claimed alert (its holder, an admin, or anyone on the team once the holder has left it)', params: alertParamsSchema, response: { 200: alertActionResponseSchema } },
    handler: async (request) => {
      const { auth, settings } = await requireSafetyTeam(deps.db, request);
      return { alert: await alerts.releaseAlert(deps, auth, settings, request.params.id) };
    },
  });

  app.post('/api/safety/alerts/:id/notes', {
    preValidation: signedIn,
    schema: { tags, summary: 'Add a private note to an alert (staff only)', params: alertParamsSchema, body: alertNoteRequestSchema, response: { 200: alertActionResponseSchema } },
    handler: async (request) => {
      const { auth } = await requireSafetyTeam(deps.db, request);
      return { alert: await alerts.addAlertNote(deps, auth, request.params.id, request.body.body) };
    },
  });

  app.post('/api/safety/alerts/:id/resolve', {
    preValidation: signedIn,
    schema: { tags, summary: 'Resolve an alert with an outcome ("other" needs a note)', params: alertParamsSchema, body: alertResolveRequestSchema, response: { 200: alertActionResponseSchema } },
    handler: async (request) => {
      const { auth, settings } = await requireSafetyTeam(deps.db, request);
      return { alert: await alerts.resolveAlert(deps, auth, settings, request.params.id, request.body) };
    },
  });
}
