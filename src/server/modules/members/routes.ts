import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { communitySettingsSchema, updateCommunitySettingsRequestSchema } from '../../../shared/api/community.js';
import type { Deps } from '../../deps.js';
import { requireAuth, signedIn } from '../../http/authenticate.js';
import { registerProfileRoutes } from './profile-routes.js';
import { findSettings, saveSettings, type MemberSettingsRow } from './queries.js';

function presentSettings(row: MemberSettingsRow) {
  return {
    anonymousByDefault: row.anonymousByDefault,
    contentWarningPreferences: row.contentWarningPreferences as Record<string, 'hide' | 'collapse' | 'show'>,
    topics: row.topics,
    onboarded: row.onboardedAt !== null,
  };
}

/** A member's community settings: anonymity default, content warnings, onboarding topics. */
export function registerMemberRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const response = { 200: z.object({ settings: communitySettingsSchema }) };
  registerProfileRoutes(root, deps);

  app.get('/api/me/community-settings', {
    preValidation: signedIn,
    schema: { tags: ['members'], summary: 'Community settings', response },
    handler: async (request) => ({ settings: presentSettings(await findSettings(deps.db, requireAuth(request).user.id)) }),
  });

  app.patch('/api/me/community-settings', {
    preValidation: signedIn,
    schema: { tags: ['members'], summary: 'Change community settings (onboarding saves topics here)', body: updateCommunitySettingsRequestSchema, response },
    handler: async (request) => {
      const auth = requireAuth(request);
      const { onboarded, contentWarningPreferences, ...rest } = request.body;
      const current = await findSettings(deps.db, auth.user.id);
      const row = await saveSettings(deps.db, auth.user.id, {
        ...rest,
        ...(contentWarningPreferences
          ? { contentWarningPreferences: { ...current.contentWarningPreferences, ...(contentWarningPreferences as Record<string, string>) } }
          : {}),
        ...(onboarded === undefined ? {} : { onboardedAt: onboarded ? (current.onboardedAt ?? new Date()) : null }),
      });
      return { settings: presentSettings(row) };
    },
  });
}
