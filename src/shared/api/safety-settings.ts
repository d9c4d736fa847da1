import { z } from 'zod';
import { text } from './text.js';

/**
 * The safety team's site-wide settings, changed by admins at run time (stored
 * in `site_settings` under the key `safety`). Every field has a default, so a
 * new Hearth works without anyone visiting the settings page.
 */
export const safetySettingsSchema = z.object({
  /** Null: every moderator and admin is on the team. A list: every admin, and of the moderators only these (naming an admin changes nothing). */
  teamLimitedTo: z.array(z.uuid()).max(500).nullable().default(null),
  /** Minutes to claim an alert, by level. Null: the env defaults (ALERT_DEADLINE_*_MINUTES). */
  deadlineMinutes: z
    .object({ high: z.number().min(1).max(24 * 60), imminent: z.number().min(0.5).max(60) })
    .nullable()
    .default(null),
  /** After the on-duty step, minutes until every admin is told, then until the webhook is sent. */
  escalation: z
    .object({ adminsAfterMinutes: z.number().min(0.5).max(24 * 60), webhookAfterMinutes: z.number().min(0.5).max(24 * 60) })
    .default({ adminsAfterMinutes: 5, webhookAfterMinutes: 5 }),
  /** An alert one person resolved as `not_a_concern` goes on the review list for a second look. */
  secondLook: z.boolean().default(true),
  /** The Hearth Safety account's automatic first reply under a `high` or `imminent` post. */
  autoReply: z
    .object({ enabled: z.boolean(), text: text().trim().min(20).max(2000).nullable() })
    .default({ enabled: true, text: null }),
});

export type SafetySettings = z.infer<typeof safetySettingsSchema>;

/** What an admin sends: any subset of the settings. */
export const safetySettingsPatchSchema = z.strictObject({
  teamLimitedTo: z.array(z.uuid()).max(500).nullable().optional(),
  deadlineMinutes: z
    .strictObject({ high: z.number().min(1).max(24 * 60), imminent: z.number().min(0.5).max(60) })
    .nullable()
    .optional(),
  escalation: z.strictObject({ adminsAfterMinutes: z.number().min(0.5).max(24 * 60), webhookAfterMinutes: z.number().min(0.5).max(24 * 60) }).optional(),
  secondLook: z.boolean().optional(),
  autoReply: z.strictObject({ enabled: z.boolean(), text: text().trim().min(20).max(2000).nullable() }).optional(),
});
