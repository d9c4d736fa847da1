import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import { countryDirectorySchema } from '../../../shared/hotlines.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { deleteCountry, listCountries, saveCountry } from './hotlines/store.js';

const tags = ['admin'];
const codeParams = z.object({ countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case ISO country code') });

/** Admins keep the crisis line directory true: every change is audited. */
export function registerHotlineAdminRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const requireAdmin = (role: string) => {
    if (role !== 'admin') throw forbidden('Only admins can edit the crisis line directory.');
  };

  app.get('/api/admin/hotlines', {
    preValidation: signedIn,
    schema: { tags, summary: 'The whole directory (admins)', response: { 200: z.object({ countries: z.array(countryDirectorySchema) }) } },
    handler: async (request) => {
      requireAdmin(requireAuth(request).user.role);
      return { countries: await listCountries(deps.db) };
    },
  });

  app.put('/api/admin/hotlines/:countryCode', {
    preValidation: signedIn,
    schema: { tags, summary: 'Add or replace a country’s entry (admins)', params: codeParams, body: countryDirectorySchema, response: { 200: z.object({ country: countryDirectorySchema }) } },
    handler: async (request) => {
      const auth = requireAuth(request);
      requireAdmin(auth.user.role);
      if (request.body.countryCode !== request.params.countryCode) throw badRequest('"countryCode" must match the address.', 'countryCode');
      await saveCountry(deps.db, request.body, auth.user.id);
      await recordAudit(deps.db, { actorId: auth.user.id, action: 'hotlines.saved', targetType: 'country', targetId: request.params.countryCode });
      return { country: request.body };
    },
  });

  app.delete('/api/admin/hotlines/:countryCode', {
    preValidation: signedIn,
    schema: { tags, summary: 'Remove a country’s entry (admins)', params: codeParams, response: { 200: okResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      requireAdmin(auth.user.role);
      if (!(await deleteCountry(deps.db, request.params.countryCode))) throw notFound('That country');
      await recordAudit(deps.db, { actorId: auth.user.id, action: 'hotlines.deleted', targetType: 'country', targetId: request.params.countryCode });
      return { ok: true as const };
    },
  });
}
