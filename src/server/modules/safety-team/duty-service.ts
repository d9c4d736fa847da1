import { eq } from 'drizzle-orm';
import { DUTY_MAX_HOURS, type DutyResponse } from '../../../shared/api/safety-review.js';
import type { SafetySettings } from '../../../shared/api/safety-settings.js';
import type { Deps } from '../../deps.js';
import { safetyDuty } from '../../db/schema/index.js';
import { invalidField } from '../../http/errors.js';
import { staffChannel } from '../../live/hub.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { listOnDuty } from './duty-queries.js';

type DutyDeps = Pick<Deps, 'db' | 'live' | 'clock'>;

/** Who is on duty now, and whether the caller is (their own end time included). */
export async function readDuty(deps: DutyDeps, auth: AuthContext, settings: SafetySettings): Promise<DutyResponse> {
  const onDuty = await listOnDuty(deps.db, settings, deps.clock.now());
  const mine = onDuty.find((member) => member.userId === auth.user.id);
  return {
    onDuty: onDuty.map((member) => ({ handle: member.handle, since: member.since.toISOString(), until: member.until?.toISOString() ?? null })),
    you: { on: Boolean(mine), since: mine?.since.toISOString() ?? null, until: mine?.until?.toISOString() ?? null },
  };
}

/**
 * Switches the caller's safety duty on (until switched off, or until `until`:
 * "on until 23:00") or off. Switching on while already on keeps the original
 * start and moves only the end time.
 */
export async function setDuty(deps: DutyDeps, auth: AuthContext, settings: SafetySettings, input: { on: boolean; until?: string | undefined }): Promise<DutyResponse> {
  const now = deps.clock.now();
  let until: Date | null = null;
  if (input.on && input.until !== undefined) {
    until = new Date(input.until);
    if (until.getTime() <= now.getTime()) throw invalidField('until', '"until" must be in the future.');
    if (until.getTime() > now.getTime() + DUTY_MAX_HOURS * 3_600_000) throw invalidField('until', `"until" must be at most ${DUTY_MAX_HOURS} hours from now.`);
  }
  const event = await deps.db.transaction(async (tx) => {
    if (input.on) {
      const stillOn = (await listOnDuty(tx, settings, now)).some((member) => member.userId === auth.user.id);
      await tx
        .insert(safetyDuty)
        .values({ userId: auth.user.id, since: now, until })
        .onConflictDoUpdate({ target: safetyDuty.userId, set: stillOn ? { until } : { since: now, until } });
    } else {
      await tx.delete(safetyDuty).where(eq(safetyDuty.userId, auth.user.id));
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: input.on ? 'safety.duty_on' : 'safety.duty_off',
      targetType: 'user',
      targetId: auth.user.id,
      details: input.on ? { until: until?.toISOString() ?? null } : {},
    });
    return deps.live.record(tx, staffChannel, SAFETY_LIVE.dutyChanged, {});
  });
  await deps.live.announce([event]);
  return readDuty(deps, auth, settings);
}
