import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { text } from '../../../shared/api/text.js';
import type { Deps } from '../../deps.js';
import { anonymityReveals, users } from '../../db/schema/index.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { findPost, findReply } from '../posts/queries.js';
import { isStaffRole } from '../posts/visibility.js';

const staffUser = alias(users, 'staff_user');
const revealedUser = alias(users, 'revealed_user');

/**
 * The only door behind an anonymous alias. Staff must give a reason; every
 * reveal records who revealed whom, when and why, and admins can read that log.
 */
export function registerRevealRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/staff/reveal', {
    preValidation: signedIn,
    schema: {
      tags: ['staff'],
      summary: 'Reveal the author of anonymous content (staff; logged)',
      body: z.strictObject({ contentType: z.enum(['post', 'reply']), contentId: z.uuid(), reason: text().trim().min(10, 'must say why, in at least 10 characters').max(1000) }),
      response: { 200: z.object({ author: z.object({ id: z.uuid(), handle: z.string() }) }) },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      if (!isStaffRole(auth.user.role)) throw forbidden('Only staff can reveal an anonymous author.');
      const { contentType, contentId, reason } = request.body;
      const content = contentType === 'post' ? await findPost(deps.db, contentId) : await findReply(deps.db, contentId);
      if (!content) throw notFound('That content');
      if (!content.anonymous) throw unprocessable('not_anonymous', 'That content is not anonymous.');
      const [author] = await deps.db.select({ id: users.id, handle: users.handle }).from(users).where(eq(users.id, content.authorId));
      await deps.db.transaction(async (tx) => {
        await tx.insert(anonymityReveals).values({ staffId: auth.user.id, contentType, contentId, revealedUserId: content.authorId, reason });
        await recordAudit(tx, { actorId: auth.user.id, action: 'anonymity.revealed', targetType: contentType, targetId: contentId, details: { reason } });
      });
      return { author: author! };
    },
  });

  app.get('/api/staff/reveals', {
    preValidation: signedIn,
    schema: {
      tags: ['staff'],
      summary: 'The log of every reveal (admins)',
      response: {
        200: z.object({
          reveals: z.array(z.object({ staffHandle: z.string(), revealedHandle: z.string(), contentType: z.enum(['post', 'reply']), contentId: z.uuid(), reason: z.string(), at: z.string() })),
        }),
      },
    },
    handler: async (request) => {
      if (requireAuth(request).user.role !== 'admin') throw forbidden('Only admins can read the reveal log.');
      const rows = await deps.db
        .select({ staffHandle: staffUser.handle, revealedHandle: revealedUser.handle, contentType: anonymityReveals.contentType, contentId: anonymityReveals.contentId, reason: anonymityReveals.reason, at: anonymityReveals.createdAt })
        .from(anonymityReveals)
        .innerJoin(staffUser, eq(staffUser.id, anonymityReveals.staffId))
        .innerJoin(revealedUser, eq(revealedUser.id, anonymityReveals.revealedUserId))
        .orderBy(desc(anonymityReveals.createdAt))
        .limit(500);
      return { reveals: rows.map((row) => ({ ...row, at: row.at.toISOString() })) };
    },
  });
}
