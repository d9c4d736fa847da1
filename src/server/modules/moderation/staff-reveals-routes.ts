import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { desc, eq } from 'drizzle-orm';
import { myRevealsResponseSchema } from '../../../shared/api/moderation-staff.js';
import type { Deps } from '../../deps.js';
import { anonymityReveals } from '../../db/schema/index.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';

/**
 * The other side of the logged reveal: a member sees when staff looked behind
 * the alias of their own anonymous post or reply, and the reason given. Not who
 * looked (staff act for Hearth, and the admins' log names them). Only ever the
 * member's own rows, so it cannot link anyone else's alias to anything.
 */
export function registerMyRevealRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/me/reveals', {
    preValidation: signedIn,
    schema: {
      tags: ['staff'],
      summary: 'When staff saw who wrote your anonymous posts and replies, and why',
      response: { 200: myRevealsResponseSchema },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      const rows = await deps.db
        .select({ contentType: anonymityReveals.contentType, contentId: anonymityReveals.contentId, reason: anonymityReveals.reason, at: anonymityReveals.createdAt })
        .from(anonymityReveals)
        .where(eq(anonymityReveals.revealedUserId, auth.user.id))
        .orderBy(desc(anonymityReveals.createdAt))
        .limit(500);
      return { reveals: rows.map((row) => ({ ...row, at: row.at.toISOString() })) };
    },
  });
}
