import { eq, sql } from 'drizzle-orm';
import { safetySettingsSchema, type SafetySettings } from '../../../shared/api/safety-settings.js';
import type { Config } from '../../config/index.js';
import type { Database } from '../../db/index.js';
import { siteSettings } from '../../db/schema/index.js';

const KEY = 'safety';

/** The safety settings as they stand (defaults for anything never set, or stored by an older version and no longer valid). */
export async function readSafetySettings(db: Database): Promise<SafetySettings> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, KEY)).limit(1);
  const parsed = safetySettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : safetySettingsSchema.parse({});
}

/** Replaces the stored settings with `next` (already merged and validated by the caller). */
export async function writeSafetySettings(db: Database, next: SafetySettings, actorId: string, now: Date): Promise<void> {
  await db
    .insert(siteSettings)
    .values({ key: KEY, value: next, updatedAt: now, updatedBy: actorId })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value: sql`excluded.value`, updatedAt: now, updatedBy: actorId } });
}

/** How long the team has to claim an alert of this level: the admin's setting, else the env default. */
export function deadlineMs(settings: SafetySettings, config: Pick<Config, 'alertDeadlineMs'>, level: 'high' | 'imminent'): number {
  const minutes = settings.deadlineMinutes?.[level];
  return minutes === undefined ? config.alertDeadlineMs[level] : minutes * 60_000;
}
