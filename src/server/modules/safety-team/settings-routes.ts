import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { safetySettingsResponseSchema } from '../../../shared/api/safety-review.js';
import { safetySettingsPatchSchema } from '../../../shared/api/safety-settings.js';
import type { Deps } from '../../deps.js';
import { signedIn } from '../../http/authenticate.js';
import { readSettingsView, updateSettings } from './settings-service.js';
import { requireSafetyAdmin, requireSafetyTeam } from './policy.js';

const tags = ['safety team'];

/** The safety team's settings: the team may read them, admins change them. */
export function registerSafetySettingsRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/safety/settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'The safety settings, their defaults, and who is on staff (safety team)', response: { 200: safetySettingsResponseSchema } },
    handler: async (request) => {
      await requireSafetyTeam(deps.db, request);
      return readSettingsView(deps);
    },
  });

  app.patch('/api/safety/settings', {
    preValidation: signedIn,
    schema: { tags, summary: 'Change the safety settings (admins)', body: safetySettingsPatchSchema, response: { 200: safetySettingsResponseSchema } },
    handler: async (request) => {
      const auth = requireSafetyAdmin(request);
      return updateSettings(deps, auth, request.body);
    },
  });
}
