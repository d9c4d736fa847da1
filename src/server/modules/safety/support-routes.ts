import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { supportActionRequestSchema, supportActionResponseSchema } from '../../../shared/api/safety.js';
import type { Deps } from '../../deps.js';
import { riskAssessments, supportResponses } from '../../db/schema/index.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { notFound } from '../../http/errors.js';
import type { LiveEvent } from '../../live/hub.js';
import { openAlert } from '../safety-team/open-alert.js';

/**
 * The two buttons of the support card. Both are recorded. "Talk to someone now"
 * raises an alert for the safety team at once (with the imminent deadline: the
 * member asked for a person). "I'm safe for now" is noted for the team's context.
 */
export function registerSupportRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post('/api/safety/support-actions', {
    preValidation: signedIn,
    schema: { tags: ['safety'], summary: 'Record a support-card choice', body: supportActionRequestSchema, response: { 200: supportActionResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      const { assessmentId, action } = request.body;
      const [assessment] = await deps.db
        .select({ id: riskAssessments.id, level: riskAssessments.level, contentType: riskAssessments.contentType, contentId: riskAssessments.contentId })
        .from(riskAssessments)
        .where(and(eq(riskAssessments.id, assessmentId), eq(riskAssessments.authorId, auth.user.id)))
        .limit(1);
      if (!assessment) throw notFound('That support card');

      const now = deps.clock.now();
      const event = await deps.db.transaction(async (tx) => {
        let alertId: string | null = null;
        let alertEvent: LiveEvent | null = null;
        if (action === 'talk_to_someone') {
          const level = assessment.level === 'imminent' ? 'imminent' : 'high';
          const opened = await openAlert(tx, deps, {
            reason: 'talk_to_someone',
            assessmentId,
            contentType: assessment.contentType,
            contentId: assessment.contentId,
            subjectId: auth.user.id,
            level,
            // The member asked for a person: the shortest deadline applies.
            deadlineLevel: 'imminent',
            now,
          });
          alertId = opened.alertId;
          alertEvent = opened.event;
        }
        await tx.insert(supportResponses).values({ userId: auth.user.id, assessmentId, action, alertId, createdAt: now });
        return alertEvent;
      });
      if (event) await deps.live.announce([event]);
      return action === 'talk_to_someone'
        ? { recorded: true as const, alerted: true, message: 'Thank you for reaching out. Our safety team has been alerted that you asked to talk to someone and will follow up as soon as they can. If you are in danger before then, please call the emergency number or one of the lines on this card.' }
        : { recorded: true as const, alerted: false, message: 'Thank you for letting us know. The support here is always one tap away if that changes.' };
    },
  });
}
