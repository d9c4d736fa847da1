import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { helpQuerySchema, helpResponseSchema } from '../../../shared/api/help.js';
import { countryFromAcceptLanguage, directoryFor, internationalFallback, listedCountries } from './hotlines/directory.js';

/** Public: anyone, signed in or not, can find the crisis lines for where they are. */
export function registerHelpRoutes(root: FastifyInstance): void {
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
      return {
        country: directoryFor(code),
        detectedFrom,
        emergencyNote: international.emergencyNote,
        international: international.directories.map(({ name, url, description }) => ({ name, url, description })),
        countries: listedCountries(),
      };
    },
  });
}
