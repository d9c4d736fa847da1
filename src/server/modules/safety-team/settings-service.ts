import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { SafetySettingsResponse } from '../../../shared/api/safety-review.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { safetySettingsPatchSchema, SafetySettings } from '../../../shared/api/safety-settings.js';
import type { Deps } from '../../deps.js';
import { users } from '../../db/schema/index.js';
import { invalidField } from '../../http/errors.js';
import { staffChannel, type LiveEvent } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { releaseClaimsOffTeam } from './alerts-service.js';
import { readSafetySettings, writeSafetySettings } from './settings.js';
import { DEFAULT_AUTO_REPLY } from './auto-reply.js';

/** The automatic first reply's text when an admin has not written their own: the one the writer's side sends. */
export const DEFAULT_AUTO_REPLY_TEXT = DEFAULT_AUTO_REPLY;

type SettingsDeps = Pick<Deps, 'db' | 'config' | 'live' | 'clock'>;

/** Every moderator and admin (not the Hearth Safety system account, which writes automatic replies and is no person). */
async function listStaff(deps: Pick<Deps, 'db'>) {
  return deps.db
    .select({ id: users.id, handle: users.handle, role: users.role })
    .from(users)
    .where(and(inArray(users.role, ['moderator', 'admin']), eq(users.isSystem, false)))
    .orderBy(asc(users.handle))
    .limit(500);
}

export async function readSettingsView(deps: Pick<Deps, 'db' | 'config'>, settings?: SafetySettings): Promise<SafetySettingsResponse> {
  const current = settings ?? (await readSafetySettings(deps.db));
  const staff = await listStaff(deps);
  return {
    settings: current,
    defaults: {
      deadlineMinutes: { high: deps.config.alertDeadlineMs.high / 60_000, imminent: deps.config.alertDeadlineMs.imminent / 60_000 },
      autoReplyText: DEFAULT_AUTO_REPLY_TEXT,
    },
    staff,
  };
}

/**
 * An admin's change to the settings: merged over what stands, validated (a
 * limited team names current moderators; admins, always on it, may be named),
 * audited with the keys changed (never the text). Open sockets follow a team change at once:
 * the gateway re-reads each staff socket's access before every staff event.
 */
export async function updateSettings(deps: SettingsDeps, auth: AuthContext, patch: z.output<typeof safetySettingsPatchSchema>): Promise<SafetySettingsResponse> {
  if (patch.teamLimitedTo) {
    const ids = [...new Set(patch.teamLimitedTo)];
    if (ids.length === 0) throw invalidField('teamLimitedTo', '"teamLimitedTo" must not be empty: name the moderators on the team (null means every moderator; admins are always on it).');
    const found = await deps.db.select({ id: users.id, role: users.role, isSystem: users.isSystem }).from(users).where(inArray(users.id, ids));
    const staffIds = new Set(found.filter((row) => (row.role === 'moderator' || row.role === 'admin') && !row.isSystem).map((row) => row.id));
    if (ids.some((id) => !staffIds.has(id))) throw invalidField('teamLimitedTo', '"teamLimitedTo" may only name current moderators and admins.');
    patch = { ...patch, teamLimitedTo: ids };
  }
  const now = deps.clock.now();
  const next = await deps.db.transaction(async (tx) => {
    const current = await readSafetySettings(tx);
    const merged: SafetySettings = { ...current };
    const changed: string[] = [];
    for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
      const value = patch[key];
      if (value === undefined) continue;
      if (JSON.stringify(current[key]) !== JSON.stringify(value)) changed.push(key);
      (merged as Record<string, unknown>)[key] = value;
    }
    if (changed.length === 0) return { merged, events: [] };
    await writeSafetySettings(tx, merged, auth.user.id, now);
    await recordAudit(tx, { actorId: auth.user.id, action: 'safety.settings_changed', targetType: 'site_settings', targetId: 'safety', details: { changed } });
    // Who is on the team decides who is shown on duty.
    const events: LiveEvent[] = [];
    if (changed.includes('teamLimitedTo')) {
      events.push(await deps.live.record(tx, staffChannel, SAFETY_LIVE.dutyChanged, {}));
      // A moderator taken off the team gives back the alerts they held, so none sits claimed forever.
      events.push(...(await releaseClaimsOffTeam(tx, deps, { actorId: auth.user.id, now })));
    }
    return { merged, events };
  });
  await deps.live.announce(next.events);
  return readSettingsView(deps, next.merged);
}
