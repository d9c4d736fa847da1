import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { helpQuerySchema, helpResponseSchema } from '../../../shared/api/help.js';
import type { Deps } from '../../deps.js';
import { countryFromAcceptLanguage, findCountry, internationalFallback, listCountries } from './hotlines/store.js';

/** Public: anyone, signed in or not, can find the crisis lines for where they are. */
export function registerHelpRoutes(root: FastifyInstance, deps: Pick<Deps, 'db'>): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/help', {
    schema: {
      tags: ['safety'],
      summary: 'Crisis lines and the emergency number for a country (public)',
      querystring: helpQuerySchema,
      response: { 200: helpResponseSchema },
    },
    handler: async (request) => {
      const fromLanguage = countryFromAcceptLanguage(request.headers['accept-language']);
      const [code, detectedFrom] = request.query.country
        ? [request.query.country, 'query' as const]
        : request.auth?.user.country
          ? [request.auth.user.country, 'profile' as const]
          : fromLanguage
            ? [fromLanguage, 'accept-language' as const]
            : [undefined, 'none' as const];
      const international = internationalFallback();
      const [country, all] = await Promise.all([findCountry(deps.db, code), listCountries(deps.db)]);
      return {
        country,
        detectedFrom,
        emergencyNote: international.emergencyNote,
        international: international.directories.map(({ name, url, description }) => ({ name, url, description })),
        countries: all.map((entry) => ({ code: entry.countryCode, name: entry.countryName, emergencyNumber: entry.emergencyNumber })),
      };
    },
  });
}
