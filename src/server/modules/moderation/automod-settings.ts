import { eq, sql } from 'drizzle-orm';
import { moderationSettingsSchema, type ModerationSettings } from '../../../shared/api/moderation-automod.js';
import type { Database } from '../../db/index.js';
import { siteSettings } from '../../db/schema/index.js';

export const MODERATION_SETTINGS_KEY = 'moderation';

/** The site's moderation settings (defaults for anything never set or no longer valid). */
export async function readModerationSettings(db: Database): Promise<ModerationSettings> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, MODERATION_SETTINGS_KEY)).limit(1);
  return parseModerationSettings(row?.value);
}

/** The settings from the stored value (null or undefined when never set). */
export function parseModerationSettings(value: unknown): ModerationSettings {
  const parsed = moderationSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : moderationSettingsSchema.parse({});
}

export async function writeModerationSettings(db: Database, next: ModerationSettings, actorId: string, now: Date): Promise<void> {
  await db
    .insert(siteSettings)
    .values({ key: MODERATION_SETTINGS_KEY, value: next, updatedAt: now, updatedBy: actorId })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value: sql`excluded.value`, updatedAt: now, updatedBy: actorId } });
}
