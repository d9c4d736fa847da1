import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { moderationFiguresQuerySchema, moderationFiguresSchema } from '../../../shared/api/moderation-figures.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { forbidden } from '../../http/errors.js';
import { moderationFigures } from './figures-queries.js';
import { moderationPolicy } from './policy.js';

/** Moderation figures for admins: reports by reason, time to first action, appeals, automod hits. */
export function registerModerationFiguresRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/admin/moderation/figures', {
    preValidation: signedIn,
    schema: {
      tags: ['admin'],
      summary: 'Reports by reason, time to first action (median, 90th percentile), appeal outcomes and automod hits by rule over 7, 30 or 90 days (admins)',
      querystring: moderationFiguresQuerySchema,
      response: { 200: moderationFiguresSchema },
    },
    handler: async (request) => {
      if (!moderationPolicy.canSeeFigures(requireAuth(request).user.role)) throw forbidden('Only admins can see the moderation figures.');
      const days = Number(request.query.days) as 7 | 30 | 90;
      return moderationFigures(deps.db, deps.clock.now(), days);
    },
  });
}
