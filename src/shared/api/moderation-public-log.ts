import { z } from 'zod';
import { text } from './text.js';

/**
 * A group's public moderation log (`GET /api/groups/:slug/moderation-log`,
 * Lemmy's modlog): what was done, roughly when, under which rule. Never a
 * handle, a moderator's own words, a content title or an id of a member.
 * Times are to the hour, so the log cannot be lined up with a member's
 * activity to the minute.
 */

export const PUBLIC_LOG_KINDS = [
  'content_warning',
  'hide',
  'remove',
  'restore',
  'approve',
  'lock',
  'unlock',
  'move',
  'mute',
  'overturned',
] as const;
export const publicLogKindSchema = z.enum(PUBLIC_LOG_KINDS);
export type PublicLogKind = z.infer<typeof publicLogKindSchema>;

export const publicLogQuerySchema = z.strictObject({ cursor: text().max(200).optional() });

export const publicLogEntrySchema = z.object({
  kind: publicLogKindSchema,
  /** What was done, in words ("A reply was removed"). */
  words: z.string(),
  /** The start of the hour it happened in (UTC, ISO). */
  hour: z.string(),
  /** The reason template's label or the automatic rule's name; null for a decision on appeal. */
  reason: z.string().nullable(),
  /** True when an automatic rule did it. */
  automatic: z.boolean(),
});
export type PublicLogEntry = z.infer<typeof publicLogEntrySchema>;

export const publicLogPageSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string() }),
  entries: z.array(publicLogEntrySchema),
  nextCursor: z.string().nullable(),
});
export type PublicLogPage = z.infer<typeof publicLogPageSchema>;
