import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { memberSettings } from '../../db/schema/index.js';

export type MemberSettingsRow = typeof memberSettings.$inferSelect;

export const DEFAULT_SETTINGS = (userId: string): MemberSettingsRow => ({
  userId,
  anonymousByDefault: false,
  contentWarningPreferences: {},
  topics: [],
  onboardedAt: null,
});

export async function findSettings(db: Database, userId: string): Promise<MemberSettingsRow> {
  const [row] = await db.select().from(memberSettings).where(eq(memberSettings.userId, userId)).limit(1);
  return row ?? DEFAULT_SETTINGS(userId);
}

export async function saveSettings(db: Database, userId: string, values: Partial<Omit<MemberSettingsRow, 'userId'>>): Promise<MemberSettingsRow> {
  const [row] = await db
    .insert(memberSettings)
    .values({ ...DEFAULT_SETTINGS(userId), ...values })
    .onConflictDoUpdate({ target: memberSettings.userId, set: values })
    .returning();
  return row!;
}
