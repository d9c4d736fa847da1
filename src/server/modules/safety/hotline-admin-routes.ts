import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponseSchema } from '../../../shared/api/accounts.js';
import { countryDirectorySchema } from '../../../shared/hotlines.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { deleteCountry, listCountryVersions, saveCountry } from './hotlines/store.js';

const tags = ['admin'];
const codeParams = z.object({ countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case ISO country code') });
const saveQuery = z.object({
  /** "new": add only; a version from the list: replace only if unchanged since; absent: add or replace. */
  expect: z.union([z.literal('new'), z.iso.datetime({ precision: 3 })]).optional(),
});

/** Admins keep the crisis line directory true: every change is audited. */
export function registerHotlineAdminRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const requireAdmin = (role: string) => {
    if (role !== 'admin') throw forbidden('Only admins can edit the crisis line directory.');
  };

  app.get('/api/admin/hotlines', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'The whole directory, with each entry’s version (admins)',
      response: { 200: z.object({ countries: z.array(countryDirectorySchema), versions: z.record(z.string(), z.string()) }) },
    },
    handler: async (request) => {
      requireAdmin(requireAuth(request).user.role);
      const rows = await listCountryVersions(deps.db);
      return { countries: rows.map((row) => row.entry), versions: Object.fromEntries(rows.map((row) => [row.entry.countryCode, row.version])) };
    },
  });

  app.put('/api/admin/hotlines/:countryCode', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Add or replace a country’s entry (admins)',
      params: codeParams,
      querystring: saveQuery,
      body: countryDirectorySchema,
      response: { 200: z.object({ country: countryDirectorySchema, version: z.string() }) },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      requireAdmin(auth.user.role);
      if (request.body.countryCode !== request.params.countryCode) throw badRequest('"countryCode" must match the address.', 'countryCode');
      const result = await saveCountry(deps.db, request.body, auth.user.id, request.query.expect);
      if (!result.saved) {
        if (result.reason === 'exists') throw conflict('country_exists', 'This country is already in the directory: edit its entry instead.', 'countryCode');
        if (result.reason === 'gone') throw notFound('That country');
        throw conflict('entry_changed', 'Someone else changed this country while you were editing. Reload to see their change, then edit again.');
      }
      await recordAudit(deps.db, { actorId: auth.user.id, action: 'hotlines.saved', targetType: 'country', targetId: request.params.countryCode });
      return { country: request.body, version: result.version };
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
